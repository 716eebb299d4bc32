import { fileURLToPath } from 'node:url';
import type { GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { ConfigError, type Config } from '../config/config.js';
import { useCardNumberKey } from '../domain/branch-floor/card-number.js';
import { openDatabase, type Database } from '../db/client.js';
import { applyMigrations } from '../db/migrate.js';
import { ensurePartitionsAhead } from '../db/partitions.js';
import { withMigrationLock } from '../db/migration-lock.js';
import { readReplicaOptions, replicaSetOf, withReadReplicas } from '../db/replicas.js';
import { registerReplicaMetrics } from '../db/replica-metrics.js';
import { installedPlugins } from '../db/schema/index.js';
import { buildFinmartSchema } from './build-schema.js';
import { LoggableError } from '../error-summary.js';
import { createLogger, type Logger } from '../logger.js';
import { createCatalogWriter } from '../plugins/catalog-writer.js';
import { createMetrics } from '../observability/metrics.js';
import { instrumentSchema, startTracing, type SpanExporter } from '../observability/tracing.js';
import { revalueHoldersOf } from '../domain/holdings/revalue.js';
import type { PluginManifest, PluginServices } from '../sdk/manifest.js';
import { coreSettings } from '../settings/core-settings.js';
import { SettingsRegistry, SettingValueError } from '../settings/registry.js';
import { registerSettingsMetrics, reloadSettings, syncSettingsAcrossNodes, type SettingsSync } from '../settings/settings-sync.js';
import type { RegisteredRule } from '../suitability/engine.js';
import { coreRules } from '../suitability/rules/core/index.js';
import { placeholderMismatch } from '../i18n/placeholders.js';
import type { SuitabilityRule } from '../sdk/contract/suitability.js';
import { selectPlugins } from './plugins-loader.js';
import { createRemoteLines } from '../remote-lines/remote-line.js';
import { remoteEntityResolvers } from '../remote-lines/entities.js';
import type { HostRuntime } from './runtime.js';
import { HOST_VERSION, ROOT_DIR } from './version.js';

/** A booted host: runtime, schema, and how to stop it. */
export interface Host {
  runtime: HostRuntime;
  schema: GraphQLSchema;
  close(): Promise<void>;
}

export interface CreateHostOptions {
  config: Config;
  /** Installed plugins (default: the repository's `plugins/index.ts`). */
  installed?: PluginManifest[];
  logger?: Logger;
  /** An already open database (tests share one per file). */
  database?: Database;
  /** Spans go here too (tests: an InMemorySpanExporter), with or without OTEL_EXPORTER_OTLP_ENDPOINT. */
  spanExporter?: SpanExporter | { exporter: SpanExporter; batch: true };
  /**
   * On PostgreSQL, follow setting changes made by other nodes (LISTEN/NOTIFY, `settings-sync.ts`); default
   * true. Off for hosts that must keep the settings they were handed (impact workers judge a run's snapshot).
   */
  settingsSync?: boolean;
  /** Open the read replicas of DATABASE_REPLICA_URLS (default true); off for hosts that serve no requests (impact workers). */
  readReplicas?: boolean;
}

const withTimeout = <T>(p: Promise<T>, ms: number, what: string) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new LoggableError(`${what} timed out after ${ms} ms`)), ms).unref())]);

/**
 * Boots the host: validates plugins (before touching the database), opens the
 * database, applies core then plugin migrations, loads settings, registers
 * rules, runs plugin init hooks and builds the schema.
 */
