import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/graphql/relay/global-id.js';
import { testDrivers } from '../support/databases.js';
import { createTestHost, type TestHost } from '../support/test-host.js';

/** Han characters: a zh-CN message has them, an English one has none. */
const HAN = /\p{Script=Han}/u;

describe.each(testDrivers())('messages follow Accept-Language (%s)', (driver) => {
  let t: TestHost;
  let productId: string;
  beforeAll(async () => {
    // As in production: no field suggestions (tests/posture/suggestions.test.ts covers them in development).
    t = await createTestHost({ driver, customers: 20, env: { GRAPHQL_SUGGESTIONS: 'false' } });
    productId = (await t.gql(`{ products(first: 1) { edges { node { id } } } }`)).data.products.edges[0].node.id;
  }, 180_000);
  afterAll(() => t?.close());

  /** The first error in English and in Chinese, with the same code. */
  async function both(query: string, variables?: Record<string, unknown>) {
    const en = await t.gql(query, variables, { lang: 'en' });
    const zh = await t.gql(query, variables, { lang: 'zh-CN' });
    const byDefault = await t.gql(query, variables);
    expect(en.errors?.[0]?.extensions?.code).toBeDefined();
    expect(zh.errors?.[0]?.extensions?.code).toBe(en.errors?.[0]?.extensions?.code);
    expect(en.status).toBe(zh.status);
    // zh-CN is the default language.
    expect(byDefault.errors?.[0]?.message).toBe(zh.errors?.[0]?.message);
    const enMessage = en.errors![0].message;
    const zhMessage = zh.errors![0].message;
    expect(enMessage).not.toMatch(HAN);
    expect(zhMessage).toMatch(HAN);
    // graphql-armor's limits are not syntax errors; no suggestion leaks the schema.
    expect(enMessage).not.toMatch(/Syntax Error: (Query|Aliases|Directives|Document)|Did you mean|Suggestion hidden/);
    return { en: enMessage, zh: zhMessage, code: en.errors![0].extensions!.code, status: en.status };
  }

  it('NOT_FOUND names the object in one language at a time', async () => {
    const q = `query($c: ID!, $p: ID!) { checkSuitability(input: { customerId: $c, productId: $p }) { outcome } }`;
    const r = await both(q, { c: toGlobalId('Customer', 987654), p: productId });
    expect(r.code).toBe('NOT_FOUND');
    expect(r.en).toBe('Customer not found');
    expect(r.zh).toBe('未找到客户');
  });

  it('the token limit (graphql-js maxTokens) in each language', async () => {
    const r = await both(`{ ${'me { role } '.repeat(1000)} }`);
    expect(r.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(r.status).toBe(400);
    expect(r.en).toBe('The document contains more than 3000 tokens; parsing aborted.');
    expect(r.zh).toBe('查询文档超过 3000 个词法单元（token），已停止解析。');
  });

  it('graphql-armor limits (cost, depth, aliases) in each language', async () => {
    const fields = 'id code name nameZh nameEn line issuer riskRating currency status liquidity function coolingOffHours minimumAmount { amount currency }';
    // About 330,000 values: over the default 250,000.
    const contacts = 'contacts(first: 100) { edges { node { id channel outcome summary occurredAt } } }';
    const cost = await both(`{ customers(first: 100) { edges { node { ${contacts} holdings(first: 100) { edges { node { product { ${fields} } } } } } } } }`);
    expect(cost.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(cost.en).toMatch(/^Query cost limit of 250000 exceeded \(found \d+\)\.$/);
    expect(cost.zh).toMatch(/^查询成本超过上限 250000（本次 \d+）。$/);

    let sel = 'id';
    for (let i = 0; i < 12; i++) sel = `manager { branch { ${sel} } }`.replace('branch { ', i % 2 ? 'branch { ' : 'customers { ');
    // Too deep is also too costly: both errors come back, each in the caller's language.
    const deep = `{ customers(first: 1) { edges { node { ${sel} } } } }`;
    const depthEn = (await t.gql(deep, {}, { lang: 'en' })).errors?.map((e) => e.message);
    const depthZh = (await t.gql(deep, {}, { lang: 'zh-CN' })).errors?.map((e) => e.message);
    expect(depthEn).toContainEqual(expect.stringMatching(/^Query depth limit of 12 exceeded \(found \d+\)\.$/));
    expect(depthZh).toContainEqual(expect.stringMatching(/^查询深度超过上限 12（本次 \d+）。$/));
    expect(depthEn!.join(' ')).not.toMatch(HAN);

    const aliases = await both(`{ ${Array.from({ length: 25 }, (_, i) => `c${i}: me { role }`).join(' ')} }`);
    expect(aliases.en).toBe('Aliases limit of 20 exceeded (found 25).');
    expect(aliases.zh).toBe('别名数量超过上限 20（本次 25）。');
  });

  it('validation and variable coercion errors in each language', async () => {
    const field = await both(`{ customers(first: 1) { edges { node { idNumbr } } } }`);
    expect(field.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(field.en).toBe('Cannot query field "idNumbr" on type "Customer".');
    expect(field.zh).toBe('类型 "Customer" 上没有字段 "idNumbr"。');

    const coercion = await both(`query($n: Int) { customers(first: $n) { totalCount } }`, { n: 'abc' });
    expect(coercion.code).toBe('BAD_USER_INPUT');
    expect(coercion.en).toMatch(/^Variable "\$n" got invalid value "abc"; Int cannot represent non-integer value/);
    expect(coercion.zh).toMatch(/^变量 \$n 的值无效："abc"/);

    const missing = await both(`query($c: ID!) { customer(id: $c) { id } }`);
    expect(missing.en).toBe('Variable "$c" of required type "ID!" was not provided.');
    expect(missing.zh).toBe('缺少必填变量 $c（类型 ID!）。');

    const syntax = await both(`{ customers(first: 1) { `);
    expect(syntax.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(syntax.en).toMatch(/^Syntax error: Expected Name, found <EOF>\.$/);
    expect(syntax.zh).toMatch(/^语法错误：/);
  });

  it('a malformed body in each language', async () => {
    const token = await t.token({ role: 'HEAD_OFFICE' });
    const send = (lang: string) =>
      fetch(t.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'accept-language': lang },
        body: '{"query": ',
      }).then(async (r) => ({ status: r.status, body: await r.json() }));
    const en = await send('en-GB,en;q=0.9');
    const zh = await send('zh-CN,zh;q=0.9');
    expect(en.status).toBe(400);
    expect(en.body.errors[0]).toMatchObject({ message: 'Malformed request body', extensions: { code: 'BAD_USER_INPUT' } });
    expect(zh.body.errors[0]).toMatchObject({ message: '请求体格式错误', extensions: { code: 'BAD_USER_INPUT' } });
  });
});
