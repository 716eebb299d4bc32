import { parse, isEnumType, isInputObjectType, isInterfaceType, isObjectType, isSpecifiedScalarType, type GraphQLSchema } from 'graphql';
import { printSubgraphSchema } from '@apollo/subgraph';
import { describe, expect, it } from 'vitest';
import funds from '../../plugins/funds/index.js';
import { buildFinmartSchema } from '../../src/app/build-schema.js';
import { toSubgraphSchema } from '../../src/app/subgraph-schema.js';
import { createHost } from '../../src/app/host.js';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { loadGatewayConfig } from '../../src/gateway/config.js';
import { createLogger } from '../../src/logger.js';
import { makeFacts } from '../../src/sdk/testing.js';
import { readContract } from '../../src/remote-lines/contract.js';
import { remoteEntityResolvers } from '../../src/remote-lines/entities.js';
import { isDisclosableFact, wireRequest, type EvaluationSubject } from '../../src/remote-lines/facts.js';
import { RemoteCallError } from '../../src/remote-lines/http.js';
import { RemoteLine } from '../../src/remote-lines/remote-line.js';
import { REMOTE_LINE_RULE_ID } from '../../src/remote-lines/rule.js';
import { rulesInForce } from '../../src/suitability/active-rules.js';
import { asksForSchema } from '../../src/security/introspection.js';
import type { ProductRecord } from '../../src/domain/products/product.record.js';
import { freshDatabase } from '../support/databases.js';

const URL_OK = 'http://127.0.0.1:4101/graphql';
const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  return [];
};

