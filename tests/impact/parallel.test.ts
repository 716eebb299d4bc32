import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import gold from '@finmart/plugin-gold';
import { judgeInWorker } from '../../src/impact/parallel.js';
import type { WorkerInput } from '../../src/impact/worker-protocol.js';
import { createTestHost, type TestHost } from '../support/test-host.js';

// The worker side of a parallel impact run fails loudly: a snapshot it cannot join is the run's error, never
// an empty slice taken for "nothing moves". PostgreSQL only (PGlite runs never use workers).
describe.skipIf(!process.env.TEST_DATABASE_URL)('impact workers (postgres)', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await createTestHost({ driver: 'postgres', plugins: [gold], customers: 0 });
  }, 120_000);
  afterAll(() => t?.close());

  const input = (snapshot: string): WorkerInput => ({
    config: t.host.runtime.config,
    settings: {},
    settingsVersion: 0,
    principal: { subject: 'test', role: 'HEAD_OFFICE' },
    requestId: 'test',
    now: new Date().toISOString(),
    snapshot,
    proposal: { overrides: { 'gold.accountGoldRequiredRiskLevel': 'C4' }, disabled: [] },
  });
  const run = (snapshot: string) =>
    judgeInWorker(input(snapshot), { nextSlice: () => null, entries: () => {}, progress: () => {} }, new AbortController().signal);

  it('refuses what is not a snapshot id before it touches the database', async () => {
    await expect(run("1'; drop table customers; --")).rejects.toThrow(/not a snapshot id/);
  }, 60_000);

  it('fails the run when the snapshot is gone', async () => {
    await expect(run('00000003-0000001B-1')).rejects.toThrow(/impact worker failed/);
  }, 60_000);
});
