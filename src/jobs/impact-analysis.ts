import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { HostRuntime } from '../app/runtime.js';
import { impactReports } from '../db/schema/index.js';
import type { Db } from '../db/client.js';
import { errorSummary, LoggableError } from '../error-summary.js';
import { createRequestContext } from '../http/context.js';
import { ReportNotRunning, runImpact, runningProgress } from '../impact/impact-run.js';
import { checkProposal, type CheckedProposal, type Proposal } from '../impact/proposal.js';
import { runTask, type JobFigures, type JobTask } from './task.js';

/** How often a run's progress is written to its report's row (PostgreSQL: other nodes read it there). */
const PROGRESS_EVERY_MS = 2000;

const payload = z.object({ reportId: z.number().int().positive(), requestId: z.string().max(200).optional() });

/** The queue's job key of a report's run (the prefix, then the report id): one job per report, whichever node adds it. */
export const IMPACT_JOB_KEY_PREFIX = 'impact-analysis:';
export const impactJobKey = (reportId: number) => `${IMPACT_JOB_KEY_PREFIX}${reportId}`;

/** A run that could not start because this node's settings are older than the request's (it has not heard a change yet). */
export class SettingsBehind extends LoggableError {
  constructor(node: number, report: number) {
    super(`this node holds settings version ${node}, the report was asked on version ${report}`);
    this.name = 'SettingsBehind';
  }
}

/** Closes a report that will not be DONE (still RUNNING only: never over a run that finished). `error` names a class, never data. */
async function failReport(db: Db, reportId: number, error: string): Promise<void> {
  await db
    .update(impactReports)
    .set({ status: 'FAILED', error, finishedAt: new Date() })
    .where(and(eq(impactReports.id, reportId), eq(impactReports.status, 'RUNNING')));
}

/**
 * Runs the impact analysis a RUNNING report asks for (`previewRuleChange` committed the report and this job
 * together). Everything comes from the report row: the proposal, the instant judged (`asOf`), who asked, and
 * the settings version it was asked on, so any node can run it. Idempotent: a report no longer RUNNING is
 * left alone, and of two runs of one report only the first to finish commits (`ReportNotRunning`), so a job
 * taken again after its node was killed neither doubles the entries nor reopens the report. The last attempt
 * that fails marks the report FAILED: no report stays RUNNING once its job is given up.
 */
export const impactAnalysisTask: JobTask<z.infer<typeof payload>> = {
  name: 'impact-analysis',
  maxAttempts: 3,
  payload,
  async run(runtime, { reportId, requestId }, attempt): Promise<JobFigures> {
    const db = runtime.database.db;
    const [report] = await db.select().from(impactReports).where(eq(impactReports.id, reportId));
    if (!report) return { reportId, outcome: 'missing' };
    if (report.status !== 'RUNNING') return { reportId, outcome: `already ${report.status}` };
    try {
      // Both roles that may ask (head office, auditors) read the whole bank; the run only reads, as an auditor does.
      const ctx = createRequestContext(runtime, { subject: report.requestedBy, role: 'AUDITOR' }, 'en', requestId ?? `job-${attempt.jobId}`, report.asOf);
      const version = ctx.settings.version ?? 0;
      // Newer settings than the request's: the preview could never be applied (changeSetting wants the version in force).
      if (version > report.settingsVersion) {
        await failReport(db, reportId, 'SettingsChanged');
        return { reportId, outcome: 'FAILED', error: 'SettingsChanged' };
      }
      // Older: this node has not heard of a change yet — the retry (here, once it has, or on another node) runs it.
      if (version < report.settingsVersion) throw new SettingsBehind(version, report.settingsVersion);
      let checked: CheckedProposal;
      try {
        checked = checkProposal(report.proposal as unknown as Proposal, runtime.settings, runtime.rules);
      } catch {
        // A rule or setting the proposal names is gone (another deploy): no attempt will do better.
        await failReport(db, reportId, 'InvalidProposal');
        return { reportId, outcome: 'FAILED', error: 'InvalidProposal' };
      }
      // Progress is this process's (runningProgress); on PostgreSQL the row carries it to the nodes asked about it.
      const progress =
        runtime.database.driver === 'postgres'
          ? setInterval(() => {
              const p = runningProgress.get(reportId);
              if (p)
                void db
                  .update(impactReports)
                  .set({ customersDone: p.done, customersTotal: p.total })
                  .where(and(eq(impactReports.id, reportId), eq(impactReports.status, 'RUNNING')))
                  .catch(() => {});
            }, PROGRESS_EVERY_MS)
          : undefined;
      try {
        await runImpact(ctx, reportId, checked);
      } finally {
        clearInterval(progress);
      }
      return { reportId, outcome: 'DONE' };
    } catch (e) {
      runningProgress.delete(reportId);
      if (e instanceof ReportNotRunning) return { reportId, outcome: 'finished by another run' };
      if (attempt.final) await failReport(db, reportId, errorSummary(e).name);
      throw e;
    }
  },
};

/**
 * Runs a report's analysis in this process, as the only attempt (a failure marks it FAILED): where there is
 * no queue — PGlite, or `JOBS=off` — the request that asked for it starts it this way. It outlives the request.
 */
export function runImpactInProcess(runtime: HostRuntime, reportId: number, requestId: string): void {
  setImmediate(() => {
    // runTask has logged the failure (and the task marked the report FAILED).
    runTask(runtime, impactAnalysisTask, { reportId, requestId }, { jobId: 'in-process', attempt: 1, final: true }).catch(() => {});
  });
}
