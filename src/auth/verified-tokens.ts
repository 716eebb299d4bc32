import type { Principal } from './principal.js';

interface Verified {
  principal: Principal;
  /** `exp` in seconds since the epoch. */
  exp: number;
  /** When this entry must be verified afresh (ms), whatever `exp` says. */
  recheckAt: number;
}

/**
 * Tokens this process has verified, by their exact text. Every request carries
 * its caller's token, and verifying an HS256 signature through WebCrypto cost
 * ~0.4 ms of CPU per request on a customer page (more than building the page's
 * SQL). A hit needs the same bytes — signature included — that passed every
 * check before; expiry is checked again on each hit, and an entry is verified
 * afresh after `recheckMs` so a key withdrawn from a JWKS stops working soon.
 * Bounded: the least recently used entry goes first.
 */
export class VerifiedTokens {
  readonly #entries = new Map<string, Verified>();

  constructor(
    private readonly max = 10_000,
    private readonly recheckMs = 60_000,
  ) {}

  /** The principal of a token verified before and still within `exp` (+ `skewSeconds`), else undefined. */
  get(token: string, skewSeconds: number, now = Date.now()): Principal | 'expired' | undefined {
    const v = this.#entries.get(token);
    if (!v) return undefined;
    this.#entries.delete(token);
    if (now / 1000 > v.exp + skewSeconds) return 'expired';
    if (now >= v.recheckAt) return undefined;
    this.#entries.set(token, v);
    return v.principal;
  }

  /** Remembers a token that passed verification. */
  set(token: string, principal: Principal, exp: number, now = Date.now()): void {
    if (this.#entries.size >= this.max) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(token, { principal, exp, recheckAt: now + this.recheckMs });
  }

  get size(): number {
    return this.#entries.size;
  }
}
