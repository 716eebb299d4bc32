import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signDevelopmentToken } from '../../src/auth/tokens.js';
import { DEVELOPMENT_JWT_SECRET } from '../../src/config/config.js';
import { halfSentRequest } from './half-sent.js';
import { freePort, spawnServer, type SpawnedServer } from './spawned-server.js';

/**
 * SIGTERM as an orchestrator sends it: to the process it started. In-flight
 * requests finish, the database closes, `stopped` is logged and the exit code
 * is 0 — both for `node --import tsx src/main.ts` and for `npm start` (npm
 * forwards the signal to its child; a shell in between would swallow it).
 */
describe('SIGTERM', () => {
  let dataDir: string;
  let token: string;
  beforeAll(async () => {
    // One PGlite directory for both runs: the first seeds it, the second reuses it.
    dataDir = mkdtempSync(join(tmpdir(), 'finmart-sigterm-'));
    token = await signDevelopmentToken({ role: 'HEAD_OFFICE' }, { secret: DEVELOPMENT_JWT_SECRET, issuer: 'finmart', audience: 'finmart-api' });
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  async function stopsCleanly(server: SpawnedServer, signalTarget: () => void) {
    try {
      await server.waitForLog('finmart is listening; GraphiQL at the url');
      const inFlight = halfSentRequest(server.port, `Bearer ${token}`, '{ customers(first: 5) { totalCount edges { node { id tier } } } }');
      // The server has the request's headers once it is in its 'request' handler; give it a moment.
      await new Promise((r) => setTimeout(r, 300));
      signalTarget();
      await server.waitForLog(/^shutting down/);
      // New connections are refused while the in-flight request is still open.
      await expect(fetch(`http://127.0.0.1:${server.port}/healthz`)).rejects.toThrow();
      inFlight.finish();
      const res = await inFlight.response;
      expect(res.status).toBe(200);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.customers.edges).toHaveLength(5);
      const exit = await server.exited;
      expect(exit).toEqual({ code: 0, signal: null });
      const msgs = server.lines.map((l) => l.msg);
      expect(msgs).toContain('stopped');
      // The in-flight request was logged before the process reported itself stopped.
      const requestLogged = server.lines.findIndex((l) => l.msg === 'request' && l.path === '/graphql');
      expect(requestLogged).toBeGreaterThanOrEqual(0);
      expect(requestLogged).toBeLessThan(msgs.indexOf('stopped'));
    } finally {
      if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
    }
  }

  it('node --import tsx src/main.ts: finishes the in-flight request, closes the database, logs stopped, exits 0', async () => {
    const port = await freePort();
    const server = spawnServer(
      process.execPath,
      ['--import', 'tsx', 'src/main.ts'],
      { DATA_DIR: dataDir, DEMO_CUSTOMERS: '10', LOG_LEVEL: 'info', NODE_ENV: 'development' },
      port,
    );
    await stopsCleanly(server, () => server.child.kill('SIGTERM'));
  }, 180_000);

  it('npm start forwards SIGTERM to the server and exits 0', async () => {
    const port = await freePort();
    const server = spawnServer('npm', ['start', '--silent'], { DATA_DIR: dataDir, DEMO_CUSTOMERS: '10', LOG_LEVEL: 'info', NODE_ENV: 'development' }, port);
    await stopsCleanly(server, () => server.child.kill('SIGTERM'));
  }, 180_000);
});
