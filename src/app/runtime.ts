import type { Config } from '../config/config.js';
import type { Database } from '../db/client.js';
import type { ReplicaSet } from '../db/replicas.js';
import type { Logger } from '../logger.js';
import type { FinmartMetrics } from '../observability/metrics.js';
import type { Tracing } from '../observability/tracing.js';
import type { PluginManifest, PluginServices } from '../sdk/manifest.js';
import type { SettingsRegistry } from '../settings/registry.js';
import type { RegisteredRule } from '../suitability/engine.js';
import type { RemoteLine } from '../remote-lines/remote-line.js';
import type { JobQueue } from '../jobs/queue.js';

/** The running host: loaded plugins, rules and settings. Built once at boot. */
export interface HostRuntime {
  config: Config;
  database: Database;
  log: Logger;
  settings: SettingsRegistry;
  /** Loaded plugins in dependency order, then the manifests the host built for remote lines. */
  plugins: PluginManifest[];
  /** Lines partners serve from their own subgraphs (REMOTE_LINES), by `ProductLine` value; absent or empty: none. */
  remoteLines?: ReadonlyMap<string, RemoteLine>;
  pluginByLine: Map<string, PluginManifest>;
  /** Core rules, then each plugin's. */
  rules: RegisteredRule[];
  /** Services handed to a plugin (its catalog writer is bound to its line). */
  servicesFor(code: string): PluginServices;
  /** This host's Prometheus metrics (its own registry); absent in runtimes built outside createHost. */
  metrics?: FinmartMetrics;
  /** OpenTelemetry tracing, when an OTLP endpoint (or a test exporter) is configured. */
  tracing?: Tracing;
  /** The read replicas (DATABASE_REPLICA_URLS) behind `database`: routing, health, read-your-writes; absent without replicas. */
  replicas?: ReplicaSet;
  /** The job queue (`src/jobs`), once this node has one (PostgreSQL, JOBS=run or enqueue); absent: background work runs in-process. */
  jobs?: JobQueue;
}
