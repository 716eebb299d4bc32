import type { HostRuntime } from '../app/runtime.js';
import type DataLoader from 'dataloader';
import type { Principal } from '../auth/principal.js';
import type { Db } from '../db/client.js';
import type { Lang, LocalizedText } from '../i18n/localized.js';
import type { Logger } from '../logger.js';
import type { SettingsReader } from '../settings/reader.js';

/**
 * What every resolver receives: the caller, the language, a request id, and
 * per-request DataLoaders. Plugins see this narrow shape through the SDK.
 */
export interface RequestContext {
  principal: Principal;
  lang: Lang;
  requestId: string;
  /** Database handle. Plugins use it for their own tables only. */
  db: Db;
  settings: SettingsReader;
  log: Logger;
  /** The evaluation instant for this request (one clock per request). */
  now: Date;
  /**
   * A per-request DataLoader, created on first use under `name`. Loaders batch
   * look-ups made in the same tick into one statement.
   */
  loader<K, V>(name: string, batch: (keys: readonly K[]) => Promise<(V | Error)[]>): DataLoader<K, V>;
  /** Picks the request's language from a {@link LocalizedText}. */
  t(text: LocalizedText): string;
}

/** What core resolvers receive: the plugin-facing context plus the runtime. */
export interface HostContext extends RequestContext {
  host: HostRuntime;
  /**
   * Set while an approved maker-checker action runs (as its maker, on the approving checker's request): the
   * action's own gate lets exactly that action through instead of holding it again.
   */
  approval?: { id: number; action: string };
}
