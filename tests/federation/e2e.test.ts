import { execFile, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signDevelopmentToken } from '../../src/auth/tokens.js';
import { DEVELOPMENT_JWT_SECRET } from '../../src/config/config.js';
import { freePort, ROOT, spawnServer, type SpawnedServer } from '../posture/spawned-server.js';

/**
 * Federation end to end, with real processes: the host as a subgraph (embedded PGlite in a temporary DATA_DIR,
 * the demo bank, insurance served remotely), the insurer's own subgraph (partners/insurance-subgraph) and the
 * gateway (`src/cli/gateway.ts`, Apollo's gateway composing both). Through the gateway: a customer 360 that spans
 * both subgraphs, an insurance order judged by the insurer's rules, then the insurer killed mid-test — its
 * products BLOCK with RULE_ERROR while a fund still sells.
 */

const run = promisify(execFile);
const TSX = ['--import', 'tsx'];

interface Gql<T> {
  data?: T;
  errors?: { message: string; path?: unknown[]; extensions?: Record<string, unknown> }[];
}

interface Decision {
  outcome: string;
  missingSteps: string[];
  reasons: { code: string; outcome: string; source: string; ruleId: string }[];
}

const CHECK = /* GraphQL */ `
  query ($input: SuitabilityInput!) { checkSuitability(input: $input) { outcome missingSteps reasons { code outcome source ruleId } } }
`;
const PLACE = /* GraphQL */ `
  mutation ($input: PlaceOrderInput!) {
    placeOrder(input: $input) { __typename ... on Order { id status product { code ... on InsuranceProduct { insurer coverTermYears } } } }
  }
`;

