import { loadConfig } from '../config/config.js';
import { openDatabase } from '../db/client.js';
import { dropFailedJobs, hasJobQueue, listFailedJobs, retryFailedJobs, type FailedJobsSelection } from '../jobs/failed-jobs.js';

const USAGE = `npm run jobs -- <command>

  failed                 lists the jobs that gave up (every attempt failed): id, task, attempts, last error, when
  retry <id>… | --all    gives them their attempts back and makes them due now (once the cause is fixed)
  drop <id>… | --all     removes them from the queue for good (once handled some other way)

Only failed jobs are touched; an id that names no failed job is reported and the command exits with 1.
The queue is the one in DATABASE_DIRECT_URL, else DATABASE_URL (PostgreSQL; the embedded database has none).`;

/** The jobs a retry or drop names: ids, or --all; null when the arguments say neither. */
function selection(args: string[]): FailedJobsSelection | null {
  if (args.length === 1 && args[0] === '--all') return 'all';
  if (args.length === 0 || args.some((a) => !/^[1-9]\d{0,18}$/.test(a))) return null;
  return { ids: args };
}

/** `npm run jobs`: the operator's hand on the job queue's failed jobs (src/jobs/failed-jobs.ts). */
async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  if (!command || command === '--help' || command === '-h') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const which = command === 'failed' ? null : selection(rest);
  if (!['failed', 'retry', 'drop'].includes(command) || (command !== 'failed' && !which) || (command === 'failed' && rest.length > 0)) {
    console.error(`${command === 'retry' || command === 'drop' ? `${command} needs job ids (digits) or --all` : `unknown command: ${command}`}\n\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const url = config.DATABASE_DIRECT_URL ?? config.DATABASE_URL;
  if (!url) {
    console.error('the job queue lives in PostgreSQL: set DATABASE_URL (the embedded database runs its schedule in-process, with no queue)');
    return 2;
  }
  const database = await openDatabase({
    url,
    maxConnections: 1,
    connectTimeoutMs: config.DB_CONNECT_TIMEOUT_MS,
    pooler: config.DATABASE_DIRECT_URL ? 'none' : config.DATABASE_POOLER,
  });
  try {
    const db = database.db;
    if (!(await hasJobQueue(db))) {
      console.error('this database has no job queue yet (a node creates it when it first runs or adds jobs)');
      return 1;
    }
    if (command === 'failed') {
      const jobs = await listFailedJobs(db);
      if (jobs.length === 0) console.log('no failed jobs');
      for (const j of jobs)
        console.log(
          [
            j.id,
            j.task,
            `${j.attempts}/${j.maxAttempts} attempts`,
            `added ${j.createdAt.toISOString()}`,
            `failed ${j.failedAt.toISOString()}`,
            j.lastError ?? '',
          ]
            .join('\t')
            .trimEnd(),
        );
      return 0;
    }
    const done = command === 'retry' ? await retryFailedJobs(db, which!) : await dropFailedJobs(db, which!);
    console.log(`${command === 'retry' ? 'retried' : 'dropped'}: ${done.changed.length === 0 ? 'none' : done.changed.join(' ')}`);
    if (done.notFailed.length > 0) console.error(`not failed jobs (left alone): ${done.notFailed.join(' ')}`);
    return done.notFailed.length > 0 ? 1 : 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    // Class and SQLSTATE only: a driver's message may quote a statement's data.
    const err = e as { name?: string; code?: string };
    console.error(`jobs: failed (${err?.name ?? 'Error'}${err?.code ? `, SQLSTATE ${err.code}` : ''})`);
    process.exitCode = 1;
  },
);