describe('REMOTE_LINES and FEDERATION_SUBGRAPH', () => {
  it('reads each entry: code, line, type, optional seller qualification, URL; off by default', () => {
    const c = loadConfig({
      REMOTE_LINES: `insurance=INSURANCE:InsuranceProduct/INSURANCE_AGENT@${URL_OK}, pension=PENSION:PensionProduct@https://pension.example/graphql`,
    });
    expect(c.remoteLines).toEqual([
      { code: 'insurance', line: 'INSURANCE', typeName: 'InsuranceProduct', sellerQualification: 'INSURANCE_AGENT', url: URL_OK },
      { code: 'pension', line: 'PENSION', typeName: 'PensionProduct', url: 'https://pension.example/graphql' },
    ]);
    expect(c.REMOTE_LINES_TIMEOUT_MS).toBe(1000);
    expect(c.FEDERATION_SUBGRAPH).toBe(false);
    expect(loadConfig({ FEDERATION_SUBGRAPH: 'true' }).FEDERATION_SUBGRAPH).toBe(true);
    expect(loadConfig({}).remoteLines).toEqual([]);
  });

  it.each([
    ['insurance=INSURANCE@http://x/graphql', /REMOTE_LINES: "insurance=INSURANCE@http:\/\/x\/graphql" is not <code>=<LINE>:<TypeName>/],
    ['Insurance=INSURANCE:InsuranceProduct@http://x/graphql', /is not <code>=<LINE>:<TypeName>/],
    ['insurance=INSURANCE:InsuranceProduct@ftp://x/graphql', /ftp:\/\/x\/graphql is not an http\(s\) URL/],
    ['insurance=INSURANCE:InsuranceProduct@http://user:pw@x/graphql', /must not carry credentials/],
    [`insurance=INSURANCE:InsuranceProduct@${URL_OK},insurance=LIFE:LifeProduct@${URL_OK}`, /code insurance is named twice/],
    [`a1=INSURANCE:InsuranceProduct@${URL_OK},b1=INSURANCE:LifeProduct@${URL_OK}`, /line INSURANCE is named twice/],
  ])('refuses %s with a message naming the variable', (value, message) => {
    const problems = problemsOf({ REMOTE_LINES: value });
    expect(problems.join('\n')).toMatch(message);
  });

  it('refuses a line that is both remote and in PLUGINS, a timeout out of range and a bad switch', () => {
    expect(problemsOf({ REMOTE_LINES: `insurance=INSURANCE:InsuranceProduct@${URL_OK}`, PLUGINS: 'funds,insurance' })).toEqual([
      'REMOTE_LINES: insurance is also in PLUGINS; a line is served either by a local plugin or remotely, not both',
    ]);
    expect(problemsOf({ REMOTE_LINES_TIMEOUT_MS: '10' }).join()).toMatch(/^REMOTE_LINES_TIMEOUT_MS: /);
    expect(problemsOf({ FEDERATION_SUBGRAPH: 'maybe' }).join()).toMatch(/^FEDERATION_SUBGRAPH: /);
  });

  it('the gateway reads GATEWAY_SUBGRAPHS and needs its own token in production', () => {
    const c = loadGatewayConfig({ GATEWAY_SUBGRAPHS: `finmart=http://127.0.0.1:4000/graphql,insurance=${URL_OK}` });
    expect(c.subgraphs).toEqual([
      { name: 'finmart', url: 'http://127.0.0.1:4000/graphql' },
      { name: 'insurance', url: URL_OK },
    ]);
    expect(c.port).toBe(4400);
    expect(() => loadGatewayConfig({})).toThrow(/GATEWAY_SUBGRAPHS: required/);
    expect(() => loadGatewayConfig({ GATEWAY_SUBGRAPHS: 'finmart' })).toThrow(/"finmart" is not <name>=<http\(s\) url>/);
    expect(() => loadGatewayConfig({ GATEWAY_SUBGRAPHS: `a=${URL_OK},a=${URL_OK}` })).toThrow(/a is named twice/);
    expect(() => loadGatewayConfig({ NODE_ENV: 'production', GATEWAY_SUBGRAPHS: `a=${URL_OK}` })).toThrow(/GATEWAY_TOKEN: required in production/);
    // Trusted documents: a manifest that cannot be read stops the gateway at start, naming the variable.
    expect(c.trustedDocuments).toBeUndefined();
    expect(() => loadGatewayConfig({ GATEWAY_SUBGRAPHS: `a=${URL_OK}`, TRUSTED_DOCUMENTS: '/nonexistent/manifest.json' })).toThrow(
      /TRUSTED_DOCUMENTS: cannot read \/nonexistent\/manifest.json/,
    );
    expect(() => loadGatewayConfig({ GATEWAY_SUBGRAPHS: `a=${URL_OK}`, TRUSTED_DOCUMENTS: 'x.json', TRUSTED_DOCUMENTS_MODE: 'off' })).toThrow(
      /TRUSTED_DOCUMENTS_MODE/,
    );
  });
});

describe("a partner's suitability contract", () => {
  const reason = (over: Record<string, unknown> = {}) => ({ code: 'INSURANCE_NO', outcome: 'BLOCK', step: null, messageZh: '不可', messageEn: 'No', ...over });
  const contract = (over: Record<string, unknown> = {}) => ({
    suitabilityContract: { line: 'INSURANCE', facts: ['customer.age', 'sale.amount'], reasons: [reason()], ...over },
  });
  const problem = (data: unknown) => {
    try {
      readContract(data, 'INSURANCE');
    } catch (e) {
      return e instanceof RemoteCallError ? e.problem : 'other';
    }
    return null;
  };

  it('gives the facts to send and the reasons with their outcomes and steps', () => {
    const c = readContract(contract({ reasons: [reason(), reason({ code: 'INSURANCE_ASK', outcome: 'REQUIRE', step: 'NEEDS_ANALYSIS' })] }), 'INSURANCE');
    expect([...c.facts]).toEqual(['customer.age', 'sale.amount']);
    expect(c.reasons.INSURANCE_NO).toMatchObject({ outcome: 'BLOCK' });
    expect(c.reasons.INSURANCE_ASK).toMatchObject({ outcome: 'REQUIRE', step: 'NEEDS_ANALYSIS' });
  });

  it.each([
    ['asks for personal data the host never discloses', contract({ facts: ['customer.age', 'customer.name'] })],
    ['asks for the customer id', contract({ facts: ['customer.id'] })],
    ['is another line’s', contract({ line: 'FUNDS' })],
    ['has a code without the line prefix', contract({ reasons: [reason({ code: 'NO' })] })],
    ['has an unknown outcome', contract({ reasons: [reason({ outcome: 'MAYBE' })] })],
    ['has a REQUIRE without its step', contract({ reasons: [reason({ outcome: 'REQUIRE' })] })],
    ['names a code twice', contract({ reasons: [reason(), reason()] })],
  ])('is refused when it %s', (_what, data) => {
    expect(problem(data)).toBe('contract');
  });

  it('is malformed when it has the wrong shape', () => {
    expect(problem({ suitabilityContract: { line: 'INSURANCE' } })).toBe('malformed');
    expect(problem({})).toBe('malformed');
  });
});

