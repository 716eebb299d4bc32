import { z } from 'zod';
// The bank's published development secret (`npm run token`): accepted outside production only.
import { DEVELOPMENT_JWT_SECRET } from '../../../src/config/config.js';

/** The partner's environment. The token variables are the host's own names: both verify the same bank tokens. */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4101),
  HOST: z.string().min(1).default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  JWT_PUBLIC_KEY: z.string().optional(),
  JWKS_URL: z.string().url().optional(),
  JWT_ISSUER: z.string().default('finmart'),
  JWT_AUDIENCE: z.string().default('finmart-api'),
  JWT_CLOCK_SKEW_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
});

/** Validated configuration of the insurance subgraph. */
export type PartnerConfig = z.infer<typeof schema> & { jwtSecret?: string };

/** Reads the environment; throws an Error naming every bad variable. */
export function loadPartnerConfig(env: NodeJS.ProcessEnv = process.env): PartnerConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid configuration:\n  ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n  ')}`);
  const c = parsed.data;
  const production = c.NODE_ENV === 'production';
  if (production && !c.JWT_SECRET && !c.JWT_PUBLIC_KEY && !c.JWKS_URL)
    throw new Error('Invalid configuration:\n  JWT_SECRET / JWT_PUBLIC_KEY / JWKS_URL: one is required in production');
  if (production && c.JWT_SECRET === DEVELOPMENT_JWT_SECRET) throw new Error('Invalid configuration:\n  JWT_SECRET: the development secret is published');
  return { ...c, jwtSecret: c.JWT_SECRET ?? (production ? undefined : DEVELOPMENT_JWT_SECRET) };
}
