import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getTableName } from 'drizzle-orm';
import { getMetadataStorage } from 'type-graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedPlugins } from '../../plugins/index.js';
import { selectPlugins } from '../../src/app/plugins-loader.js';
import { HOST_VERSION } from '../../src/app/version.js';
import type { PluginManifest } from '../../src/sdk/index.js';
import { createTestHost, type TestHost } from '../support/test-host.js';

/**
 * The contract every installed plugin keeps (plugins/README.md). Runs over
 * `installedPlugins`, so a partner's plugin is checked as soon as it is installed.
 */

const root = resolve(import.meta.dirname, '../..');
const ALL_RATINGS = ['R1', 'R2', 'R3', 'R4', 'R5'];
const filled = (t: { 'zh-CN'?: string; en?: string } | undefined) => Boolean(t?.['zh-CN']?.trim() && t?.en?.trim());
const graphqlName = (m: PluginManifest) => getMetadataStorage().objectTypes.find((t) => t.target === m.graphql.productType)?.name;

/** `declaredRiskRatings` exported by the plugin's module (plugins/<code>/index.ts or packages/plugin-<code>/src/index.ts), or R1–R5. */
async function declaredRatings(m: PluginManifest): Promise<string[]> {
  const entry = [join(root, 'plugins', m.code, 'index.ts'), join(root, 'packages', `plugin-${m.code}`, 'src', 'index.ts')].find((f) => existsSync(f));
  expect(entry, `${m.code}: plugins/${m.code}/index.ts or packages/plugin-${m.code}/src/index.ts`).toBeDefined();
  const mod = (await import(/* @vite-ignore */ pathToFileURL(entry!).href)) as { default: PluginManifest; declaredRiskRatings?: readonly string[] };
  expect(mod.default, `${entry} must default-export the installed manifest`).toBe(m);
  return [...(mod.declaredRiskRatings ?? ALL_RATINGS)];
}

describe.skipIf(installedPlugins.length === 0).each(installedPlugins.map((m) => [m.code, m] as const))('plugin %s: manifest', (code, m) => {
  it('passes the host boot checks on its own', () => {
    // Alone, apart from the plugins it declares it depends on.
    const deps = installedPlugins.filter((p) => m.dependsOn?.includes(p.code));
    expect(selectPlugins([...deps, m], { hostVersion: HOST_VERSION, allowIncompatible: [] }).at(-1)).toBe(m);
  });

  it('documents every rule and every reason in zh-CN and en, with ids prefixed by its code', () => {
    for (const rule of m.rules ?? []) {
      expect(rule.id.startsWith(`${code}.`), rule.id).toBe(true);
      expect(filled(rule.regulation), `${rule.id} regulation`).toBe(true);
      expect(filled(rule.description), `${rule.id} description`).toBe(true);
      const reasons = Object.entries(rule.reasons);
      expect(reasons.length, `${rule.id} reasons`).toBeGreaterThan(0);
      for (const [reason, def] of reasons) {
        expect(filled(def.message), `${rule.id} ${reason}`).toBe(true);
        if (def.outcome === 'REQUIRE') expect(def.step, `${rule.id} ${reason} step`).toBeTruthy();
      }
    }
  });

  it('prefixes and describes every setting in both languages, with a valid default', () => {
    for (const s of m.settings ?? []) {
      expect(s.key.startsWith(`${code}.`), s.key).toBe(true);
      expect(filled(s.description), `${s.key} description`).toBe(true);
      expect(s.schema.safeParse(s.default).success, `${s.key} default`).toBe(true);
    }
  });

  it('ships generated migrations that create each of its tables', () => {
    expect(m.migrationsFolder, 'migrationsFolder').toBeTruthy();
    expect(existsSync(m.migrationsFolder!), m.migrationsFolder).toBe(true);
    const sql = readdirSync(m.migrationsFolder!).filter((f) => f.endsWith('.sql'));
    expect(sql.length).toBeGreaterThan(0);
    expect(existsSync(join(m.migrationsFolder!, 'meta', '_journal.json')), 'drizzle-kit journal').toBe(true);
    const all = sql.map((f) => readFileSync(join(m.migrationsFolder!, f), 'utf8')).join('\n');
    for (const table of Object.values(m.tables ?? {})) expect(all, getTableName(table)).toContain(`CREATE TABLE "${getTableName(table)}"`);
  });
});

describe.skipIf(installedPlugins.length === 0)('every installed plugin, booted together', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await createTestHost({ plugins: installedPlugins, customers: 60 });
  });
  afterAll(() => t?.close());

  /** Every product of a line, following pages. */
  async function productsOf(line: string): Promise<{ id: string; riskRating: string }[]> {
    const out: { id: string; riskRating: string }[] = [];
    let after: string | null = null;
    for (;;) {
      const r: any = await t.gql(
        `query ($l: ProductLine!, $a: String) { products(filter: { line: $l }, first: 100, after: $a) { edges { node { id riskRating } } pageInfo { hasNextPage endCursor } } }`,
        { l: line, a: after },
      );
      expect(r.errors).toBeUndefined();
      out.push(...r.data.products.edges.map((e: any) => e.node));
      if (!r.data.products.pageInfo.hasNextPage) return out;
      after = r.data.products.pageInfo.endCursor;
    }
  }

  it.each(installedPlugins.map((m) => [m.code, m] as const))('%s: products cover its declared risk ratings', async (_code, m) => {
    const declared = await declaredRatings(m);
    const products = await productsOf(m.line);
    expect(products.length).toBeGreaterThan(0);
    const seen = new Set(products.map((p) => p.riskRating));
    for (const r of declared) expect(seen.has(r), `${m.code} has no ${r} product`).toBe(true);
  });

  const CHECK = `query ($i: SuitabilityInput!) { checkSuitability(input: $i) { outcome } }`;
  const firstCustomer = async () => (await t.gql(`{ customers(first: 1) { edges { node { id } } } }`)).data.customers.edges[0].node.id as string;

  it.each(installedPlugins.map((m) => [m.code, m] as const))('%s: refuses sale details it does not declare', async (_code, m) => {
    const [product] = await productsOf(m.line);
    const r = await t.gql(CHECK, { i: { customerId: await firstCustomer(), productId: product!.id, amount: '1000', details: { undeclaredDetail: '1' } } });
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it.each(installedPlugins.map((m) => [m.code, m] as const))('%s: never takes a stated figure the amount does not pay for', async (_code, m) => {
    const [product] = await productsOf(m.line);
    const customerId = await firstCustomer();
    for (const figure of m.orders?.sizing?.figures ?? ['units']) {
      const r = await t.gql(CHECK, { i: { customerId, productId: product!.id, amount: '1000', details: { [figure]: '987654321.5' } } });
      expect(r.errors?.[0]?.extensions?.code, `${m.code} ${figure}`).toBe('BAD_USER_INPUT');
    }
  });

  it.each(installedPlugins.map((m) => [m.code, m] as const))('%s: a product resolves through node(id) to its own type', async (_code, m) => {
    const [first] = await productsOf(m.line);
    const r = await t.gql(`query ($id: ID!) { node(id: $id) { __typename id ... on Product { line } } }`, { id: first!.id });
    expect(r.errors).toBeUndefined();
    expect(r.data.node).toEqual({ __typename: graphqlName(m), id: first!.id, line: m.line });
  });
});
