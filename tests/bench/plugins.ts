import { readdirSync, existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { PluginManifest } from '../../src/sdk/manifest.js';

/** The plugins the bench installs, and where they came from (for the results). */
export interface BenchPlugins {
  plugins: PluginManifest[];
  source: string;
  skipped: string[];
}

/**
 * The repository's installed plugins (`plugins/index.ts`). When that list is
 * still empty (lines under construction), every `plugins/<line>/index.ts` that
 * imports cleanly (and has its migrations) is used instead — `BENCH_PLUGINS=a,b`
 * narrows that list — so the bench measures real holdings; the
 * results say which.
 */
export async function benchPlugins(): Promise<BenchPlugins> {
  const { installedPlugins } = await import('../../plugins/index.js');
  if (installedPlugins.length > 0) return { plugins: installedPlugins, source: 'plugins/index.ts', skipped: [] };
  const root = fileURLToPath(new URL('../../plugins/', import.meta.url));
  const plugins: PluginManifest[] = [];
  const skipped: string[] = [];
  for (const dir of readdirSync(root, { withFileTypes: true })) {
    const entry = `${root}${dir.name}/index.ts`;
    if (!dir.isDirectory() || !existsSync(entry)) continue;
    try {
      const mod = (await import(pathToFileURL(entry).href)) as { default?: PluginManifest };
      const only = process.env.BENCH_PLUGINS?.split(',').map((c) => c.trim());
      if (mod.default?.code && only && !only.includes(mod.default.code)) skipped.push(`${dir.name} (not in BENCH_PLUGINS)`);
      else if (mod.default?.migrationsFolder && !existsSync(mod.default.migrationsFolder)) skipped.push(`${dir.name} (no migrations folder yet)`);
      else if (mod.default?.code) plugins.push(mod.default);
      else skipped.push(`${dir.name} (no default manifest)`);
    } catch (e) {
      skipped.push(`${dir.name} (${(e as Error).message.split('\n')[0]})`);
    }
  }
  return { plugins, source: 'discovered plugins/*/index.ts (plugins/index.ts is empty)', skipped };
}
