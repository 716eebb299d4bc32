import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } };

/** Every installed package (nested ones too) with the Node range it declares. */
function installed(dir: string, out: { name: string; range: string }[] = []): { name: string; range: string }[] {
  for (const entry of readdirSync(dir)) {
    if (entry.startsWith('.')) continue;
    const path = join(dir, entry);
    if (entry.startsWith('@')) {
      installed(path, out);
      continue;
    }
    const manifest = join(path, 'package.json');
    if (!existsSync(manifest)) continue;
    const p = JSON.parse(readFileSync(manifest, 'utf8')) as { name: string; version: string; engines?: { node?: string } };
    if (p.engines?.node) out.push({ name: `${p.name}@${p.version}`, range: p.engines.node });
    if (existsSync(join(path, 'node_modules'))) installed(join(path, 'node_modules'), out);
  }
  return out;
}

// `engines` says which Node finmart runs on; every dependency must run there too (no EBADENGINE on `npm ci`).
describe('the Node versions finmart declares', () => {
  it('every installed package runs on the lowest Node the engines field allows, and on this one', () => {
    const floor = semver.minVersion(pkg.engines.node)!.version;
    const refusing = installed(join(root, 'node_modules')).filter((p) => !semver.satisfies(floor, p.range) || !semver.satisfies(process.version, p.range));
    expect(refusing).toEqual([]);
  });
});
