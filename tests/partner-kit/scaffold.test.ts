import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PluginManifest } from '../../src/sdk/index.js';
import { createTestHost, type TestHost } from '../support/test-host.js';

const root = resolve(import.meta.dirname, '../..');
const CODE = 'scaffold_probe';

/** Runs `scripts/plugin-new.ts` as `npm run plugin:new` does; returns exit status and output. */
function generate(...args: string[]): { status: number; out: string } {
  try {
    const out = execFileSync('npx', ['tsx', 'scripts/plugin-new.ts', ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { status: 0, out };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { status: err.status, out: `${err.stdout}${err.stderr}` };
  }
}

describe('npm run plugin:new — a scaffolded plugin loads with no edit to core', () => {
  // Under plugins/ so the generated relative SDK imports resolve as they would in plugins/<code>/.
  const out = join(root, 'plugins', `.scaffold-test-${randomBytes(4).toString('hex')}`);
  const indexBefore = readFileSync(join(root, 'plugins', 'index.ts'), 'utf8');
  let t: TestHost;
  let plugin: PluginManifest;

  beforeAll(async () => {
    const r = generate(CODE, '--out', relative(root, out));
    expect(r.status, r.out).toBe(0);
    plugin = (await import(pathToFileURL(join(out, 'index.ts')).href)).default;
    t = await createTestHost({ plugins: [plugin], customers: 30 });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('writes the whole skeleton in the layout every line follows, with a generated migration, and leaves plugins/index.ts alone', () => {
    // The layout of plugins/README.md, as every line in plugins/ has it (funds, insurance, gold, cards, forex, loans).
    const layout = [
      'index.ts',
      'domain.ts',
      'schema.ts',
      'drizzle.config.ts',
      'settings.ts',
      'facts.ts',
      'sizing.ts',
      'README.md',
      'rules/index.ts',
      'graphql/product.type.ts',
      'graphql/product.resolver.ts',
      'seed/index.ts',
      'seed/catalog.ts',
      'seed/holdings.ts',
      'tests/rules.test.ts',
      'tests/api.test.ts',
      'tests/support.ts',
    ];
    for (const f of layout) expect(existsSync(join(out, f)), f).toBe(true);
    const lines = readdirSync(join(root, 'plugins')).filter((d) => !d.startsWith('.') && existsSync(join(root, 'plugins', d, 'index.ts')));
    expect(lines.length).toBeGreaterThanOrEqual(5);
    for (const line of lines) {
      for (const f of layout.filter((x) => x !== 'tests/support.ts')) expect(existsSync(join(root, 'plugins', line, f)), `plugins/${line}/${f}`).toBe(true);
    }
    expect(existsSync(join(out, 'seed.ts'))).toBe(false);
    const sql = readdirSync(join(out, 'drizzle')).filter((f) => f.endsWith('.sql'));
    expect(sql).toHaveLength(1);
    expect(readFileSync(join(out, 'drizzle', sql[0]!), 'utf8')).toContain(`CREATE TABLE "${CODE}_details"`);
    expect(readFileSync(join(root, 'plugins', 'index.ts'), 'utf8')).toBe(indexBefore);
    expect(plugin).toMatchObject({ code: CODE, line: 'SCAFFOLD_PROBE' });
  });

  it("serves the line's products with its own field, across R1–R5", async () => {
    const r = await t.gql(
      `{ products(filter: { line: SCAFFOLD_PROBE }, first: 100) { edges { node { __typename code riskRating ... on ScaffoldProbeProduct { termMonths provider } } } } }`,
    );
    expect(r.errors).toBeUndefined();
    const nodes = r.data.products.edges.map((e: any) => e.node);
    expect(nodes.length).toBeGreaterThanOrEqual(5);
    expect(new Set(nodes.map((n: any) => n.riskRating))).toEqual(new Set(['R1', 'R2', 'R3', 'R4', 'R5']));
    for (const n of nodes) {
      expect(n.__typename).toBe('ScaffoldProbeProduct');
      expect(n.termMonths).toBeGreaterThan(0);
    }
  });

  it('applies its example rule through checkSuitability', async () => {
    const r = await t.gql(
      `{ products(filter: { line: SCAFFOLD_PROBE }, first: 100) { edges { node { id ... on ScaffoldProbeProduct { termMonths } } } } customers(first: 100) { edges { node { id age } } } }`,
    );
    const products = r.data.products.edges.map((e: any) => e.node);
    const longest = products.reduce((a: any, b: any) => (b.termMonths > a.termMonths ? b : a));
    const old = r.data.customers.edges.map((e: any) => e.node).find((c: any) => c.age + Math.ceil(longest.termMonths / 12) > 71);
    expect(old).toBeDefined();
    const d = await t.gql(
      `query ($c: ID!, $p: ID!) { checkSuitability(input: { customerId: $c, productId: $p, channel: ONLINE, initiator: CUSTOMER }) { outcome reasons { code ruleId source } } }`,
      { c: old.id, p: longest.id },
    );
    expect(d.errors).toBeUndefined();
    expect(d.data.checkSuitability.outcome).toBe('BLOCK');
    expect(d.data.checkSuitability.reasons).toContainEqual({ code: 'AGE_AT_TERM_END_EXCEEDED', ruleId: `${CODE}.age-at-term-end`, source: CODE });
  });

  it('refuses an invalid code, a reserved one and an existing folder, writing nothing', () => {
    const bad = generate('Pension-Plan');
    expect(bad.status).not.toBe(0);
    expect(bad.out).toContain('is not a valid plugin code');
    expect(generate('core').out).toContain('reserved');
    const existing = generate('funds');
    expect(existing.status).not.toBe(0);
    expect(existing.out).toContain('plugins/funds already exists');
    expect(existsSync(join(root, 'plugins', 'Pension-Plan'))).toBe(false);
  });
});
