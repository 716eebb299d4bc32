import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../../src/graphql/relay/global-id.js';
import { expireDuePoints } from '../../src/points/expire.js';
import { testDrivers } from '../support/databases.js';
import { createTestHost, type TestHost } from '../support/test-host.js';
import { countRows, findCandidate, nonFxLines, orderInput, PLACE, productsWhere } from '../orders/support.js';

const key = () => `pts-${randomUUID()}`;
const DAY = 86_400_000;
const MULTIPLIER: Record<string, number> = { STANDARD: 1, GOLD: 1.2, PLATINUM: 1.5, DIAMOND: 2, PRIVATE_BANKING: 3 };
const PER_100: Record<string, number> = { FUNDS: 1, INSURANCE: 2, GOLD: 1, CARDS: 0 };

const POINTS = `query($id: ID!) { node(id: $id) { ... on Customer { tier points { balance expiringSoon expiringWithinDays ledger(first: 50) { edges { node { id kind points line item reason expiresAt order { id } } } } } } } }`;
const REDEEM = `mutation($i: RedeemPointsInput!) { redeemPoints(input: $i) { id kind points item customer { points { balance } } } }`;
const ADJUST = `mutation($i: AdjustPointsInput!) { adjustPoints(input: $i) { ... on PointsEntry { id kind points reason expiresAt } } }`;

