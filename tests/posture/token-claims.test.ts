import { SignJWT } from 'jose';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createTokenVerifier, TokenError } from '../../src/auth/tokens.js';
import { authenticate } from '../../src/http/authenticate.js';
import { VerifiedTokens } from '../../src/auth/verified-tokens.js';
import type { Principal } from '../../src/auth/principal.js';

const SECRET = 'tB7#qL9v!Xe2$Wm4^Rz8&Kp1*Nd6(Hs3)Fa5@Gc0';
const ISSUER = 'finmart';
const AUDIENCE = 'finmart-api';

/** A head-office token with exactly the time claims given (seconds since the epoch; undefined = absent). */
function sign(claims: { iat?: number; nbf?: number; exp?: number }) {
  let jwt = new SignJWT({ role: 'HEAD_OFFICE' }).setProtectedHeader({ alg: 'HS256' }).setSubject('clock-test').setIssuer(ISSUER).setAudience(AUDIENCE);
  if (claims.iat !== undefined) jwt = jwt.setIssuedAt(claims.iat);
  if (claims.nbf !== undefined) jwt = jwt.setNotBefore(claims.nbf);
  if (claims.exp !== undefined) jwt = jwt.setExpirationTime(claims.exp);
  return jwt.sign(new TextEncoder().encode(SECRET));
}

describe('token time claims (skew 30 s)', () => {
  let verify: (token: string) => Promise<Principal>;
  const now = () => Math.floor(Date.now() / 1000);
  beforeAll(async () => {
    verify = await createTokenVerifier({ secret: SECRET, issuer: ISSUER, audience: AUDIENCE, clockSkewSeconds: 30 });
  });
  const refused = async (token: string) => {
    await expect(verify(token)).rejects.toBeInstanceOf(TokenError);
    expect(await authenticate(`Bearer ${token}`, verify)).toMatchObject({ ok: false });
  };

  it('accepts an ordinary token', async () => {
    expect((await verify(await sign({ iat: now(), exp: now() + 3600 }))).role).toBe('HEAD_OFFICE');
  });

  it('refuses a token without exp (it would never expire)', async () => {
    await refused(await sign({ iat: now() }));
    await refused(await sign({}));
  });

  it('refuses iat in the future beyond the skew', async () => {
    await refused(await sign({ iat: now() + 600, exp: now() + 4200 }));
    await refused(await sign({ iat: now() + 45, exp: now() + 3600 }));
  });

  it('refuses nbf in the future beyond the skew', async () => {
    await refused(await sign({ iat: now(), nbf: now() + 600, exp: now() + 3600 }));
  });

  it('tolerates a clock a few seconds ahead (iat, nbf) or behind (exp) within the skew', async () => {
    expect((await verify(await sign({ iat: now() + 10, nbf: now() + 10, exp: now() + 3600 }))).role).toBe('HEAD_OFFICE');
    expect((await verify(await sign({ iat: now() - 3600, exp: now() - 10 }))).role).toBe('HEAD_OFFICE');
  });

  it('still reports an expired token as expired', async () => {
    const token = await sign({ iat: now() - 3600, exp: now() - 60 });
    expect(await authenticate(`Bearer ${token}`, verify)).toEqual({ ok: false, reason: 'expired' });
  });
});

describe('verified tokens are remembered, never beyond what verification allowed', () => {
  const now = () => Math.floor(Date.now() / 1000);

  it('a remembered token is refused once it expires (the cache checks exp on every hit)', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const verify = await createTokenVerifier({ secret: SECRET, issuer: ISSUER, audience: AUDIENCE, clockSkewSeconds: 30 });
      const token = await sign({ iat: now(), exp: now() + 40 });
      expect((await verify(token)).subject).toBe('clock-test');
      expect((await verify(token)).subject).toBe('clock-test');
      vi.setSystemTime(Date.now() + 71_000);
      await expect(verify(token)).rejects.toThrow('expired');
      expect(await authenticate(`Bearer ${token}`, verify)).toEqual({ ok: false, reason: 'expired' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('a token differing from a remembered one in its signature or payload is verified, and refused', async () => {
    const verify = await createTokenVerifier({ secret: SECRET, issuer: ISSUER, audience: AUDIENCE });
    const token = await sign({ iat: now(), exp: now() + 3600 });
    await verify(token);
    const [h, p, s] = token.split('.');
    const flipped = s!.slice(0, -2) + (s!.at(-2) === 'A' ? 'B' : 'A') + s!.at(-1);
    await expect(verify(`${h}.${p}.${flipped}`)).rejects.toBeInstanceOf(TokenError);
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), role: 'AUDITOR' })).toString('base64url');
    await expect(verify(`${h}.${forged}.${s}`)).rejects.toBeInstanceOf(TokenError);
  });

  it('a token verified under another key is not accepted by this verifier', async () => {
    const other = await createTokenVerifier({ secret: `${SECRET}-other-key-0123456789`, issuer: ISSUER, audience: AUDIENCE });
    const verify = await createTokenVerifier({ secret: SECRET, issuer: ISSUER, audience: AUDIENCE });
    const token = await sign({ iat: now(), exp: now() + 3600 });
    await verify(token);
    await expect(other(token)).rejects.toBeInstanceOf(TokenError);
  });
});

describe('VerifiedTokens', () => {
  it('keeps at most its bound, dropping the least recently used; rechecks after its period', () => {
    const cache = new VerifiedTokens(2, 1000);
    const p = { subject: 's', role: 'HEAD_OFFICE' } as Principal;
    const exp = Math.floor(Date.now() / 1000) + 3600;
    cache.set('a', p, exp, 0);
    cache.set('b', p, exp, 0);
    expect(cache.get('a', 30, 10)).toBe(p); // a is now the most recent
    cache.set('c', p, exp, 10);
    expect(cache.get('b', 30, 20)).toBeUndefined();
    expect(cache.get('a', 30, 20)).toBe(p);
    expect(cache.size).toBe(2);
    expect(cache.get('a', 30, 1000)).toBeUndefined(); // verified afresh after the period
  });
});
