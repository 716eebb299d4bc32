import { Worker } from 'node:worker_threads';
import type { BookRow, ImpactEntry, SliceFigures } from './judge-book.js';
import type { RunMessage, WorkerInput, WorkerMessage } from './worker-protocol.js';

/** How long a worker may go without a word (booting included) before the run gives up on it. */
const SILENCE_MS = 120_000;

/** A failure inside an impact worker, by the class and message it reported. */
export class ImpactWorkerError extends Error {}

/**
 * Judges slices of the book on a worker thread (`impact-worker`): each time the worker is free it takes the
 * next slice `nextSlice` hands out (null: none left); entries and progress (customers done in its current
 * slice) come back through the callbacks as they are judged; resolves with the worker's figures.
 */
export function judgeInWorker(
  input: WorkerInput,
  on: { nextSlice(): BookRow[] | null; entries(entries: ImpactEntry[]): void; progress(done: number): void },
  signal: AbortSignal,
): Promise<SliceFigures> {
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(fromSource ? './impact-worker.ts' : './impact-worker.js', import.meta.url);
  // From the sources the worker registers tsx before loading its TypeScript (a worker's `--import` is not
  // honoured on Node 20); tsx is found from the working directory, the repository's root under npm and vitest.
  const worker = fromSource
    ? new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })`, {
        eval: true,
        workerData: input,
      })
    : new Worker(entry, { workerData: input });
  // The run failed elsewhere: stop judging for it.
  signal.addEventListener('abort', () => void worker.terminate(), { once: true });
  return new Promise<SliceFigures>((resolve, reject) => {
    let settled = false;
    let watchdog: NodeJS.Timeout | undefined;
    const settle = (f: () => void) => {
      if (!settled) {
        settled = true;
        clearTimeout(watchdog);
        f();
      }
    };
    // A worker reports after every batch it judges (a second or so): one that says nothing for this long is
    // stuck, and a run must not stay RUNNING for ever.
    const heard = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => {
        void worker.terminate();
        settle(() => reject(new ImpactWorkerError(`impact worker silent for ${SILENCE_MS / 1000} s`)));
      }, SILENCE_MS);
    };
    heard();
    worker.on('message', (m: WorkerMessage) => {
      heard();
      if (m.kind === 'ready') {
        const book = on.nextSlice();
        worker.postMessage(book === null ? ({ kind: 'end' } satisfies RunMessage) : ({ kind: 'slice', book } satisfies RunMessage));
      } else if (m.kind === 'entries') on.entries(m.entries);
      else if (m.kind === 'progress') on.progress(m.done);
      else if (m.kind === 'done') settle(() => resolve(m.figures));
      else settle(() => reject(new ImpactWorkerError(`impact worker failed: ${m.name}: ${m.message}`)));
    });
    worker.on('error', (e) => settle(() => reject(e)));
    worker.on('exit', (code) => settle(() => reject(new ImpactWorkerError(`impact worker exited (${code}) before it finished`))));
  });
}
