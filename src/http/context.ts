import type { HostRuntime } from '../app/runtime.js';
import type { HostContext } from '../graphql/context.js';
import type { Principal } from '../auth/principal.js';
import { createLoaderRegistry } from '../graphql/loaders.js';
import type { Lang } from '../i18n/localized.js';

/** Options of {@link createRequestContext}. */
export interface RequestContextOptions {
  /** Benchmark baseline only: DataLoaders without batching or caching (one statement per parent). */
  naive?: boolean;
}

/** Builds the context of one request. One clock reading per request keeps every derived value consistent. */
export function createRequestContext(
  runtime: HostRuntime,
  principal: Principal,
  lang: Lang,
  requestId: string,
  now = new Date(),
  opts: RequestContextOptions = {},
): HostContext {
  return {
    host: runtime,
    principal,
    lang,
    requestId,
    db: runtime.database.db,
    // One snapshot for the whole request: a setting change arriving meanwhile (another node's) applies to the next one.
    settings: runtime.settings.snapshot(),
    log: runtime.log.child({ requestId }),
    now,
    loader: createLoaderRegistry({ batch: !opts.naive }),
    t: (text) => text[lang],
  };
}
