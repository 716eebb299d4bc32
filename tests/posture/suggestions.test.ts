import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createTestHost, type TestHost } from '../support/test-host.js';

// "Did you mean …" hints name schema elements to whoever probes the API: on in development, off in production.
describe('field suggestions in validation errors', () => {
  let dev: TestHost;
  let quiet: TestHost;
  beforeAll(async () => {
    dev = await createTestHost({ customers: 0 });
    quiet = await createTestHost({ customers: 0, env: { GRAPHQL_SUGGESTIONS: 'false' } });
  }, 180_000);
  afterAll(async () => {
    await dev?.close();
    await quiet?.close();
  });

  const probe = (t: TestHost) => t.gql('{ customerz(first: 1) { totalCount } }');

  it('suggests in development, says nothing of the schema when switched off', async () => {
    const hinted = await probe(dev);
    expect(hinted.errors?.[0]?.message).toMatch(/是否想用 "customers?"/);
    expect((await dev.gql('{ customerz(first: 1) { totalCount } }', {}, { lang: 'en' })).errors?.[0]?.message).toMatch(/Did you mean "customers?"/);
    const plain = await probe(quiet);
    expect(plain.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(plain.errors?.[0]?.message).not.toMatch(/是否想用|customers/);
    expect((await quiet.gql('{ customerz(first: 1) { totalCount } }', {}, { lang: 'en' })).errors?.[0]?.message).not.toMatch(/Did you mean|customers/);
  });

  it('is off by default in production, on by default elsewhere', () => {
    const key = { JWKS_URL: 'https://idp.bank.example/jwks.json' };
    expect(loadConfig({ NODE_ENV: 'production', ...key }).GRAPHQL_SUGGESTIONS).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', GRAPHQL_SUGGESTIONS: 'true', ...key }).GRAPHQL_SUGGESTIONS).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development' }).GRAPHQL_SUGGESTIONS).toBe(true);
  });
});
