import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../src/auth/principal.js';
import { signDevelopmentToken } from '../../src/auth/tokens.js';
import { DEVELOPMENT_JWT_SECRET } from '../../src/config/config.js';
import { resultRows } from '../../src/db/result-rows.js';
import { freePort, spawnServer, type SpawnedServer } from '../posture/spawned-server.js';
import { freshDatabase } from '../support/databases.js';
import { redisReachable } from '../support/redis.js';

/**
 * Two API nodes — two real `node --import tsx src/main.ts` processes, as an operator runs them — on one
 * PostgreSQL database and one Redis: a setting changed through one decides the other's next decision (LISTEN/
 * NOTIFY), one idempotency key sent to both at once makes one order (the database's unique key), and a
 * caller's request budget is one budget (Redis). Separate processes rather than two hosts in this process:
 * nothing in memory can be shared by accident, and a boot costs about as much either way (A seeds 10
 * customers; B finds the bank and only migrates).
 */

const base = process.env.TEST_DATABASE_URL;
const REDIS_URL = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PER_MINUTE = 200;

const redis = base ? await redisReachable(REDIS_URL) : false;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const OK = new Set(['ALLOW', 'WARN']);
const LISTENING = 'finmart is listening; GraphiQL at the url';

describe.skipIf(!base)('two API nodes on one database', () => {
  // Callers are named per run: the Redis counters are keyed by caller, so a run never meets another's counts.
  const run = randomBytes(4).toString('hex');
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  let a: SpawnedServer;
  let b: SpawnedServer;
  const tokens = new Map<string, string>();

  async function gql(node: SpawnedServer, as: Principal, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
    let token = tokens.get(as.subject);
    if (!token)
      tokens.set(as.subject, (token = await signDevelopmentToken(as, { secret: DEVELOPMENT_JWT_SECRET, issuer: 'finmart', audience: 'finmart-api' })));
    const res = await fetch(`http://127.0.0.1:${node.port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, headers: res.headers, ...((await res.json()) as { data?: any; errors?: { message: string; extensions?: any }[] }) };
  }
  const rows = async <T>(q: ReturnType<typeof sql>) => resultRows<T>(await fresh.database.db.execute(q));
  const who = (name: string, extra: Partial<Principal> = {}): Principal => ({ role: 'HEAD_OFFICE', subject: `scale-${name}-${run}`, ...extra });

  beforeAll(async () => {
    fresh = await freshDatabase('postgres');
    const env = {
      DATABASE_URL: fresh.url!,
      ...(fresh.directUrl ? { DATABASE_DIRECT_URL: fresh.directUrl } : {}),
      ...(fresh.pooler ? { DATABASE_POOLER: fresh.pooler } : {}),
      ...(redis ? { REDIS_URL } : {}),
      RATE_LIMIT_PER_MINUTE: String(PER_MINUTE),
      // Requests in flight are limited per node by design; this test fires bursts at both.
      RATE_LIMIT_CONCURRENCY: '1000',
      DEMO_CUSTOMERS: '10',
      LOG_LEVEL: 'info',
      NODE_ENV: 'development',
    };
    // One after the other: A migrates and seeds the empty database, B finds the bank.
    a = spawnServer(process.execPath, ['--import', 'tsx', 'src/main.ts'], { ...env, SEED_ON_EMPTY: 'true' }, await freePort());
    await a.waitForLog(LISTENING, 90_000);
    b = spawnServer(process.execPath, ['--import', 'tsx', 'src/main.ts'], { ...env, SEED_ON_EMPTY: 'false' }, await freePort());
    await b.waitForLog(LISTENING, 90_000);
  }, 180_000);

  afterAll(async () => {
    for (const node of [a, b]) {
      if (!node || node.child.exitCode !== null || node.child.signalCode !== null) continue;
      node.child.kill('SIGTERM');
      const stopped = await Promise.race([node.exited.then(() => true), sleep(10_000).then(() => false)]);
      if (!stopped) node.child.kill('SIGKILL');
    }
    await fresh?.drop();
  }, 30_000);

  it('one idempotency key sent to both nodes at the same moment makes one order', async () => {
    const staff = who('orders');
    // A customer × fund the rules let through at its minimum.
    const funds = await gql(a, staff, `{ products(first: 50, filter: { status: ON_SALE, line: FUNDS }) { edges { node { id minimumAmount { amount } } } } }`);
    let pair: { customerId: string; productId: string; amount: string; steps: string[] } | undefined;
    for (const { node: p } of funds.data.products.edges) {
      const amount = Number(p.minimumAmount.amount) > 0 ? p.minimumAmount.amount : '1000';
      const r = await gql(
        a,
        staff,
        `query($p: ID!, $a: Decimal) { customers(first: 10) { edges { node { id suitability(productId: $p, amount: $a, channel: COUNTER, initiator: CUSTOMER) { outcome requiredSteps } } } } }`,
        { p: p.id, a: amount },
      );
      const fit = r.data.customers.edges.find((e: any) => e.node.suitability.outcome !== 'BLOCK');
      if (fit) {
        pair = { customerId: fit.node.id, productId: p.id, amount, steps: fit.node.suitability.requiredSteps };
        break;
      }
    }
    expect(pair).toBeDefined();
    const placer = who('placer');
    const keys = [0, 1, 2, 3].map((i) => `scale-${run}-${i}`);
    const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { __typename ... on Order { id } } }`;
    const input = (key: string) => ({
      customerId: pair!.customerId,
      productId: pair!.productId,
      amount: pair!.amount,
      channel: 'COUNTER',
      initiator: 'CUSTOMER',
      completedSteps: pair!.steps,
      idempotencyKey: key,
    });
    // Every key to both nodes in the same instant.
    const answers = await Promise.all(keys.map((key) => Promise.all([a, b].map((node) => gql(node, placer, PLACE, { input: input(key) })))));
    console.log(
      `same key on both nodes: ${answers.map((p) => p.map((r) => r.data?.placeOrder?.__typename ?? r.errors?.[0]?.extensions?.code).join('+')).join(', ')}`,
    );
    for (const pairOfAnswers of answers) {
      const ids = pairOfAnswers.map((r) => r.data?.placeOrder?.id).filter(Boolean);
      // One order per key: both nodes answer with it (the second replays the first), or the second says the first is
      // still in progress (CONFLICT) — never a second order.
      expect(ids.length).toBeGreaterThanOrEqual(1);
      expect(new Set(ids).size).toBe(1);
      for (const r of pairOfAnswers) if (!r.data?.placeOrder) expect(r.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    }
    const actor = `HEAD_OFFICE:${placer.subject}`;
    const [orders] = await rows<{ n: number }>(sql`select count(*)::int as n from orders where placed_by = ${actor}`);
    expect(orders!.n).toBe(keys.length);
    const [claimed] = await rows<{ n: number }>(sql`select count(*)::int as n from idempotency_keys where principal = ${actor}`);
    expect(claimed!.n).toBe(keys.length);
  });

  it("a setting changed through node A decides node B's next checkSuitability, and decision records on both cite its version", async () => {
    const maker = who('maker');
    const checker = who('checker', { checker: true });
    const key = 'core.riskAssessmentValidityDays';
    // Preview on A: the report names a customer × product the change moves.
    const started = await gql(a, maker, `mutation($i: PreviewRuleChangeInput!) { previewRuleChange(input: $i) { id } }`, {
      i: { settings: [{ key, value: 1 }] },
    });
    expect(started.errors).toBeUndefined();
    const reportId = started.data.previewRuleChange.id;
    let report: any;
    for (let i = 0; i < 200; i++) {
      report = (await gql(a, maker, `query($id: ID!) { node(id: $id) { ... on ImpactReport { status settingsVersion } } }`, { id: reportId })).data.node;
      if (report.status !== 'RUNNING') break;
      await sleep(50);
    }
    expect(report).toMatchObject({ status: 'DONE', settingsVersion: 0 });
    const entries = await gql(
      a,
      maker,
      `query($id: ID!) { node(id: $id) { ... on ImpactReport { entries(first: 100) { edges { node { customerId productId direction before after } } } } } }`,
      { id: reportId },
    );
    const moved = entries.data.node.entries.edges.map((e: any) => e.node).find((e: any) => e.direction === 'LOSES');
    expect(moved).toBeDefined();
    // As the report judged it: a manager at the counter, no amount.
    const staff = who('counter');
    const CHECK = `query($i: SuitabilityInput!) { checkSuitability(input: $i) { outcome } }`;
    const check = async (node: SpawnedServer) =>
      (await gql(node, staff, CHECK, { i: { customerId: moved.customerId, productId: moved.productId, channel: 'COUNTER', initiator: 'STAFF' } })).data
        .checkSuitability.outcome;
    expect(OK.has(moved.before)).toBe(true);
    expect(await check(b)).toBe(moved.before);

    // Through A: the demo bank holds a setting change for a second person; approved on A, A applies it.
    const CHANGE = `mutation($i: ChangeSettingInput!) { changeSetting(input: $i) { __typename ... on Approval { id } ... on SettingChange { version } } }`;
    const change = await gql(a, maker, CHANGE, { i: { key, value: 1, reason: '两节点测试 / two-node test', impactReportId: reportId } });
    expect(change.errors).toBeUndefined();
    const sent = Date.now();
    if (change.data.changeSetting.__typename === 'Approval') {
      const approved = await gql(a, checker, `mutation($id: ID!) { approve(id: $id) { status } }`, { id: change.data.changeSetting.id });
      expect(approved.data?.approve).toEqual({ status: 'APPROVED' });
    }
    const applied = Date.now();

    // B: its next decisions, until the notification has been heard (within 2 s).
    let seenAt: number | undefined;
    while (Date.now() - applied < 2000) {
      if ((await check(b)) === moved.after) {
        seenAt = Date.now();
        break;
      }
      await sleep(10);
    }
    expect(seenAt, "node B never decided under node A's change").toBeDefined();
    // A served its own change at once.
    expect(await check(a)).toBe(moved.after);
    const [{ version }] = (await rows<{ version: number }>(sql`select count(*)::int as version from setting_changes`)) as [{ version: number }];
    expect(version).toBe(1);
    const reloaded = b.lines.find((l) => l.msg === 'settings reloaded' && l.version === version);
    expect(reloaded).toMatchObject({ reason: 'notify', changed: [key] });
    console.log(
      `NOTIFY → node B: reloaded ${Number(reloaded!.time) - applied} ms after node A's answer (${reloaded!.ms} ms to reload), decided under it ${seenAt! - applied} ms after; ` +
        `${applied - sent} ms from the maker's request to the checker's answer`,
    );

    // What an operator compares: every node reports the version in force.
    const scrape = async (node: SpawnedServer) => (await fetch(`http://127.0.0.1:${node.port}/metrics`)).text();
    for (const node of [a, b]) expect(await scrape(node)).toMatch(new RegExp(`^finmart_settings_version ${version}$`, 'm'));
    expect(await scrape(b)).toMatch(/^finmart_settings_reloads_total\{reason="notify"\} [1-9]/m);

    // The decision records of an order attempt on each node cite the new version.
    const product = (await gql(a, staff, `query($id: ID!) { node(id: $id) { ... on Product { minimumAmount { amount } } } }`, { id: moved.productId })).data
      .node;
    for (const [name, node] of [
      ['a', a],
      ['b', b],
    ] as const) {
      const requestId = `scale-${run}-decision-${name}`;
      await gql(
        node,
        staff,
        `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { __typename } }`,
        {
          input: {
            customerId: moved.customerId,
            productId: moved.productId,
            amount: Number(product.minimumAmount.amount) > 0 ? product.minimumAmount.amount : '1000',
            channel: 'COUNTER',
            initiator: 'STAFF',
            idempotencyKey: requestId,
          },
        },
        { 'x-request-id': requestId },
      );
      const records = await rows<{ settings_version: number }>(sql`select settings_version from suitability_decisions where request_id = ${requestId}`);
      expect(records.map((r) => r.settings_version)).toEqual([version]);
    }
  });

  it.skipIf(!redis)("a caller's request budget is one budget across the nodes (Redis)", async () => {
    // Counted in fixed one-minute windows: start in a fresh one if this one is about to end.
    const left = 60_000 - (Date.now() % 60_000);
    if (left < 10_000) await sleep(left + 100);
    const caller = who('budget');
    const ping = (node: SpawnedServer, as = caller) => gql(node, as, '{ __typename }');
    for (let i = 0; i < PER_MINUTE; i++) expect((await ping(a)).status).toBe(200);
    const refused = await ping(b);
    expect(refused.status).toBe(429);
    expect(refused.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another caller has a budget of its own, on either node.
    expect((await ping(b, who('other'))).status).toBe(200);
  });
});
