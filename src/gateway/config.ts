import { z } from 'zod';
import { ConfigError, DEVELOPMENT_JWT_SECRET } from '../config/config.js';
import { trustedDocumentsSetting, type TrustedDocuments } from '../security/trusted-documents.js';

/** One subgraph the gateway composes. */
export interface SubgraphEndpoint {
  name: string;
  url: string;
}

/** The gateway's validated configuration. */
export interface GatewayConfig {
  subgraphs: SubgraphEndpoint[];
  port: number;
  host: string;
  production: boolean;
  logLevel: string;
  /** Bearer token for the gateway's own calls (reading each subgraph's SDL); never used for a client's request. */
  token?: string;
  /** The development secret to mint that token with, outside production, when GATEWAY_TOKEN is unset. */
  developmentSecret?: string;
  jwtIssuer: string;
  jwtAudience: string;
  /** Re-read the subgraphs' SDL this often (ms); 0: compose once at start. */
  pollIntervalMs: number;
  /**
   * The clients' operations manifest (TRUSTED_DOCUMENTS, TRUSTED_DOCUMENTS_MODE), checked before a request is
   * planned: behind a gateway the subgraphs receive the gateway's query plans, not the clients' documents, so
   * this is where trusted documents are enforced. Undefined: any operation is planned.
   */
  trustedDocuments?: TrustedDocuments;
}

const SUBGRAPH = /^([a-z][a-z0-9-]{0,40})=(\S+)$/;

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  GATEWAY_SUBGRAPHS: z.string({ error: 'required: <name>=<url>,… e.g. finmart=http://127.0.0.1:4000/graphql,insurance=http://127.0.0.1:4101/graphql' }),
  GATEWAY_PORT: z.coerce.number().int().min(0).max(65535).default(4400),
  GATEWAY_HOST: z.string().min(1).default('0.0.0.0'),
  GATEWAY_TOKEN: z.string().min(20).optional(),
  GATEWAY_POLL_INTERVAL_MS: z.coerce.number().int().min(0).default(0),
  JWT_SECRET: z.string().min(32).optional(),
  JWT_ISSUER: z.string().default('finmart'),
  JWT_AUDIENCE: z.string().default('finmart-api'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUSTED_DOCUMENTS: z.string().min(1).optional(),
  TRUSTED_DOCUMENTS_MODE: z.enum(['enforce', 'allow-unknown']).default('enforce'),
});

/**
 * Reads the gateway's environment: `GATEWAY_SUBGRAPHS=<name>=<url>,…` (required), `GATEWAY_PORT` (4400),
 * `GATEWAY_HOST`, `GATEWAY_TOKEN` (the token it reads SDL with; unset outside production: one minted with the
 * development secret), `GATEWAY_POLL_INTERVAL_MS`, `TRUSTED_DOCUMENTS` / `TRUSTED_DOCUMENTS_MODE` (as on the
 * host). Throws {@link ConfigError} naming each bad variable.
 */
export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  const c = parsed.data;
  const problems: string[] = [];
  const subgraphs: SubgraphEndpoint[] = [];
  for (const entry of c.GATEWAY_SUBGRAPHS.split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = SUBGRAPH.exec(entry);
    let url: URL | undefined;
    try {
      url = m ? new URL(m[2]!) : undefined;
    } catch {
      url = undefined;
    }
    if (!m || !url || (url.protocol !== 'http:' && url.protocol !== 'https:')) problems.push(`GATEWAY_SUBGRAPHS: "${entry}" is not <name>=<http(s) url>`);
    else if (subgraphs.some((s) => s.name === m[1])) problems.push(`GATEWAY_SUBGRAPHS: ${m[1]} is named twice`);
    else subgraphs.push({ name: m[1]!, url: url.toString() });
  }
  if (subgraphs.length === 0 && problems.length === 0) problems.push('GATEWAY_SUBGRAPHS: name at least one subgraph');
  const production = c.NODE_ENV === 'production';
  if (production && !c.GATEWAY_TOKEN) problems.push('GATEWAY_TOKEN: required in production (the gateway reads each subgraph’s SDL with it)');
  const trustedDocuments = trustedDocumentsSetting(c.TRUSTED_DOCUMENTS, c.TRUSTED_DOCUMENTS_MODE, problems);
  if (problems.length) throw new ConfigError(problems);
  return {
    subgraphs,
    port: c.GATEWAY_PORT,
    host: c.GATEWAY_HOST,
    production,
    logLevel: c.LOG_LEVEL,
    token: c.GATEWAY_TOKEN,
    developmentSecret: production ? undefined : (c.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET),
    jwtIssuer: c.JWT_ISSUER,
    jwtAudience: c.JWT_AUDIENCE,
    pollIntervalMs: c.GATEWAY_POLL_INTERVAL_MS,
    trustedDocuments,
  };
}
