import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

/**
 * What the screens need from the network: a `fetch`-like function (the global `fetch`, a test double,
 * a React Native polyfill…). Nothing here opens a connection by itself.
 */
export type Transport = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: string },
) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

export interface ClientOptions {
  /** The GraphQL endpoint, e.g. `https://finmart.example/graphql`. */
  url: string;
  /** A bearer token (JWT) for the `Authorization` header. */
  token: string;
  transport: Transport;
  /** `en` or `zh-CN` (the server's default): the language of error messages. */
  lang?: 'en' | 'zh-CN';
  /**
   * Send the document's full text instead of its id. By default a request carries only the
   * persisted document's id (`documentId`: `sha256:` and the hash of the document's text in the
   * manifest), which a server locked to the manifest (`TRUSTED_DOCUMENTS`) resolves. The text printed
   * here is the same operation but not byte for byte the manifest's text: it suits servers that do not
   * enforce the manifest (development, `TRUSTED_DOCUMENTS_MODE=allow-unknown`).
   */
  sendText?: boolean;
}

/** A GraphQL error as the server sends it (`extensions.code`: UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT…). */
export interface GraphQLErrorShape {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; requestId?: string; [key: string]: unknown };
}

/** The request failed as a whole (HTTP status, or errors and no data). */
export class GraphQLRequestError extends Error {
  constructor(
    readonly status: number,
    readonly errors: GraphQLErrorShape[],
  ) {
    super(errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; ') || `HTTP ${status}`);
    this.name = 'GraphQLRequestError';
  }
}

/** The hash the client preset embeds in every generated document (`persistedDocuments: true`). */
type PersistedDocument<R, V> = TypedDocumentNode<R, V> & { __meta__?: { hash?: string } };

/**
 * Runs one generated document: its result and variables are the generated types, so a screen that
 * reads a field the schema no longer has (or now may be null) does not compile.
 */
export async function execute<TResult, TVariables extends Record<string, unknown>>(
  client: ClientOptions,
  document: PersistedDocument<TResult, TVariables>,
  variables: TVariables,
): Promise<{ data: TResult; errors: GraphQLErrorShape[] }> {
  const documentId = document.__meta__?.hash;
  const body = client.sendText || !documentId ? { query: print(document), variables } : { documentId, variables };
  const res = await client.transport(client.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      authorization: `Bearer ${client.token}`,
      ...(client.lang ? { 'accept-language': client.lang } : {}),
    },
    body: JSON.stringify(body),
  });
  const payload = (await res.json()) as { data?: TResult | null; errors?: GraphQLErrorShape[] };
  if (payload.data == null) throw new GraphQLRequestError(res.status, payload.errors ?? []);
  return { data: payload.data, errors: payload.errors ?? [] };
}
