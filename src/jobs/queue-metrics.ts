import { sql } from 'drizzle-orm';
import { Gauge } from 'prom-client';
import type { HostRuntime } from '../app/runtime.js';
import { resultRows } from '../db/result-rows.js';
import { JOB_SCHEMA } from './queue.js';

const NAME = 'finmart_job_queue_jobs';
const STATES = ['ready', 'waiting', 'running', 'failed'] as const;

/**
 * Exports the job queue's contents — the whole queue, every node's jobs — as a gauge on this node's `/metrics`,
 * read from the database at each scrape (one statement): by task and state, `ready` (due, not taken: a queue
 * that grows here lacks workers), `waiting` (due later: retries backing off), `running` (taken by a worker)
 * and `failed` (gave up after the last attempt; kept until removed). Returns the function that removes it.
 */
export function exportQueueGauge(runtime: HostRuntime): () => void {
  const registry = runtime.metrics?.registry;
  if (!registry) return () => {};
  new Gauge({
    name: NAME,
    help: 'Jobs in the queue (all nodes), by task and state: ready (due, not taken), waiting (due later: retries backing off), running (taken by a worker), failed (gave up after its last attempt)',
    labelNames: ['task', 'state'] as const,
    registers: [registry],
    async collect() {
      try {
        const rows = resultRows<{ task: string } & Record<(typeof STATES)[number], number>>(
          await runtime.database.db.execute(sql`select task_identifier as task,
              count(*) filter (where locked_at is null and attempts < max_attempts and run_at <= now())::int as ready,
              count(*) filter (where locked_at is null and attempts < max_attempts and run_at > now())::int as waiting,
              count(*) filter (where locked_at is not null)::int as running,
              count(*) filter (where locked_at is null and attempts >= max_attempts)::int as failed
            from ${sql.identifier(JOB_SCHEMA)}.jobs group by 1`),
        );
        this.reset();
        for (const r of rows) for (const state of STATES) this.set({ task: r.task, state }, Number(r[state]));
      } catch {
        // A scrape during shutdown or a database outage reports no queue rather than failing the whole scrape.
        this.reset();
      }
    },
  });
  return () => registry.removeSingleMetric(NAME);
}
