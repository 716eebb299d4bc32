import type { HostRuntime } from '../app/runtime.js';
import type { HostContext } from '../graphql/context.js';
import type { Db, Tx } from '../db/client.js';
import { createLoaderRegistry } from '../graphql/loaders.js';

/**
 * A request context whose every read goes through `tx`, with fresh loaders.
 * Suitability facts loaded through it see the transaction's own view (after the
 * customer row lock), never what the request's loaders cached earlier. Plugin
 * facts read through the same transaction too: on PGlite a read on the pool
 * handle while a transaction is open would wait for it forever.
 */
export function txContext(ctx: HostContext, tx: Tx): HostContext {
  const db = tx as unknown as Db;
  const host: HostRuntime = {
    ...ctx.host,
    servicesFor: (code) => ({ ...ctx.host.servicesFor(code), db }),
  };
  return { ...ctx, host, db, loader: createLoaderRegistry() };
}
