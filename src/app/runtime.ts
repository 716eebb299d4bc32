import type { Config } from '../config/config.js';
import type { Database } from '../db/client.js';
import type { RequestContext } from '../graphql/context.js';
import type { Logger } from '../logger.js';
import type { FinmartMetrics } from '../observability/metrics.js';
import type { Tracing } from '../observability/tracing.js';
import type { PluginManifest, PluginServices } from '../sdk/manifest.js';
import type { SettingsRegistry } from '../settings/registry.js';
import type { RegisteredRule } from '../suitability/engine.js';

/** The running host: loaded plugins, rules and settings. Built once at boot. */
export interface HostRuntime {
  config: Config;
  database: Database;
  log: Logger;
  settings: SettingsRegistry;
  /** Loaded plugins in dependency order. */
  plugins: PluginManifest[];
  pluginByLine: Map<string, PluginManifest>;
  /** Core rules, then each plugin's. */
  rules: RegisteredRule[];
  /** Services handed to a plugin (its catalog writer is bound to its line). */
  servicesFor(code: string): PluginServices;
  /** This host's Prometheus metrics (its own registry); absent in runtimes built outside createHost. */
  metrics?: FinmartMetrics;
  /** OpenTelemetry tracing, when an OTLP endpoint (or a test exporter) is configured. */
  tracing?: Tracing;
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
