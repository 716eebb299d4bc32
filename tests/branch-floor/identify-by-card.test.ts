import { createHmac, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCardNumber } from '../../plugins/cards/card-numbers.js';
import { DEVELOPMENT_CARD_NUMBER_KEY } from '../../src/config/config.js';
import { cancelCardNumbers, luhnCheckDigit, luhnValid, recordCardNumbers } from '../../src/domain/branch-floor/card-number.js';
import { toGlobalId } from '../../src/graphql/relay/global-id.js';
import { countRows, findCandidate, nonFxLines, orderInput, PLACE, productsWhere } from '../orders/support.js';
import { testDrivers } from '../support/databases.js';
import { createTestHost, type TestHost } from '../support/test-host.js';

const IDENTIFY = `mutation($i: IdentifyCustomerInput!) { identifyCustomer(input: $i) { identified message customerId name tier } }`;
const hash = (pan: string) => createHmac('sha256', DEVELOPMENT_CARD_NUMBER_KEY).update(pan).digest('hex');

// 网点客户识别 by the bank card presented: card numbers are kept only as a keyed hash and the last four digits,
// recorded when a card is issued (the demo's cards and every card order), forgotten when the order is cancelled.
describe.each(testDrivers())('customer identification by card number (%s)', (driver) => {
  let t: TestHost;
  let holder: { customerId: number; branchId: number; pan: string };
  let staff: { role: 'RELATIONSHIP_MANAGER'; managerId: number };
  const code = (r: any) => r.errors?.[0]?.extensions;
  const rows = async (q: ReturnType<typeof sql>) => {
    const r = (await t.host.runtime.database.db.execute(q)) as any;
    return (r.rows ?? r) as any[];
  };

  beforeAll(async () => {
    t = await createTestHost({ driver, customers: 60, plugins: nonFxLines });
    // A demo card: rebuild its number from the demo formula and find it by its hash.
    const known = new Set((await rows(sql`select pan_hash from customer_cards`)).map((r) => r.pan_hash as string));
    const bins = (await rows(sql`select distinct bin from cards_details where bin is not null`)).map((r) => r.bin as string);
    const owners = await rows(
      sql`select distinct cc.customer_id, c.branch_id from customer_cards cc join customers c on c.id = cc.customer_id order by 1 limit 5`,
    );
    for (const o of owners) {
      for (const bin of bins) {
        for (let n = 1; n <= 6 && !holder; n++) {
          const pan = demoCardNumber(bin, Number(o.customer_id), n);
          if (known.has(hash(pan))) holder = { customerId: Number(o.customer_id), branchId: Number(o.branch_id), pan };
        }
      }
      if (holder) break;
    }
    expect(holder).toBeDefined();
    const [m] = await rows(sql`select id from managers where branch_id = ${holder.branchId} order by id limit 1`);
    staff = { role: 'RELATIONSHIP_MANAGER', managerId: Number(m.id) };
  }, 180_000);
  afterAll(() => t?.close());

  const identify = (i: Record<string, unknown>) => t.gql(IDENTIFY, { i: { branchId: toGlobalId('Branch', holder.branchId), ...i } }, { as: staff, lang: 'en' });

  it('identifies the holder of a card the bank issued, as written or with spaces; the trail says how, never the number', async () => {
    const spaced = holder.pan.replace(/(\d{4})(?=\d)/g, '$1 ');
    for (const cardNumber of [holder.pan, spaced]) {
      const r = await identify({ cardNumber });
      expect(r.errors).toBeUndefined();
      expect(r.data.identifyCustomer).toMatchObject({ identified: true, customerId: toGlobalId('Customer', holder.customerId) });
    }
    const audit = await rows(
      sql`select details::text as d from audit_events where action = 'CUSTOMER_IDENTIFIED' and target_id = ${toGlobalId('Customer', holder.customerId)} order by id desc limit 1`,
    );
    expect(JSON.parse(audit[0].d)).toMatchObject({ identified: true, by: 'CARD' });
    expect(await countRows(t, sql`select count(*) as n from audit_events where details::text like ${'%' + holder.pan.slice(0, 10) + '%'}`)).toBe(0);
    // Stored: the keyed hash (not a plain digest of the number) and the last four digits.
    const stored = await rows(sql`select last4, pan_hash from customer_cards where pan_hash = ${hash(holder.pan)}`);
    expect(stored).toEqual([{ last4: holder.pan.slice(-4), pan_hash: hash(holder.pan) }]);
    expect(
      await countRows(
        t,
        sql`select count(*) as n from customer_cards where pan_hash = encode(sha256(convert_to(${holder.pan}, 'UTF8')), 'hex') or pan_hash like ${'%' + holder.pan + '%'}`,
      ),
    ).toBe(0);
  });

  it('an unknown card is "not a customer", like an unknown ID; a malformed one, or both or neither, is refused before any statement', async () => {
    const body = `${holder.pan.slice(0, 6)}999999999`;
    const unknown = await identify({ cardNumber: `${body}${luhnCheckDigit(body)}` });
    expect(unknown.data.identifyCustomer).toEqual({ identified: false, message: 'Not a customer of the bank', customerId: null, name: null, tier: null });
    const badCheck = `${holder.pan.slice(0, -1)}${(Number(holder.pan.slice(-1)) + 1) % 10}`;
    expect(luhnValid(badCheck)).toBe(false);
    for (const i of [
      { cardNumber: badCheck },
      { cardNumber: '1234' },
      { cardNumber: holder.pan, idType: 'RESIDENT_ID', idNumber: '110101199003071234' },
      {},
      { idType: 'RESIDENT_ID' },
    ]) {
      const r = await identify(i);
      expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(r.statements).toBeLessThanOrEqual(1);
    }
    expect(code(await identify({ cardNumber: badCheck }))).toMatchObject({ field: 'cardNumber' });
  });

  it('a card order issues a card; a cancelled card identifies nobody', async () => {
    const cards = await productsWhere(t, (p) => p.line === 'CARDS' && p.coolingOffHours > 0);
    const some = cards.length > 0 ? cards : await productsWhere(t, (p) => p.line === 'CARDS');
    const c = await findCandidate(t, some, (d) => d.outcome !== 'BLOCK');
    const before = await countRows(t, sql`select count(*) as n from customer_cards where customer_id = ${c.customerKey}`);
    const placed = await t.gql(PLACE, { input: orderInput(c, `card-${randomUUID()}`) });
    expect(placed.errors).toBeUndefined();
    const orderKey = Number(Buffer.from(placed.data.placeOrder.id, 'base64url').toString('utf8').split(':')[1]);
    expect(await countRows(t, sql`select count(*) as n from customer_cards where customer_id = ${c.customerKey}`)).toBe(before + 1);
    const [issued] = await rows(sql`select last4, cancelled_at from customer_cards where order_id = ${orderKey}`);
    expect(issued.last4).toMatch(/^\d{4}$/);
    expect(issued.cancelled_at).toBeNull();
    // Cancelled (cards have no cooling-off period, so the host's hook is driven directly): the card identifies nobody.
    const body = `${holder.pan.slice(0, 6)}77${String(c.customerKey).padStart(7, '0')}`;
    const pan = `${body}${luhnCheckDigit(body)}`;
    const db = t.host.runtime.database.db;
    await recordCardNumbers(db, [{ customerId: holder.customerId, pan, orderId: 2_000_000_000, issuedAt: new Date() }]);
    expect((await identify({ cardNumber: pan })).data.identifyCustomer.identified).toBe(true);
    await db.transaction((tx) => cancelCardNumbers(tx, 2_000_000_000, new Date()));
    expect((await identify({ cardNumber: pan })).data.identifyCustomer.identified).toBe(false);
  });
});