export async function createHost(opts: CreateHostOptions): Promise<Host> {
  const { config } = opts;
  const log = opts.logger ?? createLogger(config.LOG_LEVEL);
  useCardNumberKey(config.cardNumberKey);
  const installed = opts.installed ?? (await import('../../plugins/index.js')).installedPlugins;
  // A line a partner serves remotely is not loaded locally, whatever PLUGINS leaves unsaid.
  const remoteLines = createRemoteLines(config.remoteLines, config.REMOTE_LINES_TIMEOUT_MS);
  const local = selectPlugins(
    installed.filter((p) => !remoteLines.some((r) => r.code === p.code || r.line === p.line)),
    {
      codes: config.pluginCodes,
      hostVersion: HOST_VERSION,
      allowIncompatible: config.incompatibleOverrides,
    },
  );
  for (const r of remoteLines) {
    const clash = local.find((p) => getMetadataStorage().objectTypes.find((t) => t.target === p.graphql.productType)?.name === r.typeName);
    if (clash) throw new ConfigError([`REMOTE_LINES: type ${r.typeName} of remote line ${r.code} is also plugin ${clash.code}'s product type`]);
  }
  const plugins = [...local, ...remoteLines.map((r) => r.manifest)];
  for (const p of plugins) {
    if (config.incompatibleOverrides.includes(p.code))
      log.warn({ plugin: p.code, hostRange: p.hostRange, host: HOST_VERSION }, 'loading a plugin outside its host range (operator override)');
  }

  const settings = new SettingsRegistry();
  for (const s of coreSettings) settings.register(s, 'core');
  for (const p of plugins) for (const s of p.settings ?? []) settings.register(s, p.code);

  const opened =
    opts.database ??
    (await openDatabase({
      url: config.DATABASE_URL,
      dataDir: config.DATABASE_URL ? undefined : config.DATA_DIR,
      connectTimeoutMs: config.DB_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
      // Behind PgBouncer: no prepared statements; migrations (database.unbounded) over DATABASE_DIRECT_URL.
      pooler: config.DATABASE_POOLER,
      directUrl: config.DATABASE_DIRECT_URL,
    }));
  // DATABASE_REPLICA_URLS: the reads of query requests go to streaming replicas (src/db/replicas.ts); else `opened` itself.
  let database: Database = opened;
  let sync: SettingsSync | undefined;
  try {
    if (opts.readReplicas !== false) database = await withReadReplicas(opened, readReplicaOptions(config, log));
    // Migrations may rewrite large tables: they run without the serving statement timeout. Nodes starting together
    // on one database take turns (an advisory lock), so none fails its boot on a table another just created.
    await withMigrationLock({ url: config.DATABASE_URL, directUrl: config.DATABASE_DIRECT_URL, pooler: config.DATABASE_POOLER }, () =>
      database.unbounded(async (db) => {
        const migrating = { ...database, db };
        await applyMigrations(migrating, fileURLToPath(new URL('drizzle', ROOT_DIR)), 'core');
        for (const p of plugins) if (p.migrationsFolder) await applyMigrations(migrating, p.migrationsFolder, p.code);
        // This month's and the next months' partitions of the history tables (also made daily by the job queue).
        await ensurePartitionsAhead(db, new Date());
      }),
    );

    // Other nodes may change settings: listen before loading them, so that no change falls in between.
    if (opts.settingsSync !== false) sync = await syncSettingsAcrossNodes({ config, database, settings, log });

    // The stored settings (a plugin's that is not loaded are kept for when it comes back) and the version
    // decision records cite: one per recorded change.
    await reloadSettings(database.db, settings).catch((e: unknown) => {
      throw e instanceof SettingValueError ? new LoggableError(`Stored bank setting is invalid: ${e.message}`) : e;
    });

    const rules: RegisteredRule[] = [
      ...coreRules.map((rule) => ({ rule: checkedCoreRule(rule), source: 'core' })),
      ...plugins.flatMap((p) => (p.rules ?? []).map((rule) => ({ rule: rule.lines ? rule : { ...rule, lines: [p.line] }, source: p.code }))),
      // A remote line's reasons are the partner's: attributed to the line's code, as a plugin's are.
      ...remoteLines.map((r) => ({ rule: r.rule, source: r.code })),
    ];

    const services = new Map<string, PluginServices>();
    const runtime: HostRuntime = {
      config,
      database,
      log,
      settings,
      plugins,
      pluginByLine: new Map(plugins.map((p) => [p.line, p])),
      remoteLines: new Map(remoteLines.map((r) => [r.line, r])),
      rules,
      metrics: createMetrics({ database }),
      replicas: replicaSetOf(database),
      servicesFor(code) {
        let s = services.get(code);
        if (!s) {
          const plugin = plugins.find((p) => p.code === code);
          if (!plugin) throw new Error(`Plugin ${code} is not loaded`);
          const child = log.child({ plugin: code });
          s = {
            db: database.db,
            settings,
            // Published prices and rates revalue their holders: the tier filter reads that snapshot.
            catalog: createCatalogWriter(database.db, plugin.line, { valuesChanged: (what) => revalueHoldersOf(runtime, what) }),
            log: { info: (o, m) => child.info(o, m), warn: (o, m) => child.warn(o, m), error: (o, m) => child.error(o, m) },
          };
          services.set(code, s);
        }
        return s;
      },
    };
    if (runtime.replicas && runtime.metrics) registerReplicaMetrics(runtime.metrics.registry, runtime.replicas);
    if (runtime.metrics) registerSettingsMetrics(runtime.metrics.registry, settings, sync);

    for (const p of local) {
      await database.db
        .insert(installedPlugins)
        .values({ code: p.code, version: p.version })
        .onConflictDoUpdate({ target: installedPlugins.code, set: { version: p.version } });
      if (p.init) {
        try {
          await withTimeout(p.init(runtime.servicesFor(p.code)), p.initTimeoutMs ?? 10_000, `Plugin "${p.code}" init`);
        } catch (e) {
          // The plugin's own message may quote what it read: the log gets class, codes and frames (errorSummary).
          log.error({ plugin: p.code, err: e }, 'plugin init failed');
          throw e instanceof LoggableError ? e : new LoggableError(`Plugin "${p.code}" init failed`, { cause: e });
        }
      }
    }

    const plain = buildFinmartSchema(plugins);
    // FEDERATION_SUBGRAPH: the same schema as an Apollo Federation 2 subgraph (loaded only then).
    const schema = config.FEDERATION_SUBGRAPH ? (await import('./subgraph-schema.js')).toSubgraphSchema(plain, remoteEntityResolvers(remoteLines)) : plain;
    // Last, so that a boot that fails leaves no exporter behind.
    const tracing = startTracing({
      endpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
      ...(opts.spanExporter && 'batch' in opts.spanExporter ? opts.spanExporter : { exporter: opts.spanExporter }),
      serviceName: config.OTEL_SERVICE_NAME,
      serviceVersion: HOST_VERSION,
    });
    if (tracing) {
      runtime.tracing = tracing;
      instrumentSchema(schema);
    }
    return {
      runtime,
      schema,
      async close() {
        for (const p of [...local].reverse()) {
          try {
            await p.shutdown?.();
          } catch (e) {
            log.error({ plugin: p.code, err: e }, 'plugin shutdown failed');
          }
        }
        await tracing?.shutdown().catch((e: unknown) => log.warn({ err: e }, 'trace exporter shutdown failed'));
        await sync?.close();
        if (!opts.database) await database.close();
        else await replicaSetOf(database)?.close();
      },
    };
  } catch (e) {
    await sync?.close();
    if (!opts.database) await database.close().catch(() => {});
    else
      await replicaSetOf(database)
        ?.close()
        .catch(() => {});
    throw e;
  }
}

/** The host's own rules pass the check plugins' rules do: both languages name the same placeholders. */
function checkedCoreRule(rule: SuitabilityRule): SuitabilityRule {
  for (const [code, def] of Object.entries(rule.reasons)) {
    const mismatch = placeholderMismatch(def.message);
    if (mismatch) throw new Error(`core rule ${rule.id} reason ${code}: its zh-CN and en messages name different placeholders (${mismatch})`);
  }
  return rule;
}
