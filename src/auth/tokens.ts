import { createRemoteJWKSet, importSPKI, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { ROLES, type Principal } from './principal.js';
import { VerifiedTokens } from './verified-tokens.js';

/** How tokens are verified: an HS256 secret (development), a PEM public key or a JWKS URL. */
export interface TokenVerifierOptions {
  secret?: string;
  publicKeyPem?: string;
  jwksUrl?: string;
  issuer: string;
  audience: string;
  /** Clock skew tolerated on `exp`, `nbf` and `iat`, in seconds (default 30). */
  clockSkewSeconds?: number;
}

const claimsSchema = z.object({
  sub: z.string().min(1),
  role: z.enum(ROLES),
  manager_id: z.number().int().positive().optional(),
  branch_id: z.number().int().positive().optional(),
  partner: z.string().min(1).optional(),
  checker: z.boolean().optional(),
});

/** Why a token was refused; never shown with the token itself. */
export class TokenError extends Error {}

/** Builds a verifier; the returned function throws {@link TokenError} on any bad token. */
export async function createTokenVerifier(opts: TokenVerifierOptions): Promise<(token: string) => Promise<Principal>> {
  let key: Uint8Array | KeyObject | CryptoKey | JWTVerifyGetKey;
  let algorithms: string[];
  if (opts.jwksUrl) {
    key = createRemoteJWKSet(new URL(opts.jwksUrl));
    algorithms = ['RS256', 'ES256', 'PS256', 'EdDSA'];
  } else if (opts.publicKeyPem) {
    key = await importSPKI(opts.publicKeyPem, 'RS256');
    algorithms = ['RS256'];
  } else if (opts.secret) {
    key = new TextEncoder().encode(opts.secret);
    algorithms = ['HS256'];
  } else {
    throw new Error('No token verification key configured');
  }
  const skew = opts.clockSkewSeconds ?? 30;
  const verified = new VerifiedTokens();
  return async (token: string) => {
    const known = verified.get(token, skew);
    if (known === 'expired') throw new TokenError('expired');
    if (known) return known;
    let payload: JWTPayload;
    try {
      // A token without `exp` would be valid forever; jose checks `nbf` against the skew.
      ({ payload } = await jwtVerify(token, key as never, {
        issuer: opts.issuer,
        audience: opts.audience,
        algorithms,
        requiredClaims: ['exp'],
        clockTolerance: skew,
      }));
    } catch (e) {
      throw new TokenError((e as Error).name === 'JWTExpired' ? 'expired' : 'invalid');
    }
    // jose checks `iat` only together with maxTokenAge: a token "issued" in the
    // future was minted by a wrong clock or to outlive its intended lifetime.
    if (payload.iat !== undefined && payload.iat > Math.floor(Date.now() / 1000) + skew) throw new TokenError('invalid');
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) throw new TokenError('claims');
    const c = claims.data;
    if (c.role === 'RELATIONSHIP_MANAGER' && !c.manager_id) throw new TokenError('claims');
    if (c.role === 'BRANCH_MANAGER' && !c.branch_id) throw new TokenError('claims');
    if (c.role === 'PARTNER' && !c.partner) throw new TokenError('claims');
    const principal: Principal = Object.freeze({
      subject: c.sub,
      role: c.role,
      managerId: c.manager_id,
      branchId: c.branch_id,
      partnerCode: c.partner,
      ...(c.checker === true || c.role === 'CHECKER' ? { checker: true } : {}),
    });
    verified.set(token, principal, payload.exp!);
    return principal;
  };
}

/** Signs an HS256 development token for a principal. */
export async function signDevelopmentToken(
  principal: Omit<Principal, 'subject'> & { subject?: string },
  opts: { secret: string; issuer: string; audience: string; expiresIn?: string },
): Promise<string> {
  const subject =
    principal.subject ??
    `dev:${principal.role.toLowerCase()}${principal.managerId ?? principal.branchId ?? principal.partnerCode ?? ''}${principal.checker && principal.role !== 'CHECKER' ? ':checker' : ''}`;
  return new SignJWT({
    role: principal.role,
    ...(principal.managerId ? { manager_id: principal.managerId } : {}),
    ...(principal.branchId ? { branch_id: principal.branchId } : {}),
    ...(principal.partnerCode ? { partner: principal.partnerCode } : {}),
    ...(principal.checker ? { checker: true } : {}),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(subject)
    .setIssuer(opts.issuer)
    .setAudience(opts.audience)
    .setIssuedAt()
    .setExpirationTime(opts.expiresIn ?? '12h')
    .sign(new TextEncoder().encode(opts.secret));
}
