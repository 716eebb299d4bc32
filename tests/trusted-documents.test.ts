import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, DEVELOPMENT_JWT_SECRET, loadConfig } from '../src/config/config.js';
import { customers } from '../src/db/schema/customers.js';
import { products } from '../src/db/schema/catalog.js';
import { toGlobalId } from '../src/graphql/relay/global-id.js';
import { parseTrustedDocumentManifest } from '../src/security/trusted-documents.js';
import { createTestHost, HEAD_OFFICE, type GqlResponse, type TestHost } from './support/test-host.js';
import { typedClientCopy } from './support/typed-client.js';

/**
 * Trusted documents (issue 14): the server locked to the manifest the typed client's codegen step
 * produces (examples/typed-client → persisted-documents.json, generated here from the example's own
 * documents with its own codegen config). Protocol-level, so PGlite only.
 */

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const UNKNOWN_QUERY = '{ customers(first: 5) { edges { node { id name phone } } } }';

let client: ReturnType<typeof typedClientCopy>;
let manifestPath: string;
let manifest: Record<string, string>;
/** Operation name → its manifest id (`sha256:<hex>` from client-preset 6, the bare hex from 5) and text. */
const ops = new Map<string, { id: string; text: string }>();
/** The hex of an id, and the id in the other spelling. */
const hexOf = (id: string) => id.replace(/^sha256:/, '');
const otherSpelling = (id: string) => (id.startsWith('sha256:') ? hexOf(id) : `sha256:${id}`);

beforeAll(async () => {
  client = typedClientCopy();
  await client.generate();
  manifestPath = client.manifestPath;
  manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  for (const [id, text] of Object.entries(manifest)) ops.set(/(?:^|\} )(?:query|mutation) (\w+)/.exec(text)![1]!, { id, text });
}, 60_000);
afterAll(() => client?.remove());