describe('what crosses the wire', () => {
  const subject: EvaluationSubject = {
    // The SDK's plain test customer, with the identifiers this test looks for on the wire.
    customer: makeFacts({
      customer: {
        id: 4242,
        birthDate: '1980-05-06',
        age: 45,
        nationality: 'CHN',
        personalAnnualIncome: '180000.00',
        householdAnnualIncome: '260000.00',
        householdFinancialAssets: '900000.00',
        incomeThreeYearAverage: '170000.00',
        risk: { experienceYears: 2, assessedAt: null, expiresAt: null },
      },
    }).customer,
    product: { id: 77, code: 'INS-1', line: 'INSURANCE' } as ProductRecord,
    sale: {
      side: 'BUY',
      amount: '5000',
      currency: 'CNY',
      channel: 'ONLINE',
      initiator: 'CUSTOMER',
      details: { premiumMode: 'SINGLE' },
      completedSteps: ['NEEDS_ANALYSIS'],
    },
    now: new Date('2025-06-30T08:00:00Z'),
  };

  it('nothing but the product code when the contract declares nothing', () => {
    expect(wireRequest(new Set(), subject)).toEqual({ productCode: 'INS-1', customer: {}, sale: {} });
  });

  it('only the order terms the contract names: a note typed into the order stays home', () => {
    const withNote = { ...subject, sale: { ...subject.sale, details: { premiumMode: 'SINGLE', note: '张三 110101198005064242' } } };
    expect(wireRequest(new Set(['sale.details.premiumMode'] as const), withNote).sale).toEqual({ details: '{"premiumMode":"SINGLE"}' });
    expect(wireRequest(new Set(['sale.amount'] as const), withNote).sale).toEqual({ amount: '5000' });
    expect(JSON.stringify(wireRequest(new Set(['sale.details.premiumMode', 'sale.details.paymentYears'] as const), withNote))).not.toContain('张三');
  });

  it('a contract may name order terms one by one, never all of them at once', () => {
    expect(isDisclosableFact('sale.details.premiumMode')).toBe(true);
    expect(isDisclosableFact('sale.details')).toBe(false);
    expect(isDisclosableFact('sale.details.')).toBe(false);
    expect(isDisclosableFact('sale.details.a.b')).toBe(false);
    expect(isDisclosableFact('customer.name')).toBe(false);
  });

  it('exactly the declared facts, derived: age, not the birth date; never the customer id', () => {
    const wire = wireRequest(
      new Set(['now', 'customer.age', 'customer.riskLevel', 'customer.householdAnnualIncome', 'sale.amount', 'sale.details.premiumMode'] as const),
      subject,
    );
    expect(wire).toEqual({
      productCode: 'INS-1',
      now: '2025-06-30T08:00:00.000Z',
      customer: { age: 45, riskLevel: 'C3', householdAnnualIncome: '260000.00' },
      sale: { amount: '5000', details: '{"premiumMode":"SINGLE"}' },
    });
    expect(JSON.stringify(wire)).not.toMatch(/4242|1980-05-06|CHN|"id"/);
  });
});

