import { impactAnalysisTask } from './impact-analysis.js';
import { closeDayTask, expirePointsTask, partitionsAheadTask, settleDueOrdersTask } from './scheduled-tasks.js';
import type { JobTask } from './task.js';

/**
 * Every background task a job node runs. Contact-plan reminders are not among them: contact plans are
 * computed when read (`Customer.contactPlan`, the work queue's CONTACT_DUE / CONTACT_OVERDUE items), so
 * nothing is due to be sent or stored on a schedule. A new periodic task is a {@link JobTask} added here and
 * an entry in `schedule.ts`.
 */
export const JOB_TASKS: readonly JobTask<any>[] = [settleDueOrdersTask, closeDayTask, expirePointsTask, partitionsAheadTask, impactAnalysisTask];
