import type { Server } from 'node:http';
import express from 'express';
import type { HostRuntime } from '../app/runtime.js';
import { databaseAnswers } from '../http/database-answers.js';
import { metricsHandler } from '../observability/metrics.js';

/** What a job node's probes report: whether its runner is still taking jobs. */
export interface WorkerState {
  /** False once the node is stopping: it finishes what it holds and takes nothing new. */
  running(): boolean;
}

/**
 * The HTTP face of a job node (`npm run worker` with WORKER_PORT): it serves no API, but an operator scrapes its
 * `/metrics` — the attempts and durations of the jobs *this* node ran (`finmart_job_attempts_total`,
 * `finmart_job_duration_seconds`), its database pool, and the queue's contents — and an orchestrator probes
 * `/healthz` (the process answers) and `/readyz` (the database answers and the runner takes jobs; 503 while
 * stopping, so that a rolling restart does not count a draining node as ready). `/metrics` follows the API nodes'
 * access policy (METRICS_TOKEN / METRICS_ENABLED). Resolves once listening.
 */
export async function serveWorkerProbes(runtime: HostRuntime, state: WorkerState, port: number, host: string): Promise<Server> {
  const app = express();
  app.disable('x-powered-by');
  if (runtime.metrics) app.get('/metrics', metricsHandler(runtime.metrics, runtime.config));
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    if (!state.running()) {
      res.status(503).json({ status: 'stopping' });
      return;
    }
    if (await databaseAnswers(runtime.database)) res.json({ status: 'ready' });
    else res.status(503).json({ status: 'unavailable' });
  });
  // Anything else: a job node has no API (a client pointed at it by mistake learns so, not a hang).
  app.use((_req, res) => {
    res.status(404).type('text/plain').send('Not Found: a job node serves /metrics, /healthz and /readyz only');
  });
  const server = app.listen(port, host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', () => resolve());
    server.once('error', reject);
  });
  return server;
}
