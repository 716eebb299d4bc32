import type { Principal } from '../auth/principal.js';
import { TokenError } from '../auth/tokens.js';

/** The outcome of reading a request's credentials. */
export type AuthResult = { ok: true; principal: Principal } | { ok: false; reason: 'missing' | 'invalid' | 'expired' };

/** Reads `Authorization: Bearer <JWT>`; anything else is refused. */
export async function authenticate(header: string | undefined, verify: (token: string) => Promise<Principal>): Promise<AuthResult> {
  if (!header) return { ok: false, reason: 'missing' };
  const m = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/.exec(header.trim());
  if (!m || m[1].length > 8192) return { ok: false, reason: 'invalid' };
  try {
    return { ok: true, principal: await verify(m[1]) };
  } catch (e) {
    return { ok: false, reason: e instanceof TokenError && e.message === 'expired' ? 'expired' : 'invalid' };
  }
}
