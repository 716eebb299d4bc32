import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PluginManifest } from '../../src/sdk/index.js';
import { createTestHost, type TestHost } from '../support/test-host.js';

const root = resolve(import.meta.dirname, '../..');
const CODE = 'scaffold_pkg';

/** What a plugin package may import besides its own files: the SDK and what it shares with the host. */
const ALLOWED = new Set(['@finmart/sdk', '@finmart/sdk/testing', 'drizzle-orm', 'drizzle-orm/pg-core', 'drizzle-kit', 'type-graphql', 'zod', 'vitest']);

const tsFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (name === 'drizzle' || name === 'node_modules') return [];
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });

/**
 * `npm run plugin:new <code> --package`: the plugin package a partner ships — the same layout under `src/`, its
 * tests, migrations, package.json and tsconfig.json — that imports nothing of the host but `@finmart/sdk`, compiles
 * against the SDK's declarations alone, and loads into the real host.
 */
describe('npm run plugin:new --package — a plugin package that needs only the SDK', () => {
  // Under packages/ (two levels down, as packages/plugin-<code>/ is), in a dot folder no workspace glob or test run picks up.
  const out = join(root, 'packages', `.scaffold-pkg-${randomBytes(4).toString('hex')}`);
  let t: TestHost;
  let plugin: PluginManifest;

  beforeAll(async () => {
    execFileSync('npx', ['tsx', 'scripts/plugin-new.ts', CODE, '--package', '--out', relative(root, out)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    plugin = (await import(pathToFileURL(join(out, 'src', 'index.ts')).href)).default;
    t = await createTestHost({ plugins: [plugin], customers: 30 });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it("writes gold's package layout: sources under src/, tests, a generated migration, package.json and tsconfig.json", () => {
    for (const f of [
      'package.json',
      'tsconfig.json',
      'README.md',
      'drizzle.config.ts',
      'src/index.ts',
      'src/domain.ts',
      'src/schema.ts',
      'src/settings.ts',
      'src/facts.ts',
      'src/sizing.ts',
      'src/rules/index.ts',
      'src/graphql/product.type.ts',
      'src/graphql/product.resolver.ts',
      'src/seed/index.ts',
      'tests/rules.test.ts',
      'tests/api.test.ts',
      'tests/support.ts',
    ])
      expect(existsSync(join(out, f)), f).toBe(true);
    // The same shape as gold, the package that ships today.
    for (const f of ['src/index.ts', 'src/schema.ts', 'src/rules/index.ts', 'tests/api.test.ts', 'package.json', 'tsconfig.json', 'drizzle.config.ts'])
      expect(existsSync(join(root, 'packages', 'plugin-gold', f)), `plugin-gold/${f}`).toBe(true);
    const pkg = JSON.parse(readFileSync(join(out, 'package.json'), 'utf8'));
    expect(pkg).toMatchObject({
      name: '@finmart/plugin-scaffold-pkg',
      type: 'module',
      exports: { '.': { types: './dist/index.d.ts', source: './src/index.ts', default: './dist/index.js' } },
      dependencies: { '@finmart/sdk': expect.stringMatching(/^\^\d/) },
    });
    const migrations = readdirSync(join(out, 'drizzle')).filter((f) => f.endsWith('.sql'));
    expect(migrations).toHaveLength(1);
    expect(readFileSync(join(out, 'drizzle', migrations[0]!), 'utf8')).toContain(`CREATE TABLE "${CODE}_details"`);
  });

  it('imports nothing of the host but @finmart/sdk, and no file outside the package', () => {
    for (const file of tsFiles(out)) {
      const specifiers = [...readFileSync(file, 'utf8').matchAll(/(?:import|export)\s[^'";]*?from\s+'([^']+)'/g)].map((m) => m[1]!);
      for (const s of specifiers) {
        if (s.startsWith('.')) expect(relative(out, resolve(dirname(file), s)).startsWith('..'), `${relative(out, file)} imports ${s}`).toBe(false);
        else if (!s.startsWith('node:')) expect(ALLOWED.has(s), `${relative(out, file)} imports ${s}`).toBe(true);
      }
    }
  });

  it('compiles against the SDK declarations alone (tsc -p, as npm run build does)', () => {
    // The SDK's declarations are a build output (npm run build makes them before the packages).
    execFileSync('npx', ['tsc', '-p', 'packages/sdk/tsconfig.types.json'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      execFileSync('npx', ['tsc', '-p', join(out, 'tsconfig.json'), '--noEmit'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      throw new Error(`tsc failed:\n${(e as { stdout: string }).stdout}`, { cause: e });
    }
  }, 120_000);

  it('loads into the real host: its products and its example rule, behind the API', async () => {
    expect(plugin).toMatchObject({ code: CODE, line: 'SCAFFOLD_PKG' });
    const r = await t.gql(
      `{ products(filter: { line: SCAFFOLD_PKG }, first: 100) { edges { node { id riskRating ... on ScaffoldPkgProduct { termMonths } } } }
         customers(first: 100) { edges { node { id age } } } }`,
    );
    expect(r.errors).toBeUndefined();
    const products = r.data.products.edges.map((e: any) => e.node);
    expect(new Set(products.map((p: any) => p.riskRating))).toEqual(new Set(['R1', 'R2', 'R3', 'R4', 'R5']));
    const longest = products.reduce((a: any, b: any) => (b.termMonths > a.termMonths ? b : a));
    const old = r.data.customers.edges.map((e: any) => e.node).find((c: any) => c.age + Math.ceil(longest.termMonths / 12) > 71);
    const d = await t.gql(
      `query ($c: ID!, $p: ID!) { checkSuitability(input: { customerId: $c, productId: $p, channel: ONLINE, initiator: CUSTOMER }) { outcome reasons { code source } } }`,
      { c: old.id, p: longest.id },
    );
    expect(d.data.checkSuitability.outcome).toBe('BLOCK');
    expect(d.data.checkSuitability.reasons).toContainEqual({ code: 'AGE_AT_TERM_END_EXCEEDED', source: CODE });
  });
});