// 客户积分 on both drivers: earned in the order's transaction, taken back on a cooling-off cancel, adjusted by head
// office, redeemed idempotently without overdrawing, lapsing first-in first-out; who may do what.
describe.each(testDrivers())('customer points (%s)', (driver) => {
  let t: TestHost;
  const code = (r: any) => r.errors?.[0]?.extensions?.code;
  const db = () => t.host.runtime.database.db;
  const ledgerLines = (customer: number) => countRows(t, sql`select count(*) as n from points_ledger where customer_id = ${customer}`);
  const pointsOf = async (id: string, as: object = { role: 'HEAD_OFFICE' }) => {
    const r = await t.gql(POINTS, { id }, { as: as as never });
    expect(r.errors).toBeUndefined();
    return r.data.node;
  };
  /** A customer of the seed with no points yet, by key. */
  const freshCustomer = async (offset: number) => {
    const n = await countRows(
      t,
      sql`select id as n from customers c where not exists (select 1 from points_ledger l where l.customer_id = c.id) order by id offset ${offset} limit 1`,
    );
    return { key: n, id: toGlobalId('Customer', n) };
  };
  const grant = async (customerId: string, points: number) => {
    const r = await t.gql(ADJUST, { i: { customerId, points, reason: '投诉补偿' } });
    expect(r.errors).toBeUndefined();
    return r.data.adjustPoints;
  };

  beforeAll(async () => {
    t = await createTestHost({ driver, customers: 80, plugins: nonFxLines });
  }, 180_000);
  afterAll(() => t?.close());

  it('the demo bank shows points: earned by the seeded positions, lapsed, redeemed and granted', async () => {
    const kinds = (await db().execute(sql`select kind, count(*)::int as n from points_ledger group by kind order by kind`)) as any;
    const byKind = Object.fromEntries((kinds.rows ?? kinds).map((r: any) => [r.kind, Number(r.n)]));
    expect(Object.keys(byKind).sort()).toEqual(['ADJUSTED', 'EARNED', 'EXPIRED', 'REDEEMED']);
    // Every customer with a seeded position in a line that earns has earned.
    expect(
      await countRows(
        t,
        sql`select count(*) as n from holdings h join products p on p.id = h.product_id where p.line in ('FUNDS', 'INSURANCE', 'GOLD') and h.cost_amount >= 100
      and not exists (select 1 from points_ledger l where l.customer_id = h.customer_id and l.kind = 'EARNED')`,
      ),
    ).toBe(0);
    expect(await countRows(t, sql`select count(*) as n from (select customer_id from points_ledger group by customer_id having sum(points) < 0) x`)).toBe(0);
  });

  it('a purchase earns ⌊CNY ÷ 100 × line rate × tier multiplier⌋ in its own transaction, lapsing after the validity', async () => {
    const immediate = await productsWhere(t, (p) => p.coolingOffHours === 0 && p.unitPrice !== null && (PER_100[p.line] ?? 0) > 0);
    const c = await findCandidate(t, immediate, (d) => d.outcome === 'ALLOW' || d.outcome === 'WARN');
    const before = await pointsOf(c.customerId);
    const amount = String(Math.max(Number(c.amount), 12_345));
    const res = await t.gql(PLACE, { input: orderInput(c, key(), { amount }) });
    expect(res.errors).toBeUndefined();
    const booked = Number(res.data.placeOrder.amount.amount);
    const after = await pointsOf(c.customerId);
    const earned = after.points.ledger.edges.map((e: any) => e.node).find((e: any) => e.kind === 'EARNED' && e.order?.id === res.data.placeOrder.id);
    expect(earned).toBeDefined();
    expect(earned.points).toBe(Math.floor((booked / 100) * PER_100[c.product.line]! * MULTIPLIER[before.tier]! + 1e-9));
    expect(earned.line).toBe(c.product.line);
    expect(Math.abs(new Date(earned.expiresAt).getTime() - Date.now() - 730 * DAY)).toBeLessThan(120_000);
    expect(after.points.balance).toBe(before.points.balance + earned.points);
  });

  it('a cancel in the cooling-off period takes the points back', async () => {
    const cooling = await productsWhere(t, (p) => p.coolingOffHours > 0 && (PER_100[p.line] ?? 0) > 0);
    const c = await findCandidate(t, cooling, (d) => d.outcome !== 'BLOCK');
    const before = (await pointsOf(c.customerId)).points.balance;
    const res = await t.gql(PLACE, { input: orderInput(c, key()) });
    expect(res.errors).toBeUndefined();
    const orderId = res.data.placeOrder.id;
    const earnedBalance = (await pointsOf(c.customerId)).points.balance;
    expect(earnedBalance).toBeGreaterThan(before);
    const cancel = await t.gql(`mutation($id: ID!) { cancelOrder(orderId: $id, reason: "客户冷静期内撤单") { status } }`, { id: orderId });
    expect(cancel.errors).toBeUndefined();
    const after = await pointsOf(c.customerId);
    expect(after.points.balance).toBe(before);
    const lines = after.points.ledger.edges.map((e: any) => e.node).filter((e: any) => e.order?.id === orderId);
    expect(lines.map((e: any) => e.kind).sort()).toEqual(['EARNED', 'REVERSED']);
    expect(lines[0].points + lines[1].points).toBe(0);
  });

  it('head office adjusts with a reason; bad figures and overdrafts are refused before anything is written; others may not adjust', async () => {
    const x = await freshCustomer(0);
    const granted = await grant(x.id, 1_000);
    expect(granted).toMatchObject({ kind: 'ADJUSTED', points: 1_000, reason: '投诉补偿' });
    expect(granted.expiresAt).not.toBeNull();
    expect((await pointsOf(x.id)).points.balance).toBe(1_000);
    for (const points of [0, 1_000_001, -1_000_001]) {
      const r = await t.gql(ADJUST, { i: { customerId: x.id, points, reason: 'x' } });
      expect(code(r)).toBe('BAD_USER_INPUT');
      expect(r.errors![0].extensions!.field).toBe('points');
    }
    const noReason = await t.gql(ADJUST, { i: { customerId: x.id, points: 5, reason: '  ' } });
    expect(noReason.errors![0].extensions!.field).toBe('reason');
    const overdraft = await t.gql(ADJUST, { i: { customerId: x.id, points: -1_001, reason: '更正' } }, { lang: 'en' });
    expect(overdraft.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INSUFFICIENT_POINTS', balance: 1_000 });
    expect(await ledgerLines(x.key)).toBe(1);
    const deducted = await t.gql(ADJUST, { i: { customerId: x.id, points: -400, reason: '更正' } });
    expect(deducted.data.adjustPoints).toMatchObject({ points: -400, expiresAt: null });
    for (const as of [
      { role: 'RELATIONSHIP_MANAGER', managerId: 1 },
      { role: 'BRANCH_MANAGER', branchId: 1 },
      { role: 'AUDITOR' },
      { role: 'PARTNER', partnerCode: 'funds' },
    ]) {
      expect(code(await t.gql(ADJUST, { i: { customerId: x.id, points: 5, reason: 'x' } }, { as: as as never }))).toBe('FORBIDDEN');
    }
    expect(await ledgerLines(x.key)).toBe(2);
    const audit = await countRows(
      t,
      sql`select count(*) as n from audit_events where action = 'POINTS_ADJUSTED' and target_id = ${String(x.key)} and details::text not like '%投诉补偿%'`,
    );
    expect(audit).toBe(2);
  });

  it('redeems a catalogue item idempotently, never beyond the balance', async () => {
    const x = await freshCustomer(1);
    await grant(x.id, 500);
    const k = key();
    const first = await t.gql(REDEEM, { i: { customerId: x.id, item: 'TRANSFER_FEE_WAIVER', idempotencyKey: k } });
    expect(first.errors).toBeUndefined();
    expect(first.data.redeemPoints).toMatchObject({ kind: 'REDEEMED', points: -200, item: 'TRANSFER_FEE_WAIVER', customer: { points: { balance: 300 } } });
    const replay = await t.gql(REDEEM, { i: { customerId: x.id, item: 'TRANSFER_FEE_WAIVER', idempotencyKey: k } });
    expect(replay.data.redeemPoints.id).toBe(first.data.redeemPoints.id);
    expect(replay.data.redeemPoints.customer.points.balance).toBe(300);
    expect(code(await t.gql(REDEEM, { i: { customerId: x.id, item: 'AIRPORT_LOUNGE', idempotencyKey: k } }))).toBe('CONFLICT');
    const unknown = await t.gql(REDEEM, { i: { customerId: x.id, item: 'NO_SUCH_ITEM', idempotencyKey: key() } });
    expect(unknown.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'item' });
    const tooMuch = await t.gql(REDEEM, { i: { customerId: x.id, item: 'CARD_ANNUAL_FEE_WAIVER', idempotencyKey: key() } }, { lang: 'en' });
    expect(tooMuch.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INSUFFICIENT_POINTS', balance: 300, cost: 2_000 });
    expect(tooMuch.errors![0].message).toContain('Not enough points');
    expect(await ledgerLines(x.key)).toBe(2);
    const catalogue = await t.gql(`{ pointsRedemptionCatalogue { code label points } }`, {}, { lang: 'en' });
    expect(catalogue.data.pointsRedemptionCatalogue[0]).toEqual({ code: 'TRANSFER_FEE_WAIVER', label: 'One interbank transfer fee waived', points: 200 });
  });

  it('lapses first in, first out: spent points come out of the oldest; the job books the lapse once', async () => {
    const x = await freshCustomer(2);
    const now = Date.now();
    const line = (kind: string, points: number, expiresAt: Date | null) =>
      db().execute(
        sql`insert into points_ledger (customer_id, kind, points, expires_at, actor, at) values (${x.key}, ${kind}, ${points}, ${expiresAt ? expiresAt.toISOString() : null}::timestamptz, 'test', now())`,
      );
    await line('ADJUSTED', 500, new Date(now - DAY));
    await line('ADJUSTED', 300, new Date(now + 10 * DAY));
    await line('ADJUSTED', 400, new Date(now + 400 * DAY));
    await line('REDEEMED', -200, null);
    // 500 lapsed yesterday, of which 200 were spent: 300 lapse; the 300 lapsing in ten days are "soon" (60 days).
    expect((await pointsOf(x.id)).points).toMatchObject({ balance: 700, expiringSoon: 300, expiringWithinDays: 60 });
    const run = await expireDuePoints(db(), new Date());
    expect(run.points).toBeGreaterThanOrEqual(300);
    const lapsed = await countRows(t, sql`select coalesce(sum(points), 0)::int as n from points_ledger where customer_id = ${x.key} and kind = 'EXPIRED'`);
    expect(lapsed).toBe(-300);
    expect((await pointsOf(x.id)).points).toMatchObject({ balance: 700, expiringSoon: 300 });
    const again = await expireDuePoints(db(), new Date());
    expect(again.points).toBe(0);
    // A redemption books a lapse the job has not reached yet, before it spends.
    await line('ADJUSTED', 100, new Date(Date.now() - 1_000));
    const r = await t.gql(REDEEM, { i: { customerId: x.id, item: 'TRANSFER_FEE_WAIVER', idempotencyKey: key() } });
    expect(r.data.redeemPoints.customer.points.balance).toBe(500);
    expect(await countRows(t, sql`select coalesce(sum(points), 0)::int as n from points_ledger where customer_id = ${x.key} and kind = 'EXPIRED'`)).toBe(-400);
  });

  it('is append-only: the database refuses to change or remove a line', async () => {
    await expect(db().execute(sql`update points_ledger set points = points + 1`)).rejects.toThrow();
    await expect(db().execute(sql`delete from points_ledger`)).rejects.toThrow();
  });

  it('shows and spends points only where the caller may see the customer', async () => {
    const rows = (await db()
      .execute(sql`select c.id, c.manager_id, c.branch_id, (select id from managers m where m.id <> c.manager_id order by id limit 1) as other_manager,
      (select id from branches b where b.id <> c.branch_id order by id limit 1) as other_branch from customers c where c.manager_id is not null order by id limit 1`)) as any;
    const row = (rows.rows ?? rows)[0];
    const id = toGlobalId('Customer', Number(row.id));
    await grant(id, 300);
    const own = { role: 'RELATIONSHIP_MANAGER', managerId: Number(row.manager_id) };
    expect((await pointsOf(id, own)).points.balance).toBeGreaterThanOrEqual(300);
    expect((await pointsOf(id, { role: 'BRANCH_MANAGER', branchId: Number(row.branch_id) })).points.balance).toBeGreaterThanOrEqual(300);
    expect((await pointsOf(id, { role: 'AUDITOR' })).points.balance).toBeGreaterThanOrEqual(300);
    expect((await t.gql(POINTS, { id }, { as: { role: 'RELATIONSHIP_MANAGER', managerId: Number(row.other_manager) } })).data.node).toBeNull();
    expect((await t.gql(POINTS, { id }, { as: { role: 'BRANCH_MANAGER', branchId: Number(row.other_branch) } })).data.node).toBeNull();
    const redeem = (as: object) => t.gql(REDEEM, { i: { customerId: id, item: 'TRANSFER_FEE_WAIVER', idempotencyKey: key() } }, { as: as as never });
    expect(code(await redeem({ role: 'RELATIONSHIP_MANAGER', managerId: Number(row.other_manager) }))).toBe('NOT_FOUND');
    expect(code(await redeem({ role: 'BRANCH_MANAGER', branchId: Number(row.other_branch) }))).toBe('NOT_FOUND');
    expect(code(await redeem({ role: 'AUDITOR' }))).toBe('FORBIDDEN');
    expect(code(await redeem({ role: 'PARTNER', partnerCode: 'funds' }))).toBe('FORBIDDEN');
    expect((await redeem(own)).errors).toBeUndefined();
  });

  it.runIf(driver === 'postgres')('simultaneous redemptions never overdraw (PostgreSQL)', async () => {
    const x = await freshCustomer(3);
    await grant(x.id, 500);
    const results = await Promise.all(
      Array.from({ length: 6 }, () => t.gql(REDEEM, { i: { customerId: x.id, item: 'TRANSFER_FEE_WAIVER', idempotencyKey: key() } })),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(2);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.reason === 'INSUFFICIENT_POINTS')).toHaveLength(4);
    expect((await pointsOf(x.id)).points.balance).toBe(100);
  });
});
