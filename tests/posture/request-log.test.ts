import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestHost, type TestHost } from '../support/test-host.js';

// Operators read one line per request: the GraphQL path as /graphql, the operation's name and type, the time, the
// statements — never the query's text or its variables.
describe('the request log line', () => {
  let t: TestHost;
  const lines: string[] = [];
  beforeAll(async () => {
    t = await createTestHost({ customers: 5, logLines: lines, env: { LOG_LEVEL: 'info' } });
  }, 180_000);
  afterAll(() => t?.close());

  it('names the operation and its type on the /graphql line', async () => {
    const r = await t.gql('query CustomerPage($n: Int) { customers(first: $n) { totalCount } }', { n: 1 });
    expect(r.errors).toBeUndefined();
    await t.gql('{ me { role } }');
    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'request' && l.path === '/graphql');
    expect(logged.find((l) => l.requestId === r.headers.get('x-request-id'))).toMatchObject({ operation: 'CustomerPage', operationType: 'query', status: 200 });
    expect(logged.some((l) => l.operation === 'anonymous')).toBe(true);
    expect(lines.join('\n')).not.toContain('totalCount');
  });
});
