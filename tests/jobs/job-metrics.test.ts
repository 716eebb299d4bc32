import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { HostRuntime } from '../../src/app/runtime.js';
import { JobFailure } from '../../src/jobs/job-failure.js';
import { runTask, type JobTask } from '../../src/jobs/task.js';
import { createLogger } from '../../src/logger.js';
import { createMetrics } from '../../src/observability/metrics.js';

// Every attempt a node runs is counted by task and outcome, with its duration: done, failed (retried) or
// gave_up (the last attempt failed) — what an operator alerts on when a job keeps failing.
describe('job attempts on /metrics', () => {
  it('counts done, failed and gave_up attempts by task, and times them', async () => {
    const metrics = createMetrics({ processMetrics: false });
    const runtime = { metrics, log: createLogger('silent') } as unknown as HostRuntime;
    const ok: JobTask<Record<string, never>> = { name: 'settle-due-orders', maxAttempts: 3, payload: z.object({}).strict(), run: async () => ({ settled: 1 }) };
    const failing: JobTask<Record<string, never>> = {
      ...ok,
      name: 'close-day',
      run: async () => {
        throw new Error('refused');
      },
    };
    await runTask(runtime, ok, {}, { jobId: '1', attempt: 1, final: false });
    await expect(runTask(runtime, failing, {}, { jobId: '2', attempt: 1, final: false })).rejects.toBeInstanceOf(JobFailure);
    await expect(runTask(runtime, failing, {}, { jobId: '2', attempt: 2, final: true })).rejects.toBeInstanceOf(JobFailure);
    // A payload the task refuses is a failed attempt too.
    await expect(runTask(runtime, ok, { stray: 1 }, { jobId: '3', attempt: 1, final: false })).rejects.toBeInstanceOf(JobFailure);

    const attempts = await metrics.registry.getSingleMetricAsString('finmart_job_attempts_total');
    expect(attempts).toContain('finmart_job_attempts_total{task="settle-due-orders",outcome="done"} 1');
    expect(attempts).toContain('finmart_job_attempts_total{task="settle-due-orders",outcome="failed"} 1');
    expect(attempts).toContain('finmart_job_attempts_total{task="close-day",outcome="failed"} 1');
    expect(attempts).toContain('finmart_job_attempts_total{task="close-day",outcome="gave_up"} 1');
    const durations = await metrics.registry.getSingleMetricAsString('finmart_job_duration_seconds');
    expect(durations).toContain('finmart_job_duration_seconds_count{task="close-day"} 2');
  });
});
