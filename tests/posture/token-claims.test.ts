import { SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTokenVerifier, TokenError } from '../../src/auth/tokens.js';
import { authenticate } from '../../src/http/authenticate.js';
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
