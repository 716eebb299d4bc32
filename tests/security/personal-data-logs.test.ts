import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { Field, ObjectType } from 'type-graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedPlugins } from '../../plugins/index.js';
import { errorSummary, LoggableError } from '../../src/error-summary.js';
import { toGlobalId } from '../../src/graphql/relay/global-id.js';
import { definePlugin, Product, text, type SuitabilityRule } from '../../src/sdk/index.js';
import { findCandidate, orderInput, productsWhere, type Candidate } from '../orders/support.js';
import { testDrivers } from '../support/databases.js';
import { createTestHost, type GqlResponse, type TestHost } from '../support/test-host.js';

// Issue 10 §2: personal data never reaches a log, and inputs the database cannot
// store are BAD_USER_INPUT before any statement runs (never INTERNAL_SERVER_ERROR).

/** The personal values every input below carries: none may appear in a log line. */
const NAME = '蔺晓测';
const ID_NUMBER = 'E77665544';
const PHONE = '13977665544';
const PERSONAL = [NAME, ID_NUMBER, PHONE];
/** Marks text a rule put in its error message (from the facts it was given). */
const LEAK = 'LEAK-MARKER';

const AUDITOR = { role: 'AUDITOR' } as const;
const BRANCH1 = toGlobalId('Branch', 1);
/** A key beyond int4 (2^31 − 1): the database cannot compare it with an integer column. */
const BIG = '9999999999';
const big = (type: string) => toGlobalId(type, BIG);
const bigCursor = Buffer.from(`k:${BIG}`, 'utf8').toString('base64url');
const NUL = '\u0000';

@ObjectType('LeakyProduct', { implements: Product })
class LeakyProduct extends Product {
  @Field(() => String, { nullable: true }) leakyNote?: string;
}

/** A rule that quotes the customer's facts in its error (as careless plugin code might). */
const quotesFacts: SuitabilityRule = {
  id: 'leaky.quotes-facts',
  version: '1.0.0',
  regulation: text('测试', 'Test'),
  description: text('把事实写进异常的规则', 'A rule that puts facts in its error'),
  reasons: { NEVER: { outcome: 'WARN', message: text('不会出现', 'Never shown') } },
  evaluate(facts) {
    throw new Error(`${LEAK} born ${facts.customer.birthDate} income ${facts.customer.personalAnnualIncome}`);
  },
};

const leakyPlugin = definePlugin({
  code: 'leaky',
  line: 'LEAKY',
  name: text('泄露测试', 'Leaky (test)'),
  version: '1.0.0',
  hostRange: '^0.1.0',
  graphql: { productType: LeakyProduct },
  rules: [quotesFacts],
  async seed(ctx) {
    await ctx.catalog.upsertProducts([
      {
        code: 'LEAKY-1',
        nameZh: '泄露产品',
        nameEn: 'Leaky one',
        issuer: 'Test',
        riskRating: 'R1',
        liquidity: 'HIGH',
        function: 'PRESERVATION',
        requiresRiskAssessment: false,
      },
    ]);
  },
});

const CREATE = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`;
const UPDATE = `mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { id } }`;
const CONTACT = `mutation($input: LogContactInput!) { logContact(input: $input) { id } }`;
const COMPLAINT = `mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { id } }`;
const ADVANCE = `mutation($input: AdvanceComplaintInput!) { advanceComplaint(input: $input) { id } }`;
const ASSESS = `mutation($input: RecordRiskAssessmentInput!) { recordRiskAssessment(input: $input) { id } }`;
const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { ... on Order { id } } }`;
const CANCEL = `mutation($id: ID!, $reason: String!) { cancelOrder(orderId: $id, reason: $reason) { id } }`;
const ASSIGN = `mutation($c: ID!, $m: ID!) { assignManager(customerId: $c, managerId: $m) { ... on Customer { id } } }`;

