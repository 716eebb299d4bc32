import { sql } from 'drizzle-orm';
import { Field, ObjectType, Resolver, Query } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { selectPlugins } from '../src/app/plugins-loader.js';
import { Product, text, type PluginManifest, type SuitabilityRule } from '../src/sdk/index.js';

@ObjectType('AlphaProduct', { implements: Product })
class AlphaProduct extends Product {
  @Field(() => String) alphaField!: string;
}
@ObjectType('CustomerManager', { implements: Product, description: 'clashes with a core type name' })
class ClashingProduct extends Product {}
@Resolver()
class AlphaQueries {
  @Query(() => String) alphaHello(): string {
    return 'hi';
  }
}
@Resolver()
class BetaQueries {
  @Query(() => String, { name: 'alphaHello' }) betaHello(): string {
    return 'hi';
  }
}

const rule: SuitabilityRule = {
  id: 'alpha.rule',
  version: '1.0.0',
  regulation: text('规则', 'Rule'),
  description: text('规则', 'Rule'),
  reasons: { X: { outcome: 'WARN', message: text('提示', 'Note') } },
  evaluate: () => [],
};

const base = (o: Partial<PluginManifest>): PluginManifest => ({
  code: 'alpha',
  line: 'ALPHA',
  name: text('阿尔法', 'Alpha'),
  version: '1.0.0',
  hostRange: '^0.1.0',
  graphql: { productType: AlphaProduct, resolvers: [AlphaQueries] },
  rules: [rule],
  ...o,
});

const load = (plugins: PluginManifest[], allowIncompatible: string[] = []) => selectPlugins(plugins, { hostVersion: '0.1.0', allowIncompatible });