describe('federation: host subgraph + insurer subgraph + gateway, as separate processes', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'finmart-federation-'));
  const children: SpawnedServer[] = [];
  let seeder: ChildProcess | undefined;
  let partner: SpawnedServer;
  let gatewayUrl = '';
  let subgraphs = '';
  let token = '';
  const timings: Record<string, number> = {};

  const gql = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<Gql<T>> => {
    const res = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'accept-language': 'en' },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as Gql<T>;
  };
  const check = async (input: Record<string, unknown>) => {
    const r = await gql<{ checkSuitability: Decision }>(CHECK, { input: { channel: 'ONLINE', initiator: 'CUSTOMER', ...input } });
    expect(r.errors).toBeUndefined();
    return r.data!.checkSuitability;
  };

  beforeAll(async () => {
    const t0 = Date.now();
    const [hostPort, partnerPort, gatewayPort] = [await freePort(), await freePort(), await freePort()];
    const partnerUrl = `http://127.0.0.1:${partnerPort}/graphql`;
    // The bank's demo catalogue (insurance included: the bank keeps listing the line it now sells remotely) and,
    // meanwhile, the insurer's own service.
    const seeding = run(process.execPath, [...TSX, 'src/cli/seed.ts'], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, DEMO_CUSTOMERS: '10', LOG_LEVEL: 'warn', NODE_ENV: 'development' },
    });
    seeder = seeding.child;
    partner = spawnServer(process.execPath, [...TSX, 'partners/insurance-subgraph/src/main.ts'], { LOG_LEVEL: 'info', NODE_ENV: 'development' }, partnerPort);
    children.push(partner);
    await Promise.all([seeding, partner.waitForLog('insurance subgraph listening')]);
    timings.seedAndPartner = Date.now() - t0;
    const host = spawnServer(
      process.execPath,
      [...TSX, 'src/main.ts'],
      {
        DATA_DIR: dataDir,
        LOG_LEVEL: 'info',
        NODE_ENV: 'development',
        FEDERATION_SUBGRAPH: 'true',
        // No PLUGINS: every installed line loads but insurance, which the insurer serves.
        REMOTE_LINES: `insurance=INSURANCE:InsuranceProduct/INSURANCE_AGENT@${partnerUrl}`,
        REMOTE_LINES_TIMEOUT_MS: '1000',
      },
      hostPort,
    );
    children.push(host);
    await host.waitForLog(/^finmart is listening/);
    timings.host = Date.now() - t0;
    const gateway = spawnServer(
      process.execPath,
      [...TSX, 'src/cli/gateway.ts'],
      {
        GATEWAY_SUBGRAPHS: (subgraphs = `finmart=http://127.0.0.1:${hostPort}/graphql,insurance=${partnerUrl}`),
        GATEWAY_PORT: String(gatewayPort),
        GATEWAY_HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        NODE_ENV: 'development',
      },
      gatewayPort,
    );
    children.push(gateway);
    await gateway.waitForLog('gateway listening');
    timings.gateway = Date.now() - t0;
    gatewayUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
    token = await signDevelopmentToken({ role: 'HEAD_OFFICE' }, { secret: DEVELOPMENT_JWT_SECRET, issuer: 'finmart', audience: 'finmart-api' });
  }, 120_000);

  afterAll(async () => {
    if (seeder && seeder.exitCode === null && seeder.signalCode === null) seeder.kill('SIGKILL');
    for (const c of children) if (c.child.exitCode === null && c.child.signalCode === null) c.child.kill('SIGKILL');
    await Promise.all(children.map((c) => c.exited));
    rmSync(dataDir, { recursive: true, force: true });
    console.info(`federation e2e timings (ms from start): ${JSON.stringify(timings)}`);
  });

  let customerId = '';
  let insuranceId = '';
  const insuranceTerms = { amount: '1000', details: { premiumMode: 'SINGLE' }, completedSteps: ['NEEDS_ANALYSIS'] };
  let fund: { id: string; amount: string } = { id: '', amount: '' };

  it('refuses a caller without a token at the gateway, and each subgraph refuses one on its own', async () => {
    const res = await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(res.status).toBe(401);
    const direct = await fetch(`http://127.0.0.1:${partner.port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ suitabilityContract { line } }' }),
    });
    expect(direct.status).toBe(401);
  });

  it('a customer 360 spans both subgraphs: the bank’s holdings and listing, the insurer’s own policy terms', async () => {
    const r = await gql<{
      customers: {
        edges: {
          node: {
            id: string;
            name: string;
            holdings: {
              edges: {
                node: {
                  product: {
                    __typename: string;
                    code: string;
                    name: string;
                    riskRating: string;
                    insurer?: string;
                    insuranceType?: string;
                    premiumModes?: string[];
                  };
                };
              }[];
            };
          };
        }[];
      };
    }>(`{
      customers(first: 10) { edges { node { id name holdings(first: 20) { edges { node { product {
        __typename code name riskRating
        ... on InsuranceProduct { insurer insuranceType premiumModes }
      } } } } } } }
    }`);
    expect(r.errors).toBeUndefined();
    const policies = r
      .data!.customers.edges.flatMap((c) => c.node.holdings.edges.map((h) => h.node.product))
      .filter((p) => p.__typename === 'InsuranceProduct');
    expect(policies.length).toBeGreaterThan(0);
    for (const p of policies) {
      // Host fields (the bank's catalogue) and partner fields (the insurer's terms) on one object.
      expect(p.code).toMatch(/^INS-/);
      expect(p.name.length).toBeGreaterThan(0);
      expect(p.riskRating).toMatch(/^R[1-5]$/);
      expect(p.insurer).toMatch(/^[a-z-]+$/);
      expect(['TRADITIONAL', 'PARTICIPATING', 'UNIVERSAL', 'INVESTMENT_LINKED', 'HEALTH', 'ACCIDENT', 'ANNUITY']).toContain(p.insuranceType);
      expect(p.premiumModes!.length).toBeGreaterThan(0);
    }
    // And the other way round: the insurer's query, with the bank's listing joined by the gateway.
    const byCode = await gql<{ insuranceProductByCode: { code: string; name: string; riskRating: string; coverTermYears: number; id: string } }>(
      `{ insuranceProductByCode(code: "INS-CP-ENDOW10") { code coverTermYears name riskRating id } }`,
    );
    expect(byCode.errors).toBeUndefined();
    expect(byCode.data!.insuranceProductByCode).toMatchObject({ code: 'INS-CP-ENDOW10', coverTermYears: 10, riskRating: 'R1', name: 'CPIC 10-Year Endowment' });
  });

  it('a gateway with trusted documents (enforce) plans a registered operation by its id and refuses anything else before planning', async () => {
    // The insurer's query with the bank's listing joined: a registered operation that spans both subgraphs.
    const byCode = `{ insuranceProductByCode(code: "INS-CP-ENDOW10") { code coverTermYears name riskRating } }`;
    const hex = createHash('sha256').update(byCode, 'utf8').digest('hex');
    const manifest = join(dataDir, 'persisted-documents.json');
    writeFileSync(manifest, JSON.stringify({ [`sha256:${hex}`]: byCode }));
    const port = await freePort();
    const locked = spawnServer(
      process.execPath,
      [...TSX, 'src/cli/gateway.ts'],
      {
        GATEWAY_SUBGRAPHS: subgraphs,
        GATEWAY_PORT: String(port),
        GATEWAY_HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        NODE_ENV: 'development',
        TRUSTED_DOCUMENTS: manifest,
      },
      port,
    );
    children.push(locked);
    await locked.waitForLog('gateway listening');
    const post = async (body: Record<string, unknown>) => {
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'accept-language': 'en' },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as Gql<{ insuranceProductByCode: Record<string, unknown> }> };
    };
    const ok = await post({ documentId: `sha256:${hex}` });
    expect(ok.status).toBe(200);
    expect(ok.body.data!.insuranceProductByCode).toEqual({ code: 'INS-CP-ENDOW10', coverTermYears: 10, name: 'CPIC 10-Year Endowment', riskRating: 'R1' });
    // The registered text itself runs too; any other text, or an unknown id, is refused with its code.
    expect((await post({ query: byCode })).status).toBe(200);
    const other = await post({ query: '{ customers(first: 1) { totalCount } }' });
    expect(other.status).toBe(400);
    expect(other.body.errors![0]).toMatchObject({ extensions: { code: 'OPERATION_NOT_TRUSTED' } });
    expect(other.body.errors![0]!.message).toContain('not registered');
    const unknown = await post({ documentId: `sha256:${'0'.repeat(64)}` });
    expect([unknown.status, unknown.body.errors![0]!.extensions!.code]).toEqual([400, 'PERSISTED_QUERY_NOT_FOUND']);
    // Refused requests are logged by their hash, never their text.
    await locked.waitForLog('operation refused: not a trusted document');
    expect(JSON.stringify(locked.lines)).not.toContain('totalCount');
  });

  it('an insurance order is judged by the insurer’s rules and accepted', async () => {
    const r = await gql<{ products: { edges: { node: { id: string; code: string } }[] }; customers: { edges: { node: { id: string } }[] } }>(
      `{ products(first: 50, filter: { line: INSURANCE }) { edges { node { id code } } } customers(first: 10) { edges { node { id } } } }`,
    );
    insuranceId = r.data!.products.edges.find((e) => e.node.code === 'INS-CP-ENDOW10')!.node.id;
    for (const { node } of r.data!.customers.edges) {
      const d = await check({ customerId: node.id, productId: insuranceId, ...insuranceTerms });
      if (d.outcome !== 'BLOCK' && d.missingSteps.length === 0) {
        customerId = node.id;
        // The insurer's rules answered (the needs analysis is done, the cooling-off warning stands), attributed to the line.
        expect(d.reasons.some((x) => x.source === 'insurance' && x.code.startsWith('INSURANCE_') && x.ruleId === 'core.remote-line')).toBe(true);
        break;
      }
    }
    expect(customerId).not.toBe('');
    // Without the needs analysis, the insurer's REQUIRE holds the order.
    const held = await gql(PLACE, {
      input: {
        customerId,
        productId: insuranceId,
        channel: 'ONLINE',
        initiator: 'CUSTOMER',
        idempotencyKey: `fed-e2e-held-${Date.now()}`,
        ...insuranceTerms,
        completedSteps: [],
      },
    });
    expect(held.errors?.[0]?.extensions).toMatchObject({ code: 'SUITABILITY_STEPS_REQUIRED', missingSteps: ['NEEDS_ANALYSIS'] });
    const placed = await gql<{ placeOrder: { __typename: string; status: string; product: { code: string; insurer: string; coverTermYears: number } } }>(
      PLACE,
      {
        input: { customerId, productId: insuranceId, channel: 'ONLINE', initiator: 'CUSTOMER', idempotencyKey: `fed-e2e-ins-${Date.now()}`, ...insuranceTerms },
      },
    );
    expect(placed.errors).toBeUndefined();
    expect(placed.data!.placeOrder).toMatchObject({ __typename: 'Order', product: { code: 'INS-CP-ENDOW10', insurer: 'cpic-life', coverTermYears: 10 } });

    // The fund the same customer will buy once the insurer is gone.
    const funds = await gql<{ customer: { eligibleProducts: { edges: { node: { id: string; minimumAmount: { amount: string } } }[] } } }>(
      `query ($id: ID!) { customer(id: $id) { eligibleProducts(first: 50, line: FUNDS, channel: ONLINE, initiator: CUSTOMER) { edges { node { id minimumAmount { amount } } } } } }`,
      { id: customerId },
    );
    for (const { node } of funds.data!.customer.eligibleProducts.edges) {
      const amount = Number(node.minimumAmount.amount) > 1000 ? node.minimumAmount.amount : '1000';
      const d = await check({ customerId, productId: node.id, amount });
      if (d.outcome !== 'BLOCK' && d.missingSteps.length === 0) {
        fund = { id: node.id, amount };
        break;
      }
    }
    expect(fund.id).not.toBe('');
  });

  it('the insurer killed mid-test: its products BLOCK with RULE_ERROR, the other lines keep selling', async () => {
    partner.child.kill('SIGKILL');
    await partner.exited;

    const ins = await check({ customerId, productId: insuranceId, ...insuranceTerms });
    expect(ins.outcome).toBe('BLOCK');
    expect(ins.reasons).toEqual([expect.objectContaining({ code: 'RULE_ERROR', outcome: 'BLOCK', source: 'insurance', ruleId: 'core.remote-line' })]);

    const eligible = await gql<{ customer: { eligibleProducts: { edges: { node: { line: string } }[] } } }>(
      `query ($id: ID!) { customer(id: $id) { eligibleProducts(first: 100, channel: ONLINE, initiator: CUSTOMER) { edges { node { line } } } } }`,
      { id: customerId },
    );
    expect(eligible.errors).toBeUndefined();
    const lines = new Set(eligible.data!.customer.eligibleProducts.edges.map((e) => e.node.line));
    expect(lines.has('INSURANCE')).toBe(false);
    expect(lines.has('FUNDS')).toBe(true);

    const refused = await gql(PLACE, {
      input: { customerId, productId: insuranceId, channel: 'ONLINE', initiator: 'CUSTOMER', idempotencyKey: `fed-e2e-ins2-${Date.now()}`, ...insuranceTerms },
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe('SUITABILITY_BLOCKED');

    const fundDecision = await check({ customerId, productId: fund.id, amount: fund.amount });
    expect(fundDecision.outcome).not.toBe('BLOCK');
    const fundOrder = await gql<{ placeOrder: { __typename: string } }>(PLACE, {
      input: { customerId, productId: fund.id, amount: fund.amount, channel: 'ONLINE', initiator: 'CUSTOMER', idempotencyKey: `fed-e2e-fund-${Date.now()}` },
    });
    expect(fundOrder.errors).toBeUndefined();
    expect(fundOrder.data!.placeOrder.__typename).toBe('Order');
  });
});
