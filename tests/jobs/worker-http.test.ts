import type { Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { HostRuntime } from '../../src/app/runtime.js';
import { serveWorkerProbes } from '../../src/jobs/worker-http.js';
import { createMetrics } from '../../src/observability/metrics.js';

// A job node's probes: an orchestrator must not count a draining or database-less node as ready, and an
// operator scrapes its own job counts (tests/scale/jobs.test.ts checks them on real job nodes).
describe('a job node’s /metrics, /healthz and /readyz (WORKER_PORT)', () => {
  let server: Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    server = undefined;
  });

  const start = async (opts: { ping: () => Promise<void>; running: () => boolean; config?: Record<string, unknown> }) => {
    const metrics = createMetrics({ processMetrics: false });
    metrics.jobAttempt('close-day', 'done', 0.2);
    const runtime = { metrics, config: { NODE_ENV: 'test', ...opts.config }, database: { ping: opts.ping } } as unknown as HostRuntime;
    server = await serveWorkerProbes(runtime, { running: opts.running }, 0, '127.0.0.1');
    const { port } = server.address() as { port: number };
    return (path: string, init?: RequestInit) => fetch(`http://127.0.0.1:${port}${path}`, init);
  };

  it('ready while running with its database; 503 while stopping or when the database does not answer', async () => {
    let running = true;
    let up = true;
    const ping = async () => {
      if (!up) throw new Error('down');
    };
    const get = await start({ ping, running: () => running });
    expect((await get('/healthz')).status).toBe(200);
    expect((await get('/readyz')).status).toBe(200);
    running = false;
    const stopping = await get('/readyz');
    expect([stopping.status, await stopping.json()]).toEqual([503, { status: 'stopping' }]);
    running = true;
    up = false;
    expect((await get('/readyz')).status).toBe(503);
    // Still alive: liveness is the process, not its database.
    expect((await get('/healthz')).status).toBe(200);
  });

  it('serves its job counts on /metrics under the API nodes’ access policy, and no API', async () => {
    const get = await start({ ping: async () => {}, running: () => true });
    const text = await (await get('/metrics')).text();
    expect(text).toContain('finmart_job_attempts_total{task="close-day",outcome="done"} 1');
    expect((await get('/graphql', { method: 'POST' })).status).toBe(404);
    server!.closeAllConnections();
    await new Promise<void>((r) => server!.close(() => r()));

    const token = 'a-metrics-token-of-32-characters';
    const guarded = await start({ ping: async () => {}, running: () => true, config: { NODE_ENV: 'production', METRICS_TOKEN: token } });
    expect((await guarded('/metrics')).status).toBe(401);
    expect((await guarded('/metrics', { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  });
});
