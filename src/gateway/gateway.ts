import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloGateway, IntrospectAndCompose, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { Logger } from 'pino';
import { signDevelopmentToken } from '../auth/tokens.js';
import { trustedDocumentsMiddleware } from '../http/trusted-documents.js';
import { langFromHeader } from '../i18n/localized.js';
import type { GatewayConfig } from './config.js';

/** What the gateway keeps of a client's request: the headers it forwards to every subgraph. */
export interface GatewayContext {
  authorization?: string;
  acceptLanguage?: string;
  requestId?: string;
}

/**
 * A subgraph call: the caller's own `Authorization` header goes to every subgraph, which verifies it (the
 * gateway never swaps in a token of its own for a client), with the language and the request id.
 */
export class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]): void {
    const headers = request.http?.headers;
    if (!headers) return;
    if (context.authorization) headers.set('authorization', context.authorization);
    if (context.acceptLanguage) headers.set('accept-language', context.acceptLanguage);
    if (context.requestId) headers.set('x-request-id', context.requestId);
  }
}

/** A running gateway. */
export interface RunningGateway {
  url: string;
  httpServer: Server;
  stop(): Promise<void>;
}

/** The gateway's own token for reading SDL: GATEWAY_TOKEN, or outside production a read-only (AUDITOR) development token. */
async function compositionToken(config: GatewayConfig): Promise<string> {
  if (config.token) return config.token;
  if (!config.developmentSecret) throw new Error('GATEWAY_TOKEN is required');
  return signDevelopmentToken(
    { role: 'AUDITOR', subject: 'dev:gateway' },
    { secret: config.developmentSecret, issuer: config.jwtIssuer, audience: config.jwtAudience, expiresIn: '30d' },
  );
}

/**
 * Starts the federation gateway: Apollo's `ApolloGateway`, whose `IntrospectAndCompose` reads each subgraph's SDL
 * (`_service { sdl }`) and composes the supergraph with `@apollo/composition`, served by Apollo Server 5. A
 * request without an `Authorization` header is refused (401) before any planning; a token is verified by each
 * subgraph it reaches. With trusted documents, an operation not in the manifest is refused (400) before planning.
 */
export async function startGateway(config: GatewayConfig, log: Logger): Promise<RunningGateway> {
  const token = await compositionToken(config);
  const gateway = new ApolloGateway({
    supergraphSdl: new IntrospectAndCompose({
      subgraphs: config.subgraphs,
      introspectionHeaders: { authorization: `Bearer ${token}` },
      ...(config.pollIntervalMs > 0 ? { pollIntervalInMs: config.pollIntervalMs } : {}),
    }),
    buildService: ({ url }) => new ForwardingDataSource({ url }),
    logger: {
      debug: () => {},
      info: (m: unknown) => log.info({ detail: String(m) }, 'gateway'),
      warn: (m: unknown) => log.warn({ detail: String(m) }, 'gateway'),
      error: (m: unknown) => log.error({ detail: String(m) }, 'gateway'),
    },
  });
  const httpServer = createServer();
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !config.production,
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();
  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
  app.use('/graphql', (req, res, next) => {
    if (req.header('authorization')) return next();
    res
      .status(401)
      .setHeader('www-authenticate', 'Bearer')
      .json({ errors: [{ message: '需要有效的身份令牌 / A valid bearer token is required', extensions: { code: 'UNAUTHENTICATED' } }] });
  });
  // Refusals speak the caller's language and carry its request id, as the host's do.
  app.use('/graphql', (req, res, next) => {
    res.locals.lang = langFromHeader(req.header('accept-language'));
    res.locals.requestId = req.header('x-request-id');
    next();
  });
  app.use(
    '/graphql',
    express.json({ limit: '256kb' }),
    // Trusted documents: an id resolved to the manifest's text, anything not in it refused (enforce) before it is
    // planned — the subgraphs only ever see the gateway's plans of registered operations.
    ...(config.trustedDocuments ? [trustedDocumentsMiddleware(config.trustedDocuments, log)] : []),
    expressMiddleware(apollo, {
      context: async ({ req }) => ({
        authorization: req.header('authorization'),
        acceptLanguage: req.header('accept-language'),
        requestId: req.header('x-request-id'),
      }),
    }),
  );
  httpServer.on('request', app);
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/graphql`, httpServer, stop: () => apollo.stop() };
}
