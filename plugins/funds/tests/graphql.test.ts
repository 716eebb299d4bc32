import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FinmartError, type ProductRecord } from '../../../src/sdk/index.js';
import { FundProductResolver } from '../graphql/product.resolver.js';
import plugin from '../index.js';
import { database, requestContext, seedContext } from './support.js';

/** Core rows as the host would hand them to the resolver (only the fields the funds resolvers read). */
const record = (p: { id: number; unitPrice?: string | null; unitPriceAt?: Date | null; minimumAmount?: string; currency?: string }) =>
  ({ currency: 'CNY', minimumAmount: '0', unitPrice: null, unitPriceAt: null, ...p }) as unknown as ProductRecord;

type Page = {
  edges: { cursor: string; node: { date: string; nav: string } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null; startCursor: string | null };
  readonly totalCount: Promise<number> | number;
};

describe('FundProduct resolvers', () => {
  let env: Awaited<ReturnType<typeof database>>;
  let seeded: ReturnType<typeof seedContext>;
  const resolver = new FundProductResolver();
  const product = (code: string) => {
    const p = [...seeded.products.values()].find((x) => x.code === code)!;
    return record({ id: p.id, unitPrice: p.unitPrice ?? null, unitPriceAt: p.unitPriceAt ?? null, minimumAmount: p.minimumAmount });
  };
  const history = (p: ProductRecord, args: object, ctx = requestContext(env.db)) => resolver.navHistory(p, args, ctx) as unknown as Promise<Page>;

  beforeAll(async () => {
    env = await database();
    seeded = seedContext(env.db, {}, 50);
    await plugin.seed!(seeded.ctx);
  });
  afterAll(() => env.close());

  it('pages NAV history newest first, forwards and backwards, without gaps or overlaps', async () => {
    const fund = product('FUND-EFD-CSI300-A');
    const first = await history(fund, { first: 5 });
    const dates = first.edges.map((e) => e.node.date);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(await first.totalCount).toBe(120);
    expect(first.edges[0]!.node.nav).toBe(fund.unitPrice);

    const second = await history(fund, { first: 5, after: first.pageInfo.endCursor });
    expect(second.edges[0]!.node.date < dates.at(-1)!).toBe(true);
    expect(second.pageInfo.hasPreviousPage).toBe(true);

    const back = await history(fund, { last: 5, before: second.pageInfo.startCursor });
    expect(back.edges.map((e) => e.node.date)).toEqual(dates);
    expect(back.pageInfo.hasPreviousPage).toBe(false);

    let cursor: string | null = null;
    const seen: string[] = [];
    for (;;) {
      const page: Page = await history(fund, { first: 50, after: cursor });
      seen.push(...page.edges.map((e) => e.node.date));
      if (!page.pageInfo.hasNextPage) break;
      cursor = page.pageInfo.endCursor;
    }
    expect(seen.length).toBe(120);
    expect(new Set(seen).size).toBe(120);
  });

  it('uses the bank page-size limits and rejects foreign cursors', async () => {
    const fund = product('FUND-EFD-CSI300-A');
    expect((await history(fund, {})).edges.length).toBe(20);
    await expect(history(fund, { first: 101 })).rejects.toBeInstanceOf(FinmartError);
    const forged = Buffer.from('k:20261345', 'utf8').toString('base64url');
    await expect(history(fund, { first: 5, after: forged })).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('loads the history of a whole page of products in one statement, and their details in another', async () => {
    const funds = [...seeded.products.values()].map((p) => record({ id: p.id }));
    const ctx = requestContext(env.db);
    env.counter.statements = 0;
    const pages = await Promise.all(funds.map((f) => history(f, { first: 3 }, ctx)));
    expect(env.counter.statements).toBe(1);
    expect(pages.filter((p) => p.edges.length === 3).length).toBeGreaterThan(20);
    env.counter.statements = 0;
    const totals = await Promise.all(pages.map((p) => p.totalCount));
    expect(env.counter.statements).toBe(1);
    expect(totals.filter((n) => n === 120).length).toBe(pages.filter((p) => p.edges.length === 3).length);

    env.counter.statements = 0;
    const types = await Promise.all(funds.map((f) => resolver.fundType(f, ctx)));
    await Promise.all(funds.map((f) => resolver.sipMinimum(f, ctx)));
    expect(env.counter.statements).toBe(1);
    expect(types).toContain('QDII');
  });

  it('resolves the line fields from the core row and the details', async () => {
    const ctx = requestContext(env.db);
    const fund = product('FUND-HX-RETURN-A');
    expect(resolver.latestNav(fund)).toBe(fund.unitPrice);
    const newest = (await history(fund, { first: 1 })).edges[0]!.node.date;
    expect(resolver.navDate(fund)).toBe(newest);
    expect(resolver.subscriptionMinimum(fund)).toEqual({ amount: '100', currency: 'CNY' });
    expect(await resolver.sipMinimum(fund, ctx)).toEqual({ amount: '100', currency: 'CNY' });
    expect(await resolver.managementFeeRate(fund, ctx)).toBe('0.012');
    expect(await resolver.fundHouse(fund, ctx)).toBe('华夏基金');

    const wealth = product('WM-HR-FI90');
    expect(await resolver.isBankWealth(wealth, ctx)).toBe(true);
    expect(await resolver.issuerType(wealth, ctx)).toBe('BANK');
    expect(await resolver.sipMinimum(wealth, ctx)).toBeNull();

    const draft = product('FUND-GF-ADVMFG-A');
    expect(resolver.latestNav(draft)).toBeNull();
    expect(resolver.navDate(draft)).toBeNull();
    expect(await resolver.establishedOn(draft, ctx)).toBeNull();
    expect((await history(draft, {})).edges).toEqual([]);
  });

  it('reports a funds product without details instead of inventing them', async () => {
    await expect(resolver.fundType(record({ id: 99_999 }), requestContext(env.db))).rejects.toThrow(/no row for product 99999/);
  });
});