describe('the remote line in the host', () => {
  const line = new RemoteLine({ code: 'insurance', line: 'INSURANCE', typeName: 'InsuranceProduct', url: URL_OK }, 1000);

  it('core.remote-line cannot be switched off through core.disabledRules (the line would sell unguarded)', () => {
    const rules = [
      { rule: line.rule, source: 'insurance' },
      { rule: { ...line.rule, id: 'core.other' }, source: 'core' },
    ];
    const settings = { get: <T>() => [] as T };
    expect(rulesInForce(rules, settings, [REMOTE_LINE_RULE_ID, 'core.other']).map((r) => r.rule.id)).toEqual([REMOTE_LINE_RULE_ID]);
  });

  it('without a verdict (an impact analysis, a stored record) the rule throws, which the engine makes RULE_ERROR', () => {
    expect(() => line.rule.evaluate({ product: { code: 'X' } } as never, { settings: { get: <T>() => undefined as T }, now: new Date() })).toThrow(
      /no usable suitability verdict \(absent\)/,
    );
  });

  it('registers a described `Product` type for the line, and as a subgraph an entity keyed by code', () => {
    const schema = buildFinmartSchema([funds, line.manifest]);
    expect(undescribed(schema)).toEqual([]);
    expect(schema.getType('InsuranceProduct')?.description).toMatch(/partner runs as its own subgraph/);
    const subgraph = toSubgraphSchema(buildFinmartSchema([funds, line.manifest]), remoteEntityResolvers([line]));
    const sdl = printSubgraphSchema(subgraph);
    expect(sdl).toMatch(/type InsuranceProduct implements Node & Product\s+@key\(fields: "code"\)/);
    expect(sdl).not.toMatch(/type FundProduct[^{]*@key/);
    expect(subgraph.getQueryType()?.getFields()._entities).toBeDefined();
  });

  it("a subgraph's SDL is introspection: in production a partner may not read `_service` either", () => {
    expect(asksForSchema(parse('{ _service { sdl } }'))).toBe(true);
    expect(asksForSchema(parse('{ products(first: 1) { totalCount } }'))).toBe(false);
  });

  it('a remote line replaces the local plugin of the same code; a type name taken by a local plugin stops the boot', async () => {
    const insurance = (await import('../../plugins/insurance/index.js')).default;
    const fresh = await freshDatabase('pglite');
    try {
      const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', REMOTE_LINES: `insurance=INSURANCE:InsuranceProduct@${URL_OK}` });
      const host = await createHost({ config, installed: [funds, insurance], database: fresh.database, logger: createLogger('silent') });
      expect(host.runtime.plugins.map((p) => [p.code, p.version])).toEqual([
        ['funds', funds.version],
        ['insurance', '0.0.0-remote'],
      ]);
      expect(host.runtime.rules.filter((r) => r.source === 'insurance').map((r) => r.rule.id)).toEqual([REMOTE_LINE_RULE_ID]);
      await host.close();
      const clash = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', REMOTE_LINES: `life=LIFE:FundProduct@${URL_OK}` });
      await expect(createHost({ config: clash, installed: [funds], database: fresh.database, logger: createLogger('silent') })).rejects.toThrow(
        /REMOTE_LINES: type FundProduct of remote line life is also plugin funds's product type/,
      );
    } finally {
      await fresh.drop();
    }
  });
});

/** Schema elements without a description (as tests/schema-descriptions.test.ts counts them). */
function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const check = (name: string, d: string | null | undefined) => void (d?.trim() ? undefined : missing.push(name));
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
    check(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const f of Object.values(type.getFields())) {
        check(`${type.name}.${f.name}`, f.description);
        for (const a of f.args) check(`${type.name}.${f.name}(${a.name})`, a.description);
      }
    } else if (isInputObjectType(type)) for (const f of Object.values(type.getFields())) check(`${type.name}.${f.name}`, f.description);
    else if (isEnumType(type)) for (const v of type.getValues()) check(`${type.name}.${v.name}`, v.description);
  }
  return missing;
}