describe('plugin checks at boot', () => {
  it('accepts a valid plugin', () => {
    expect(load([base({})]).map((p) => p.code)).toEqual(['alpha']);
  });
  it('refuses a duplicate code, naming it', () => {
    expect(() => load([base({}), base({ line: 'BETA' })])).toThrow(/Plugin "alpha".*duplicate/);
  });
  it('refuses a GraphQL type that clashes with a core type', () => {
    expect(() => load([base({ graphql: { productType: ClashingProduct } })])).toThrow(/Plugin "alpha".*CustomerManager is already defined by core/);
  });
  it('refuses a root field claimed by two plugins, naming the second', () => {
    const beta = base({ code: 'beta', line: 'BETA', graphql: { productType: AlphaProduct, resolvers: [BetaQueries] }, rules: [] });
    expect(() =>
      load([
        base({ graphql: { productType: AlphaProduct, resolvers: [AlphaQueries] } }),
        { ...beta, graphql: { productType: ClashingProduct2, resolvers: [BetaQueries] } },
      ]),
    ).toThrow(/Plugin "beta".*alphaHello is already defined by alpha/);
  });
  it('refuses an incompatible host version unless the operator overrides it for that plugin', () => {
    const old = base({ hostRange: '^2.0.0' });
    expect(() => load([old])).toThrow(/Plugin "alpha": needs host \^2.0.0 .*ALLOW_INCOMPATIBLE_PLUGINS=alpha/);
    expect(load([old], ['alpha'])).toHaveLength(1);
  });
  it('refuses a missing dependency', () => {
    expect(() => load([base({ dependsOn: ['funds-x'] })])).toThrow(/Plugin "alpha": depends on "funds-x"/);
  });
  it('refuses a rule without both languages', () => {
    const bad: SuitabilityRule = { ...rule, reasons: { X: { outcome: 'WARN', message: { 'zh-CN': '提示', en: '' } } } };
    expect(() => load([base({ rules: [bad] })])).toThrow(/Plugin "alpha": rule alpha.rule reason X needs messages in zh-CN and en/);
  });
  it('refuses a reason whose zh-CN and en messages name different placeholders (a {agee} typo)', () => {
    const typo: SuitabilityRule = { ...rule, reasons: { X: { outcome: 'WARN', message: text('客户年龄 {agee} 岁', 'The customer is {age}') } } };
    expect(() => load([base({ rules: [typo] })])).toThrow(
      /rule alpha.rule reason X: its zh-CN and en messages name different placeholders \(zh-CN only: \{agee\}; en only: \{age\}\)/,
    );
    // A value rendered per language ({statusZh} / {statusEn}) is one placeholder.
    const rendered: SuitabilityRule = {
      ...rule,
      reasons: { X: { outcome: 'WARN', message: text('状态“{statusZh}”（{status}）', 'Status {statusEn} ({status})') } },
    };
    expect(load([base({ rules: [rendered] })]).map((p) => p.code)).toEqual(['alpha']);
  });
  it('refuses a rule declaring it reads a setting neither the host nor its plugin declares', () => {
    const nosy: SuitabilityRule = { ...rule, reads: ['gold.accountGoldRequiredRiskLevel'] };
    expect(() => load([base({ rules: [nosy] })])).toThrow(
      /rule alpha.rule reads gold.accountGoldRequiredRiskLevel, which is neither one of its plugin's settings nor the host's/,
    );
    expect(load([base({ rules: [{ ...rule, reads: ['core.seniorCustomerAge'] }] })]).map((p) => p.code)).toEqual(['alpha']);
  });
  it('refuses a REQUIRE reason without a step', () => {
    const bad: SuitabilityRule = { ...rule, reasons: { X: { outcome: 'REQUIRE', message: text('需', 'Needs') } } };
    expect(() => load([base({ rules: [bad] })])).toThrow(/REQUIRE without a step/);
  });
  it('refuses a reason whose outcome is not one of the four', () => {
    const bad: SuitabilityRule = { ...rule, reasons: { X: { outcome: 'DENY' as never, message: text('拒', 'Deny') } } };
    expect(() => load([base({ rules: [bad] })])).toThrow(/Plugin "alpha": rule alpha.rule reason X has outcome "DENY"/);
  });
  it('accepts an UPPER_CASE sellerQualification and refuses any other', () => {
    expect(load([base({ sellerQualification: 'BOND_SALES_2' })]).map((p) => p.sellerQualification)).toEqual(['BOND_SALES_2']);
    for (const bad of ['fund_sales', 'FUND SALES', '', '_X', 42 as never]) {
      expect(() => load([base({ sellerQualification: bad })]), String(bad)).toThrow(/Plugin "alpha": sellerQualification ".*" must be UPPER_CASE/);
    }
  });
  it('accepts work item kinds prefixed with the line, with both languages; refuses others', () => {
    const items = (kinds: Record<string, unknown>) => ({ subjectType: 'AlphaThing', sql: () => sql`select 1`, kinds }) as never;
    const ok = { priority: () => 50, explain: (d: string) => text(`到期 ${d}`, `due ${d}`) };
    expect(load([base({ workItems: items({ ALPHA_DUE: ok }) })]).map((p) => p.code)).toEqual(['alpha']);
    expect(() => load([base({ workItems: items({ CONTACT_DUE: ok }) })])).toThrow(
      /Plugin "alpha": work item kind CONTACT_DUE must be UPPER_CASE and start with "ALPHA_"/,
    );
    expect(() => load([base({ workItems: items({ ALPHA_due: ok }) })])).toThrow(/must be UPPER_CASE/);
    expect(() => load([base({ workItems: items({ ALPHA_DUE: { ...ok, explain: () => text('到期', '') } }) })])).toThrow(
      /work item kind ALPHA_DUE needs an explanation in zh-CN and en/,
    );
    expect(() => load([base({ workItems: { ...(items({ ALPHA_DUE: ok }) as object), sql: undefined } as never })])).toThrow(
      /workItems needs sql\(\) and subjectType/,
    );
  });
  it('the licensed lines declare the qualification their sellers need', async () => {
    const { installedPlugins } = await import('../plugins/index.js');
    expect(Object.fromEntries(installedPlugins.map((p) => [p.code, p.sellerQualification ?? null]))).toMatchObject({
      funds: 'FUND_SALES',
      insurance: 'INSURANCE_AGENT',
      gold: 'GOLD_TRADING',
      cards: null,
      forex: null,
    });
  });
  it('refuses an unknown plugin name in PLUGINS', () => {
    expect(() => selectPlugins([base({})], { codes: ['nope'], hostVersion: '0.1.0', allowIncompatible: [] })).toThrow(/PLUGINS: unknown plugin\(s\) nope/);
  });
});

@ObjectType('BetaProduct', { implements: Product })
class ClashingProduct2 extends Product {}