const newCustomer = (over: Record<string, unknown> = {}) => ({
  name: NAME,
  idType: 'PASSPORT',
  idNumber: ID_NUMBER,
  phone: PHONE,
  birthDate: '1980-05-06',
  gender: 'MALE',
  branchId: BRANCH1,
  occupation: '工程师',
  employerSector: 'IT',
  personalAnnualIncome: '100000',
  householdAnnualIncome: '200000',
  householdFinancialAssets: '500000',
  ...over,
});

/** What a row expects: BAD_USER_INPUT, or the answer any unknown id gets (NOT_FOUND / null). */
type Outcome = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'NULL';
interface Row {
  what: string;
  query: string;
  variables: () => Record<string, unknown>;
  expect: Outcome;
  as?: typeof AUDITOR;
}

describe.each(testDrivers())('personal data never reaches a log (%s)', (driver) => {
  let t: TestHost;
  const log: string[] = [];
  let customerId: string;
  let version: number;
  let managerId: string; // the customer's own manager (assigning to them writes the row)
  let accepted: string; // a complaint in state ACCEPTED (its next step needs a note)
  let buy: Candidate; // a customer × product that may be bought
  let pending: string; // an order still in its cooling-off period
  let leakyProduct: string;

  beforeAll(async () => {
    t = await createTestHost({ driver, customers: 60, plugins: [...installedPlugins, leakyPlugin], env: { LOG_LEVEL: 'info' }, logLines: log });
    const c = (await t.gql(`{ customers(first: 20) { edges { node { id version manager { id } } } } }`)).data.customers.edges.find(
      (e: { node: { manager: unknown } }) => e.node.manager,
    ).node;
    customerId = c.id;
    version = c.version;
    managerId = c.manager.id;
    const filed = await t.gql(COMPLAINT, { input: { customerId, category: 'SERVICE', description: '排队时间过长' } });
    accepted = filed.data.fileComplaint.id;
    await t.gql(ADVANCE, { input: { complaintId: accepted, version: 1, to: 'ACCEPTED' } });
    buy = await findCandidate(
      t,
      await productsWhere(t, (p) => p.coolingOffHours === 0 && p.unitPrice !== null && p.line !== 'FOREX' && p.line !== 'LEAKY'),
      (d) => d.outcome !== 'BLOCK',
    );
    const coolingOff = await findCandidate(t, await productsWhere(t, (p) => p.coolingOffHours > 0), (d) => d.outcome !== 'BLOCK');
    const placed = await t.gql(PLACE, { input: orderInput(coolingOff, `k-${randomUUID()}`) });
    expect(placed.errors).toBeUndefined();
    pending = placed.data.placeOrder.id;
    leakyProduct = (await productsWhere(t, (p) => p.line === 'LEAKY')).map((p) => toGlobalId('Product', p.id))[0];
  }, 240_000);
  afterAll(() => t?.close());

  const order = (over: Record<string, unknown>) => ({ input: orderInput(buy, `k-${randomUUID()}`, over) });

  /** Inputs that used to reach the database (and fail there, or be refused only by luck). */
  const rows: Row[] = [
    // createCustomer: NUL in every text field, a date before year 1, amounts beyond the columns, ids beyond int4.
    { what: 'createCustomer name NUL', query: CREATE, variables: () => ({ input: newCustomer({ name: `${NAME}${NUL}` }) }), expect: 'BAD_USER_INPUT' },
    {
      what: 'createCustomer occupation NUL',
      query: CREATE,
      variables: () => ({ input: newCustomer({ occupation: `工程师${NUL}` }) }),
      expect: 'BAD_USER_INPUT',
    },
    {
      what: 'createCustomer employerSector NUL',
      query: CREATE,
      variables: () => ({ input: newCustomer({ employerSector: `IT${NUL}` }) }),
      expect: 'BAD_USER_INPUT',
    },
    {
      what: 'createCustomer idNumber NUL',
      query: CREATE,
      variables: () => ({ input: newCustomer({ idNumber: `${ID_NUMBER}${NUL}` }) }),
      expect: 'BAD_USER_INPUT',
    },
    { what: 'createCustomer phone NUL', query: CREATE, variables: () => ({ input: newCustomer({ phone: `${PHONE}${NUL}` }) }), expect: 'BAD_USER_INPUT' },
    { what: 'createCustomer nationality NUL', query: CREATE, variables: () => ({ input: newCustomer({ nationality: `C${NUL}` }) }), expect: 'BAD_USER_INPUT' },
    {
      what: 'createCustomer birthDate year 0',
      query: CREATE,
      variables: () => ({ input: newCustomer({ birthDate: '0000-03-01' }) }),
      expect: 'BAD_USER_INPUT',
    },
    {
      what: 'createCustomer birthDate 30 February',
      query: CREATE,
      variables: () => ({ input: newCustomer({ birthDate: '1980-02-30' }) }),
      expect: 'BAD_USER_INPUT',
    },
    {
      what: 'createCustomer income of 20 digits',
      query: CREATE,
      variables: () => ({ input: newCustomer({ householdFinancialAssets: '99999999999999999999' }) }),
      expect: 'BAD_USER_INPUT',
    },
    {
      what: 'createCustomer branchId beyond int4',
      query: CREATE,
      variables: () => ({ input: newCustomer({ branchId: big('Branch') }) }),
      expect: 'BAD_USER_INPUT',
    },
    {
      what: 'createCustomer managerId beyond int4',
      query: CREATE,
      variables: () => ({ input: newCustomer({ managerId: big('CustomerManager') }) }),
      expect: 'BAD_USER_INPUT',
    },
    // updateCustomer
    {
      what: 'updateCustomer name NUL',
      query: UPDATE,
      variables: () => ({ input: { id: customerId, version, name: `${NAME}${NUL}`, phone: PHONE } }),
      expect: 'BAD_USER_INPUT',
    },
    {
      what: 'updateCustomer occupation NUL',
      query: UPDATE,
      variables: () => ({ input: { id: customerId, version, name: NAME, occupation: `x${NUL}` } }),
      expect: 'BAD_USER_INPUT',
    },
    {
      what: 'updateCustomer employerSector NUL',
      query: UPDATE,
      variables: () => ({ input: { id: customerId, version, name: NAME, employerSector: `x${NUL}` } }),
      expect: 'BAD_USER_INPUT',
    },
    {
      what: 'updateCustomer amount of 20 digits',
      query: UPDATE,
      variables: () => ({ input: { id: customerId, version, name: NAME, personalAnnualIncome: '12345678901234567890' } }),
      expect: 'BAD_USER_INPUT',
    },
    { what: 'updateCustomer id beyond int4', query: UPDATE, variables: () => ({ input: { id: big('Customer'), version, name: NAME } }), expect: 'NOT_FOUND' },
    // logContact
    {
      what: 'logContact summary NUL',
      query: CONTACT,
      variables: () => ({ input: { customerId, channel: 'PHONE', outcome: 'REACHED', summary: `${NAME} ${PHONE}${NUL}` } }),
      expect: 'BAD_USER_INPUT',
    },
    {
      what: 'logContact outcome NUL',
      query: CONTACT,
      variables: () => ({ input: { customerId, channel: 'PHONE', outcome: `REACHED${NUL}`, summary: NAME } }),
      expect: 'BAD_USER_INPUT',
    },
    {
      what: 'logContact occurredAt year 0',
      query: CONTACT,
      variables: () => ({ input: { customerId, channel: 'PHONE', outcome: 'REACHED', summary: NAME, occurredAt: '0000-06-01T00:00:00Z' } }),
      expect: 'BAD_USER_INPUT',
    },
    {
      what: 'logContact occurredAt year 1 +08:00 (year 0 in UTC)',
      query: CONTACT,
      variables: () => ({ input: { customerId, channel: 'PHONE', outcome: 'REACHED', summary: NAME, occurredAt: '0001-01-01T03:00:00+08:00' } }),
      expect: 'BAD_USER_INPUT',
    },
    {
      what: 'logContact nextContactAt year 0',
      query: CONTACT,
      variables: () => ({ input: { customerId, channel: 'PHONE', outcome: 'REACHED', summary: NAME, nextContactAt: '0000-01-01T00:00:00Z' } }),
      expect: 'BAD_USER_INPUT',
    },
    {
      what: 'logContact customerId beyond int4',
      query: CONTACT,
      variables: () => ({ input: { customerId: big('Customer'), channel: 'PHONE', outcome: 'REACHED', summary: NAME } }),
      expect: 'NOT_FOUND',
    },
    // fileComplaint / advanceComplaint
    {
      what: 'fileComplaint description NUL',
      query: COMPLAINT,
      variables: () => ({ input: { customerId, category: 'SERVICE', description: `${NAME} ${PHONE}${NUL}` } }),
      expect: 'BAD_USER_INPUT',
    },
    {
      what: 'fileComplaint category NUL',
      query: COMPLAINT,
      variables: () => ({ input: { customerId, category: `SERVICE${NUL}`, description: NAME } }),
      expect: 'BAD_USER_INPUT',
    },
    {
      what: 'fileComplaint customerId beyond int4',
      query: COMPLAINT,
      variables: () => ({ input: { customerId: big('Customer'), category: 'SERVICE', description: NAME } }),
      expect: 'NOT_FOUND',
    },
    {
      what: 'advanceComplaint note NUL',
      query: ADVANCE,
      variables: () => ({ input: { complaintId: accepted, version: 2, to: 'ANALYSED', note: `${NAME}${NUL}` } }),
      expect: 'BAD_USER_INPUT',
    },
    {
      what: 'advanceComplaint complaintId beyond int4',
      query: ADVANCE,
      variables: () => ({ input: { complaintId: big('Complaint'), version: 1, to: 'ACCEPTED' } }),
      expect: 'NOT_FOUND',
    },
    // recordRiskAssessment
    {
      what: 'recordRiskAssessment assessedAt year 0',
      query: ASSESS,
      variables: () => ({ input: { customerId, level: 'C3', channel: 'COUNTER', assessedAt: '0000-12-31T00:00:00Z' } }),
      expect: 'BAD_USER_INPUT',
    },
    {
      what: 'recordRiskAssessment customerId beyond int4',
      query: ASSESS,
      variables: () => ({ input: { customerId: big('Customer'), level: 'C3', channel: 'COUNTER' } }),
      expect: 'NOT_FOUND',
    },
    // placeOrder / cancelOrder / assignManager
    { what: 'placeOrder details value NUL', query: PLACE, variables: () => order({ details: { note: `${NAME}${NUL}` } }), expect: 'BAD_USER_INPUT' },
    { what: 'placeOrder details key NUL', query: PLACE, variables: () => order({ details: { [`k${NUL}`]: PHONE } }), expect: 'BAD_USER_INPUT' },
    {
      what: 'placeOrder details nested 40 deep',
      query: PLACE,
      variables: () => order({ details: JSON.parse(`${'{"a":'.repeat(40)}1${'}'.repeat(40)}`) }),
      expect: 'BAD_USER_INPUT',
    },
    { what: 'placeOrder idempotencyKey NUL', query: PLACE, variables: () => ({ input: orderInput(buy, `k-${randomUUID()}${NUL}`) }), expect: 'BAD_USER_INPUT' },
    { what: 'placeOrder completedSteps NUL', query: PLACE, variables: () => order({ completedSteps: [`X${NUL}`] }), expect: 'BAD_USER_INPUT' },
    { what: 'placeOrder currency NUL', query: PLACE, variables: () => order({ currency: `CNY${NUL}` }), expect: 'BAD_USER_INPUT' },
    { what: 'placeOrder amount of 20 digits', query: PLACE, variables: () => order({ amount: '99999999999999999999' }), expect: 'BAD_USER_INPUT' },
    { what: 'placeOrder amount of 16 digits', query: PLACE, variables: () => order({ amount: '9999999999999999.9999' }), expect: 'BAD_USER_INPUT' },
    { what: 'placeOrder customerId beyond int4', query: PLACE, variables: () => order({ customerId: big('Customer') }), expect: 'NOT_FOUND' },
    { what: 'placeOrder productId beyond int4', query: PLACE, variables: () => order({ productId: big('Product') }), expect: 'NOT_FOUND' },
    { what: 'cancelOrder reason NUL', query: CANCEL, variables: () => ({ id: pending, reason: `${NAME}${NUL}` }), expect: 'BAD_USER_INPUT' },
    { what: 'cancelOrder orderId beyond int4', query: CANCEL, variables: () => ({ id: big('Order'), reason: 'changed mind' }), expect: 'NOT_FOUND' },
    {
      what: 'assignManager customerId beyond int4',
      query: ASSIGN,
      variables: () => ({ c: big('Customer'), m: toGlobalId('CustomerManager', 1) }),
      expect: 'NOT_FOUND',
    },
    { what: 'assignManager managerId beyond int4', query: ASSIGN, variables: () => ({ c: customerId, m: big('CustomerManager') }), expect: 'NOT_FOUND' },
    // Reads take the same inputs.
    { what: 'node id beyond int4', query: `query($id: ID!) { node(id: $id) { id } }`, variables: () => ({ id: big('Customer') }), expect: 'NULL' },
    { what: 'customer id beyond int4', query: `query($id: ID!) { customer(id: $id) { id } }`, variables: () => ({ id: big('Customer') }), expect: 'NULL' },
    {
      what: 'customers after a cursor beyond int4',
      query: `query($a: String) { customers(first: 2, after: $a) { totalCount } }`,
      variables: () => ({ a: bigCursor }),
      expect: 'BAD_USER_INPUT',
    },
    {
      what: 'customers filter managerId beyond int4',
      query: `query($m: ID) { customers(first: 2, filter: { managerId: $m }) { totalCount } }`,
      variables: () => ({ m: big('CustomerManager') }),
      expect: 'BAD_USER_INPUT',
    },
    {
      what: 'customers search NUL',
      query: `query($s: String) { customers(first: 2, filter: { search: $s }) { totalCount } }`,
      variables: () => ({ s: `${NAME}${NUL}` }),
      expect: 'BAD_USER_INPUT',
    },
    {
      what: 'products search NUL',
      query: `query($s: String) { products(first: 2, filter: { search: $s }) { totalCount } }`,
      variables: () => ({ s: `基金${NUL}` }),
      expect: 'BAD_USER_INPUT',
    },
    {
      what: 'auditEvents actor NUL',
      query: `query($a: String) { auditEvents(first: 2, filter: { actor: $a }) { totalCount } }`,
      variables: () => ({ a: `x${NUL}` }),
      expect: 'BAD_USER_INPUT',
      as: AUDITOR,
    },
    {
      what: 'auditEvents from year 0',
      query: `query($f: DateTime) { auditEvents(first: 2, filter: { from: $f }) { totalCount } }`,
      variables: () => ({ f: '0000-01-01T00:00:00Z' }),
      expect: 'BAD_USER_INPUT',
      as: AUDITOR,
    },
    {
      what: 'suitabilityDecisions ruleId NUL',
      query: `query($r: String) { suitabilityDecisions(first: 2, filter: { ruleId: $r }) { totalCount } }`,
      variables: () => ({ r: `x${NUL}` }),
      expect: 'BAD_USER_INPUT',
      as: AUDITOR,
    },
    {
      what: 'checkSuitability amount of 20 digits',
      query: `query($c: ID!, $p: ID!) { checkSuitability(input: { customerId: $c, productId: $p, amount: "99999999999999999999", channel: COUNTER, initiator: CUSTOMER }) { outcome } }`,
      variables: () => ({ c: customerId, p: buy.productId }),
      expect: 'BAD_USER_INPUT',
    },
    {
      what: 'a NUL in a literal argument',
      query: `mutation($id: ID!) { logContact(input: { customerId: $id, channel: PHONE, outcome: REACHED, summary: "${NAME}\\u0000" }) { id } }`,
      variables: () => ({ id: customerId }),
      expect: 'BAD_USER_INPUT',
    },
  ];

  const codes = (r: GqlResponse) => (r.errors ?? []).map((e) => e.extensions?.code);

  it.each(rows.map((r) => [r.what, r] as const))('%s: refused as bad input (or unknown id), never INTERNAL_SERVER_ERROR', async (_what, row) => {
    const r = await t.gql(row.query, row.variables(), { as: row.as, lang: 'en' });
    expect(codes(r), JSON.stringify(r.errors)).not.toContain('INTERNAL_SERVER_ERROR');
    expect(r.status).not.toBe(500);
    if (row.expect === 'NULL') {
      expect(r.errors).toBeUndefined();
      expect(Object.values(r.data ?? {})[0]).toBeNull();
    } else {
      expect(codes(r)[0], JSON.stringify(r.errors)).toBe(row.expect);
    }
    // Only the answer leaves: no database text in the response either.
    expect(JSON.stringify(r.errors ?? [])).not.toMatch(/Failed query|params:|violat|out of range|invalid byte/i);
  });

  it('a NUL or an over-long number is refused before any statement, naming the field in both languages', async () => {
    const nul = await t.gql(CREATE, { input: newCustomer({ occupation: `x${NUL}` }) }, { lang: 'en' });
    expect(nul.statements).toBe(0);
    expect(nul.errors?.[0].message).toBe('input.occupation contains a NUL character (U+0000), which cannot be stored');
    expect(nul.errors?.[0].extensions?.field).toBe('input.occupation');
    const zh = await t.gql(CREATE, { input: newCustomer({ occupation: `x${NUL}` }) }, { lang: 'zh-CN' });
    expect(zh.errors?.[0].message).toBe('input.occupation 含有空字符（U+0000），无法保存');
    const amount = await t.gql(PLACE, order({ amount: '99999999999999999999' }), { lang: 'en' });
    expect(amount.statements).toBe(0);
    expect(amount.errors?.[0].message).toMatch(/at "input\.amount"; .*Decimal allows at most 15 integer and 10 decimal digits$/);
    const amountZh = await t.gql(PLACE, order({ amount: '99999999999999999999' }), { lang: 'zh-CN' });
    expect(amountZh.errors?.[0].message).toMatch(/at "input\.amount"; .*Decimal 整数部分最多 15 位、小数部分最多 10 位$/);
    const year0 = await t.gql(
      CONTACT,
      { input: { customerId, channel: 'PHONE', outcome: 'REACHED', summary: 'x', occurredAt: '0000-06-01T00:00:00Z' } },
      { lang: 'en' },
    );
    expect(year0.statements).toBe(0);
    expect(year0.errors?.[0].message).toMatch(/at "input\.occurredAt"; .*the year must be 0001 to 9999$/);
  });

  describe('when the database itself fails', () => {
    // A trigger refuses every write to the customer tables, quoting the whole row in its message
    // and detail (as a unique violation quotes the key: "Key (id_number)=(…) already exists").
    const exec = (q: string) => t.host.runtime.database.db.execute(sql.raw(q));
    const tables = ['customers', 'contacts', 'complaints', 'risk_assessments', 'orders'];
    beforeAll(async () => {
      await exec(`create unique index test_customers_id_number_uq on customers (id_number) where id_number like 'E7766%'`);
      await exec(`create or replace function test_refuse() returns trigger language plpgsql as $$
        begin
          raise exception 'refused %', row_to_json(new)
            using errcode = 'check_violation', constraint = 'test_refusal', table = tg_table_name, column = 'name', detail = row_to_json(new)::text;
        end $$`);
    });
    afterAll(async () => {
      for (const table of tables) await exec(`drop trigger if exists test_refuse_${table} on ${table}`);
    });

    it('a unique violation: the log has SQLSTATE 23505 and the constraint, not the values', async () => {
      const first = await t.gql(CREATE, { input: newCustomer() });
      expect(first.errors).toBeUndefined();
      const before = log.length;
      const dup = await t.gql(CREATE, { input: newCustomer() }, { lang: 'en' });
      expect(codes(dup)).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(dup.errors?.[0].message).toMatch(/^Internal error \(request [\w-]+\)$/);
      const lines = log.slice(before).map((l) => JSON.parse(l));
      const internal = lines.find((l) => l.msg === 'internal error');
      expect(internal?.err).toMatchObject({ name: 'DrizzleQueryError', code: '23505', constraint: 'test_customers_id_number_uq', table: 'customers' });
      expect(internal?.err.message).toBeUndefined();
      expect(internal?.requestId).toBe(dup.headers.get('x-request-id'));
      for (const v of PERSONAL) expect(log.slice(before).join('\n')).not.toContain(v);
    });

    it('every mutation whose statement the database refuses: INTERNAL_SERVER_ERROR, logged as code and constraint only', async () => {
      for (const table of tables)
        await exec(`create trigger test_refuse_${table} before insert or update on ${table} for each row execute function test_refuse()`);
      const failing: [string, string, Record<string, unknown>][] = [
        ['createCustomer', CREATE, { input: newCustomer({ idNumber: 'E77669900', name: NAME }) }],
        ['updateCustomer', UPDATE, { input: { id: customerId, version, name: NAME, phone: PHONE } }],
        ['logContact', CONTACT, { input: { customerId, channel: 'PHONE', outcome: 'REACHED', summary: `${NAME} ${PHONE} ${ID_NUMBER}` } }],
        ['fileComplaint', COMPLAINT, { input: { customerId, category: 'SERVICE', description: `${NAME} ${PHONE}` } }],
        ['advanceComplaint', ADVANCE, { input: { complaintId: accepted, version: 2, to: 'ANALYSED', note: `${NAME} ${PHONE}` } }],
        ['recordRiskAssessment', ASSESS, { input: { customerId, level: 'C3', channel: 'COUNTER' } }],
        ['placeOrder', PLACE, order({})],
        ['cancelOrder', CANCEL, { id: pending, reason: `${NAME} ${PHONE}` }],
        ['assignManager', ASSIGN, { c: customerId, m: managerId }],
      ];
      for (const [name, query, variables] of failing) {
        const before = log.length;
        const r = await t.gql(query, variables);
        expect(codes(r), name).toEqual(['INTERNAL_SERVER_ERROR']);
        const lines = log.slice(before);
        const internal = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'internal error');
        expect(internal?.err, name).toMatchObject({ code: '23514', constraint: 'test_refusal' });
        // A partitioned table (contacts, orders) reports the month's partition: `contacts_2026_11`.
        expect(tables, name).toContain(String(internal?.err.table).replace(/_(\d{4}_\d{2}|default)$/, ''));
        const text = lines.join('\n');
        for (const v of [...PERSONAL, 'Failed query', 'params:', 'refused', '"id_number"']) expect(text, `${name}: ${v}`).not.toContain(v);
      }
    });
  });

  it('a failing suitability rule is logged by id, without what its message quoted from the facts', async () => {
    const before = log.length;
    const r = await t.gql(
      `query($c: ID!, $p: ID!) { customer(id: $c) { birthDate personalAnnualIncome { amount } suitability(productId: $p) { outcome reasons { code } } } }`,
      { c: customerId, p: leakyProduct },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.customer.suitability.reasons.map((x: { code: string }) => x.code)).toContain('RULE_ERROR');
    const lines = log.slice(before);
    const failed = lines.map((l) => JSON.parse(l)).find((l) => l.msg === 'suitability rule failed');
    expect(failed).toMatchObject({ ruleId: 'leaky.quotes-facts', err: { name: 'Error' } });
    expect(lines.join('\n')).not.toContain(LEAK);
    expect(lines.join('\n')).not.toContain(r.data.customer.birthDate);
  });

  it('across everything above, no log line holds an ID number, phone or name that was used', () => {
    const all = log.join('\n');
    expect(log.length).toBeGreaterThan(rows.length);
    for (const v of [...PERSONAL, LEAK, 'Failed query', 'params:']) expect(all).not.toContain(v);
  });
});

