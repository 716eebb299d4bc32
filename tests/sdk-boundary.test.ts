import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const pluginsDir = join(root, 'plugins');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (name === 'node_modules' || name === 'drizzle') return [];
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('plugins import only the SDK from the host', () => {
  it('no plugin file imports a host module other than src/sdk', () => {
    const offenders: string[] = [];
    for (const file of files(pluginsDir)) {
      if (relative(pluginsDir, file) === 'index.ts') continue; // the installed-plugins list is host wiring
      const src = readFileSync(file, 'utf8');
      for (const m of src.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
        const spec = m[1];
        if (!spec.startsWith('.')) continue;
        const target = resolve(file, '..', spec);
        const rel = relative(root, target);
        if (rel.startsWith('src') && !rel.startsWith(join('src', 'sdk'))) offenders.push(`${relative(root, file)} → ${spec}`);
        // Tests may use the SDK's testing helpers; nothing else under src.
        if (rel.startsWith(join('src', 'sdk', 'testing')) && !file.includes(`${join('', 'tests', '')}`))
          offenders.push(`${relative(root, file)} → ${spec} (testing helpers are for tests)`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
