/**
 * A worker thread judging one slice of the book for an impact run (see `judgeInWorker`): it boots the host's
 * runtime (plugins, rules, settings — the values the run's node holds, sent along), joins the run's snapshot
 * (`SET TRANSACTION SNAPSHOT`, exported by the run's own transaction) and judges the slices of the book the run hands it, one
 * at a time, exactly as the run judges its own, posting the entries back. PostgreSQL only: PGlite has one connection and cannot share a snapshot.
 */
import 'reflect-metadata';
import { parentPort, workerData } from 'node:worker_threads';
import { sql } from 'drizzle-orm';
import { createHost } from '../app/host.js';
import type { HostContext } from '../graphql/context.js';
import { createRequestContext } from '../http/context.js';
import { createLogger } from '../logger.js';
import { errorSummary, LoggableError } from '../error-summary.js';
import { judgeCustomers, prepareJudging, type ImpactEntry, type SliceFigures } from './judge-book.js';
import { SNAPSHOT_ID, type RunMessage, type WorkerInput, type WorkerMessage } from './worker-protocol.js';

/** Entries posted per message: few messages, none too large to copy. */
const POST_EVERY = 5000;

// Messages from the run, taken in order.
const inbox: RunMessage[] = [];
let waiting: ((m: RunMessage) => void) | null = null;
parentPort!.on('message', (m: RunMessage) => {
  if (waiting) {
    const w = waiting;
    waiting = null;
    w(m);
  } else inbox.push(m);
});
const nextMessage = (): Promise<RunMessage> => (inbox.length > 0 ? Promise.resolve(inbox.shift()!) : new Promise((resolve) => (waiting = resolve)));

async function main(input: WorkerInput): Promise<void> {
  const post = (m: WorkerMessage) => parentPort!.postMessage(m);
  if (!SNAPSHOT_ID.test(input.snapshot)) throw new LoggableError('not a snapshot id');
  // The worker judges under the run's settings as handed to it: it must not follow later changes.
  // It reads only inside the run's exported snapshot, on the primary: no read replicas to open.
  const host = await createHost({ config: input.config, logger: createLogger('silent'), settingsSync: false, readReplicas: false });
  try {
    const settings = host.runtime.settings;
    for (const [key, value] of Object.entries(input.settings)) settings.set(key, value);
    settings.version = input.settingsVersion;
    const ctx: HostContext = createRequestContext(host.runtime, input.principal, 'en', input.requestId, new Date(input.now));
    await host.runtime.database.db.transaction(
      async (tx) => {
        // Checked against the snapshot-id shape above: SET takes no bound parameters.
        await tx.execute(sql.raw(`set transaction snapshot '${input.snapshot}'`));
        const judging = await prepareJudging(ctx, tx, input.proposal);
        let buffer: ImpactEntry[] = [];
        const figures: SliceFigures = { loadMs: 0, evaluateMs: 0, pairsJudged: 0, ruleRuns: 0, sharedRuleRuns: 0 };
        // Slices are asked for one at a time: whichever thread is free takes the next (the run balances them).
        for (;;) {
          post({ kind: 'ready' });
          const m = await nextMessage();
          if (m.kind === 'end') break;
          const f = await judgeCustomers(
            ctx,
            tx,
            judging,
            m.book,
            (e) => {
              buffer.push(e);
              if (buffer.length >= POST_EVERY) {
                post({ kind: 'entries', entries: buffer });
                buffer = [];
              }
            },
            (done) => post({ kind: 'progress', done }),
          );
          for (const k of Object.keys(figures) as (keyof SliceFigures)[]) figures[k] += f[k];
        }
        if (buffer.length > 0) post({ kind: 'entries', entries: buffer });
        post({ kind: 'done', figures });
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
  } finally {
    await host.close();
  }
}

main(workerData as WorkerInput).catch((e: unknown) => {
  // What may be logged only (class, SQLSTATE, constraint — errorSummary): a failed query's text and
  // parameters never leave the worker.
  const s = errorSummary(e);
  parentPort!.postMessage({
    kind: 'error',
    name: s.name,
    message: [s.code, s.constraint, s.message].filter(Boolean).join(' ') || s.name,
  } satisfies WorkerMessage);
});
