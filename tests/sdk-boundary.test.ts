import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const pluginsDir = join(root, 'plugins');
const packagesDir = join(root, 'packages');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (name === 'node_modules' || name === 'drizzle' || name === 'dist') return [];
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
const isTest = (file: string, base: string) => relative(base, file).split(sep).includes('tests');

describe('plugins import only the SDK from the host', () => {
  it('no plugin file imports a host module other than src/sdk', () => {
    const offenders: string[] = [];
    for (const file of files(pluginsDir)) {
      if (relative(pluginsDir, file) === 'index.ts') continue; // the installed-plugins list is host wiring
      for (const spec of importsOf(file)) {
        if (!spec.startsWith('.')) continue;
        const target = resolve(file, '..', spec);
        const rel = relative(root, target);
        if (rel.startsWith('src') && !rel.startsWith(join('src', 'sdk'))) offenders.push(`${relative(root, file)} → ${spec}`);
        // Tests may use the SDK's testing helpers; nothing else under src.
        if (rel.startsWith(join('src', 'sdk', 'testing')) && !isTest(file, pluginsDir))
          offenders.push(`${relative(root, file)} → ${spec} (testing helpers are for tests)`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

/** The plugin packages of this repository (packages/<name> with a `finmart` plugin inside, i.e. not the SDK itself). */
const pluginPackages = readdirSync(packagesDir).filter((name) => name !== 'sdk' && existsSync(join(packagesDir, name, 'package.json')));

describe('plugin packages import nothing of the host but @finmart/sdk', () => {
  it('there is at least one plugin package', () => {
    expect(pluginPackages.length).toBeGreaterThan(0);
  });

  it.each(pluginPackages)('%s: relative imports stay inside the package; bare ones are @finmart/sdk, node: or declared dependencies', (name) => {
    const dir = join(packagesDir, name);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    const declared = new Set(Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies, ...pkg.devDependencies }));
    const offenders: string[] = [];
    for (const file of files(dir)) {
      const test = isTest(file, dir);
      for (const spec of importsOf(file)) {
        const where = `${relative(root, file)} → ${spec}`;
        if (spec.startsWith('.')) {
          if (relative(dir, resolve(file, '..', spec)).startsWith('..')) offenders.push(`${where} (leaves the package)`);
          continue;
        }
        if (spec.startsWith('node:')) continue;
        if (spec === '@finmart/sdk/testing') {
          if (!test) offenders.push(`${where} (testing helpers are for tests)`);
          continue;
        }
        // A bare name: its package (`@scope/name` or `name`) must be one the package declares.
        const pkgName = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
        if (pkgName === 'vitest' && test) continue; // the host's test runner
        if (!declared.has(pkgName)) offenders.push(`${where} (not a declared dependency)`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe('the SDK declares what it exports', () => {
  it('src/sdk/index.ts and testing.ts name every export (no `export *` of host internals)', () => {
    for (const f of ['src/sdk/index.ts', 'src/sdk/testing.ts']) expect(readFileSync(join(root, f), 'utf8'), f).not.toMatch(/export \*/);
  });
});