/** A raw request (the test host's gql() always sends a query). */
async function send(
  t: TestHost,
  init: { body?: unknown; search?: Record<string, string>; headers?: Record<string, string>; as?: object },
): Promise<GqlResponse> {
  const token = await t.token((init.as ?? HEAD_OFFICE) as never);
  const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${token}`, 'accept-language': 'en', ...init.headers };
  const url = init.search ? `${t.url}?${new URLSearchParams(init.search)}` : t.url;
  const res =
    init.body !== undefined
      ? await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(init.body) })
      : await fetch(url, { method: 'GET', headers: { 'apollo-require-preflight': 'true', ...headers } });
  const body = (await res.json()) as { data?: unknown; errors?: GqlResponse['errors'] };
  return {
    status: res.status,
    data: body.data as never,
    errors: body.errors,
    headers: res.headers,
    statements: Number(res.headers.get('x-sql-statements') ?? NaN),
  };
}

const code = (r: GqlResponse) => r.errors?.[0]?.extensions?.code;

describe('trusted documents: enforce', () => {
  let t: TestHost;
  const logLines: string[] = [];
  let customerId = '';
  let productId = '';
  let managerId = 0;
  let vars: Record<string, unknown> = {};

  beforeAll(async () => {
    t = await createTestHost({ customers: 20, env: { TRUSTED_DOCUMENTS: manifestPath, LOG_LEVEL: 'warn' }, logLines });
    const db = t.host.runtime.database.db;
    const [c] = await db
      .select({ id: customers.id, managerId: customers.managerId })
      .from(customers)
      .where(and(isNotNull(customers.managerId)))
      .limit(1);
    const [p] = await db.select({ id: products.id }).from(products).limit(1);
    customerId = toGlobalId('Customer', c!.id);
    productId = toGlobalId('Product', p!.id);
    managerId = c!.managerId!;
    vars = { id: customerId, productId, amount: '1000' };
  });
  afterAll(() => t?.close());

  it('is configured from TRUSTED_DOCUMENTS, enforcing by default', () => {
    expect(t.config.trustedDocuments?.mode).toBe('enforce');
    expect(t.config.trustedDocuments?.byHash.size).toBe(3);
  });

  it('runs a manifest operation sent by documentId (POST), the stored text standing in for the query', async () => {
    const { id } = ops.get('Customer360')!;
    const r = await send(t, { body: { documentId: id, variables: vars } });
    expect(r.errors).toBeUndefined();
    expect(r.status).toBe(200);
    expect(r.data.customer.id).toBe(customerId);
    expect(r.data.customer.suitability.outcome).toMatch(/ALLOW|WARN|REQUIRE|BLOCK/);
    expect(r.statements).toBeGreaterThan(0);
    // Both spellings of an id work (`sha256:<hex>`, the GraphQL-over-HTTP document id, and the bare hex).
    const other = await send(t, { body: { documentId: otherSpelling(id), variables: vars } });
    expect(other.data).toEqual(r.data);
  });

  it('runs the same operation sent as its full text (the manifest text, byte for byte)', async () => {
    const { text } = ops.get('Customer360')!;
    const byText = await t.gql(text, vars, { lang: 'en' });
    expect(byText.errors).toBeUndefined();
    const byId = await send(t, { body: { documentId: ops.get('Customer360')!.id, variables: vars } });
    expect(byText.data).toEqual(byId.data);
  });

  it("accepts Apollo's persisted-query hash, and GET requests (documentId or extensions) as well as POST", async () => {
    const { id } = ops.get('ManagerBook')!;
    const hex = hexOf(id);
    const rm = { role: 'RELATIONSHIP_MANAGER', managerId };
    const variables = { managerId: toGlobalId('CustomerManager', managerId) };
    const apq = await send(t, { as: rm, body: { variables, extensions: { persistedQuery: { version: 1, sha256Hash: hex } } } });
    expect(apq.errors).toBeUndefined();
    expect(apq.data.customers.totalCount).toBeGreaterThan(0);
    expect(apq.data.manager.__typename).toBe('CustomerManager');
    const get = await send(t, { as: rm, search: { documentId: id, variables: JSON.stringify(variables) } });
    expect(get.errors).toBeUndefined();
    expect(get.data).toEqual(apq.data);
    const getApq = await send(t, {
      as: rm,
      search: { extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hex } }), variables: JSON.stringify(variables) },
    });
    expect(getApq.data).toEqual(apq.data);
  });

  it('refuses a query not in the manifest with OPERATION_NOT_TRUSTED (400) before any statement, and logs it without the text', async () => {
    logLines.length = 0;
    const r = await t.gql(UNKNOWN_QUERY, undefined, { lang: 'en' });
    expect(r.status).toBe(400);
    expect(code(r)).toBe('OPERATION_NOT_TRUSTED');
    expect(r.errors![0]!.message).toMatch(/not registered/);
    expect(r.data).toBeUndefined();
    expect(r.statements).toBe(0);
    const refusal = logLines.map((l) => JSON.parse(l)).find((l) => l.msg === 'operation refused: not a trusted document');
    expect(refusal).toMatchObject({ code: 'OPERATION_NOT_TRUSTED', queryHash: sha256(UNKNOWN_QUERY), requestId: r.headers.get('x-request-id') });
    expect(logLines.join('\n')).not.toContain('customers(first');
    // In Chinese by default.
    const zh = await t.gql(UNKNOWN_QUERY);
    expect(zh.errors![0]!.message).toMatch(/未登记/);
  });

  it('refuses the manifest text once it is altered (a byte of whitespace), an unknown mutation, introspection, GET and batches', async () => {
    const { text } = ops.get('Customer360')!;
    const altered = await t.gql(`${text} `, vars);
    expect([altered.status, code(altered), altered.statements]).toEqual([400, 'OPERATION_NOT_TRUSTED', 0]);
    const mutation = await t.gql('mutation { settleDueOrders }');
    expect([mutation.status, code(mutation), mutation.statements]).toEqual([400, 'OPERATION_NOT_TRUSTED', 0]);
    const introspection = await t.gql('{ __schema { types { name } } }');
    expect(code(introspection)).toBe('OPERATION_NOT_TRUSTED');
    const get = await send(t, { search: { query: UNKNOWN_QUERY } });
    expect([get.status, code(get), get.statements]).toEqual([400, 'OPERATION_NOT_TRUSTED', 0]);
    const batch = await send(t, { body: [{ documentId: ops.get('Customer360')!.id, variables: vars }, { query: UNKNOWN_QUERY }] });
    expect([batch.status, code(batch)]).toEqual([400, 'OPERATION_NOT_TRUSTED']);
  });

  it('refuses a document id not in the manifest with PERSISTED_QUERY_NOT_FOUND (400), malformed ids too', async () => {
    logLines.length = 0;
    const unknownId = `sha256:${sha256(UNKNOWN_QUERY)}`;
    for (const body of [
      { documentId: unknownId },
      { documentId: 'not-a-hash' },
      { documentId: 42 },
      { extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ me { role } }') } } },
    ]) {
      const r = await send(t, { body });
      expect([r.status, code(r), r.statements], JSON.stringify(body)).toEqual([400, 'PERSISTED_QUERY_NOT_FOUND', 0]);
    }
    const get = await send(t, { search: { documentId: unknownId } });
    expect([get.status, code(get)]).toEqual([400, 'PERSISTED_QUERY_NOT_FOUND']);
    const lines = logLines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'operation refused: not a trusted document');
    expect(lines.map((l) => l.documentId ?? l.persistedQuery)).toEqual([
      sha256(UNKNOWN_QUERY),
      'malformed',
      'malformed',
      sha256('{ me { role } }'),
      sha256(UNKNOWN_QUERY),
    ]);
  });

  it('refuses an id sent with another text (the text must be the one the id names)', async () => {
    const r = await send(t, { body: { documentId: ops.get('Customer360')!.id, query: UNKNOWN_QUERY, variables: vars } });
    expect([r.status, code(r), r.statements]).toEqual([400, 'OPERATION_NOT_TRUSTED', 0]);
  });

  it('still authenticates first: no token, 401 whatever the document', async () => {
    const r = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: UNKNOWN_QUERY }) });
    expect(r.status).toBe(401);
  });

  it("the example's typed screen functions work against it (documentId on the wire, typed data back)", async () => {
    const c360 = await import(join(client.dir, 'src/customer-360.ts'));
    const book = await import(join(client.dir, 'src/manager-book.ts'));
    const order = await import(join(client.dir, 'src/place-order.ts'));
    const sent: unknown[] = [];
    const transport = (url: string, init: RequestInit) => {
      sent.push(JSON.parse(String(init.body)));
      return fetch(url, init);
    };
    const ho = { url: t.url, token: await t.token(HEAD_OFFICE), transport, lang: 'en' };
    const view = await c360.loadCustomer360(ho, customerId, productId, '1000');
    expect(view.customer.id).toBe(customerId);
    expect(typeof view.holdingsValueCnyCents).toBe('bigint');
    expect(typeof view.maySell).toBe('boolean');
    const rm = { ...ho, token: await t.token({ role: 'RELATIONSHIP_MANAGER', managerId } as never) };
    const page = await book.loadManagerBook(rm, toGlobalId('CustomerManager', managerId));
    expect(page.customers.length).toBeGreaterThan(0);
    expect(page.manager?.id).toBe(toGlobalId('CustomerManager', managerId));
    // Order placement passes the gate: the steps the 360 said were required are recorded, and the server answers
    // with an order booked, an approval awaited, or — when the sale is blocked — a refusal of the order itself.
    const placed = await order
      .placeOrder(ho, {
        customerId,
        productId,
        amount: '1000',
        channel: 'COUNTER',
        initiator: 'CUSTOMER',
        completedSteps: view.customer.suitability.requiredSteps,
        idempotencyKey: 'trusted-documents-0001',
      })
      .then(
        (o: { kind: string }) => o.kind,
        (e: { errors: { extensions?: { code?: string } }[] }) => e.errors[0]?.extensions?.code,
      );
    if (view.customer.suitability.outcome === 'BLOCK') expect(placed).not.toMatch(/OPERATION_NOT_TRUSTED|PERSISTED_QUERY_NOT_FOUND/);
    else expect(['booked', 'held']).toContain(placed);
    expect(sent.every((b) => typeof (b as { documentId?: unknown }).documentId === 'string' && !('query' in (b as object)))).toBe(true);
    // The same functions sending the printed text (not the manifest's bytes) are refused.
    await expect(c360.loadCustomer360({ ...ho, sendText: true }, customerId, productId)).rejects.toMatchObject({
      status: 400,
      errors: [{ extensions: { code: 'OPERATION_NOT_TRUSTED' } }],
    });
  });
});

describe('trusted documents: allow-unknown', () => {
  let t: TestHost;
  const logLines: string[] = [];
  beforeAll(async () => {
    t = await createTestHost({
      plugins: [],
      customers: 0,
      env: { TRUSTED_DOCUMENTS: manifestPath, TRUSTED_DOCUMENTS_MODE: 'allow-unknown', LOG_LEVEL: 'warn' },
      logLines,
    });
  });
  afterAll(() => t?.close());

  it('runs an unknown query and logs its hash (not its text); ids still resolve, unknown ids are still refused', async () => {
    const r = await t.gql('{ me { role subject } }');
    expect(r.errors).toBeUndefined();
    expect(r.data.me.role).toBe('HEAD_OFFICE');
    const line = logLines.map((l) => JSON.parse(l)).find((l) => l.msg === 'operation not in the trusted documents');
    expect(line).toMatchObject({ queryHash: sha256('{ me { role subject } }'), mode: 'allow-unknown' });
    expect(logLines.join('\n')).not.toContain('me { role');
    const byId = await send(t, {
      body: { documentId: ops.get('Customer360')!.id, variables: { id: toGlobalId('Customer', 999_999), productId: toGlobalId('Product', 1) } },
    });
    expect(byId.errors).toBeUndefined();
    expect(byId.data).toEqual({ customer: null });
    const unknown = await send(t, { body: { documentId: `sha256:${sha256('{ me { role } }')}` } });
    expect([unknown.status, code(unknown)]).toEqual([400, 'PERSISTED_QUERY_NOT_FOUND']);
  });
});

describe('trusted documents: off (TRUSTED_DOCUMENTS unset, the default)', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await createTestHost({ plugins: [], customers: 0 });
  });
  afterAll(() => t?.close());

  it('runs any query as before, and a documentId means nothing to it', async () => {
    expect(t.config.trustedDocuments).toBeUndefined();
    const r = await t.gql(UNKNOWN_QUERY);
    expect(r.errors).toBeUndefined();
    expect(r.data.customers.edges).toEqual([]);
    const byId = await send(t, { body: { documentId: ops.get('Customer360')!.id } });
    expect(byId.status).toBe(400);
    expect(code(byId)).not.toMatch(/PERSISTED_QUERY_NOT_FOUND|OPERATION_NOT_TRUSTED/);
  });
});

describe('trusted documents: configuration', () => {
  const dir = mkdtempSync(join(tmpdir(), 'finmart-trusted-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const load = (env: Record<string, string>) => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'kq3V9xZ2rT8mW4pL7nB1cF6hJ0sD5gY2aE9uR3tQ8wM=', ...env });
  const write = (name: string, content: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };
  const problems = (env: Record<string, string>) => {
    try {
      load(env);
    } catch (e) {
      if (e instanceof ConfigError) return e.problems;
      throw e;
    }
    return [];
  };

  it('is off unless TRUSTED_DOCUMENTS is set, in development and production alike', () => {
    expect(loadConfig({ JWT_SECRET: DEVELOPMENT_JWT_SECRET }).trustedDocuments).toBeUndefined();
    expect(load({}).trustedDocuments).toBeUndefined();
    expect(load({ TRUSTED_DOCUMENTS: manifestPath }).trustedDocuments?.mode).toBe('enforce');
    expect(load({ TRUSTED_DOCUMENTS: manifestPath, TRUSTED_DOCUMENTS_MODE: 'allow-unknown' }).trustedDocuments?.mode).toBe('allow-unknown');
  });

  it('stops the start naming TRUSTED_DOCUMENTS when the manifest is missing, not JSON, empty, or its ids are not the sha256 of their text', () => {
    const doc = '{ me { role } }';
    for (const path of [
      join(dir, 'missing.json'),
      write('not-json.json', '{ nope'),
      write('empty.json', {}),
      write('sha1.json', { [createHash('sha1').update(doc).digest('hex')]: doc }),
      write('edited.json', { [`sha256:${sha256(doc)}`]: `${doc} ` }),
    ]) {
      const p = problems({ TRUSTED_DOCUMENTS: path });
      expect(p, path).toHaveLength(1);
      expect(p[0]).toMatch(/^TRUSTED_DOCUMENTS: /);
    }
    expect(problems({ TRUSTED_DOCUMENTS: manifestPath, TRUSTED_DOCUMENTS_MODE: 'strict' })[0]).toMatch(/^TRUSTED_DOCUMENTS_MODE/);
  });

  it("reads the client preset's manifest and Apollo's persisted query manifest alike", () => {
    const doc = 'query Me { me { role } }';
    expect([...parseTrustedDocumentManifest({ [`sha256:${sha256(doc)}`]: doc })]).toEqual([[sha256(doc), doc]]);
    expect([...parseTrustedDocumentManifest({ [sha256(doc).toUpperCase()]: doc })]).toEqual([[sha256(doc), doc]]);
    expect([
      ...parseTrustedDocumentManifest({
        format: 'apollo-persisted-query-manifest',
        version: 1,
        operations: [{ id: sha256(doc), name: 'Me', type: 'query', body: doc }],
      }),
    ]).toEqual([[sha256(doc), doc]]);
  });
});
