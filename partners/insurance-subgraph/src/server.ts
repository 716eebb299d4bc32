import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { Logger } from 'pino';
import { createTokenVerifier } from '../../../src/auth/tokens.js';
import { authenticate } from '../../../src/http/authenticate.js';
import { defaultSettings, openCatalogue } from './catalogue.js';
import type { PartnerConfig } from './config.js';
import { insuranceSubgraphSchema, type EvaluationStats } from './schema.js';

/** A running insurance subgraph. */
export interface RunningSubgraph {
  url: string;
  httpServer: Server;
  stats: EvaluationStats;
  stop(): Promise<void>;
}

/**
 * Starts the insurer's subgraph: its catalogue, the Apollo subgraph, and the bank's token check in front of it —
 * the same verification as the bank's host (issuer, audience, expiry, claims), so a call without a valid bank
 * token, from the gateway or from the host, gets 401 before any GraphQL is read.
 */
export async function startInsuranceSubgraph(config: PartnerConfig, log: Logger): Promise<RunningSubgraph> {
  const catalogue = await openCatalogue();
  const verify = await createTokenVerifier({
    secret: config.jwtSecret,
    publicKeyPem: config.JWT_PUBLIC_KEY,
    jwksUrl: config.JWKS_URL,
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    clockSkewSeconds: config.JWT_CLOCK_SKEW_SECONDS,
  });
  const stats: EvaluationStats = { batches: 0, requests: 0 };
  const httpServer = createServer();
  const apollo = new ApolloServer({
    schema: insuranceSubgraphSchema(catalogue, defaultSettings(), stats),
    introspection: config.NODE_ENV !== 'production',
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginInlineTraceDisabled()],
  });
  await apollo.start();
  const app = express();
  app.disable('x-powered-by');
  app.use('/graphql', async (req, res, next) => {
    const auth = await authenticate(req.header('authorization'), verify);
    if (!auth.ok) {
      log.warn({ reason: auth.reason, requestId: req.header('x-request-id') }, 'refused: no valid bank token');
      res
        .status(401)
        .setHeader('www-authenticate', 'Bearer')
        .json({ errors: [{ message: 'A valid bank token is required / 需要有效的银行身份令牌', extensions: { code: 'UNAUTHENTICATED' } }] });
      return;
    }
    next();
  });
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo));
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok', products: catalogue.byCode.size }));
  httpServer.on('request', app);
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.PORT, config.HOST, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    httpServer,
    stats,
    stop: () => apollo.stop(),
  };
}