describe('errors summarised for the log', () => {
  it('keeps class, SQLSTATE, constraint, table, column and frames of a driver error, nothing of its text', () => {
    const cause = Object.assign(new Error(`duplicate key value violates unique constraint "u" (${PHONE})`), {
      name: 'PostgresError',
      code: '23505',
      constraint_name: 'customers_id_number_uq',
      table_name: 'customers',
      column_name: 'id_number',
      detail: `Key (id_number)=(${ID_NUMBER}) already exists.`,
      where: `SQL statement "insert … ${NAME}"`,
      routine: '_bt_check_unique',
    });
    const err = Object.assign(new Error(`Failed query: insert into customers …\nparams: ${NAME},${ID_NUMBER},${PHONE}`), { name: 'DrizzleQueryError', cause });
    const s = errorSummary(err);
    expect(s).toMatchObject({
      name: 'DrizzleQueryError',
      causes: ['PostgresError'],
      code: '23505',
      constraint: 'customers_id_number_uq',
      table: 'customers',
      column: 'id_number',
      routine: '_bt_check_unique',
    });
    expect(s.stack?.length).toBeGreaterThan(0);
    const json = JSON.stringify(s);
    for (const v of [...PERSONAL, 'Failed query', 'params', 'duplicate key', 'Key (']) expect(json).not.toContain(v);
    // PGlite names the fields constraint/table/column.
    expect(errorSummary({ code: '22021', table: 'contacts', column: 'summary', message: `invalid byte sequence ${NAME}` })).toEqual({
      name: 'object',
      code: '22021',
      table: 'contacts',
      column: 'summary',
    });
  });

  it('keeps the message of engine errors and of the host’s own LoggableError, never of others', () => {
    expect(errorSummary(new TypeError("Cannot read properties of undefined (reading 'id')")).message).toMatch(/reading 'id'/);
    expect(errorSummary(new LoggableError('Plugin "x" init failed', { cause: new Error(PHONE) }))).toMatchObject({
      message: 'Plugin "x" init failed',
      causes: ['Error'],
    });
    expect(errorSummary(new Error(`[DecimalError] Invalid argument: ${PHONE}`)).message).toBeUndefined();
    expect(errorSummary(new SyntaxError(`Unexpected token, "${PHONE}" is not valid JSON`)).message).toBeUndefined();
    expect(errorSummary(`a string ${PHONE}`)).toEqual({ name: 'string' });
  });

  it('a plugin whose init fails stops the boot naming the plugin; its message reaches no log', async () => {
    const log: string[] = [];
    const failing = definePlugin({
      ...leakyPlugin,
      code: 'leakyinit',
      line: 'LEAKYINIT',
      rules: [],
      seed: undefined,
      async init() {
        throw new Error(`${LEAK} ${PHONE}`);
      },
    });
    const boot = createTestHost({ customers: 0, plugins: [failing], env: { LOG_LEVEL: 'info' }, logLines: log });
    const error = await boot.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(LoggableError);
    expect((error as Error).message).toBe('Plugin "leakyinit" init failed');
    // main.ts logs the boot failure as { err } too: what it writes is this summary.
    expect(JSON.stringify(errorSummary(error))).not.toContain(LEAK);
    const line = log.map((l) => JSON.parse(l)).find((l) => l.msg === 'plugin init failed');
    expect(line).toMatchObject({ plugin: 'leakyinit', err: { name: 'Error' } });
    expect(log.join('\n')).not.toContain(LEAK);
    expect(log.join('\n')).not.toContain(PHONE);
  }, 60_000);
});
