import type { Principal } from '../auth/principal.js';
import type { Config } from '../config/config.js';
import type { BookRow, ImpactEntry, SliceFigures } from './judge-book.js';
import type { CheckedProposal } from './proposal.js';

/** What an impact worker is given: everything to judge its slice as the run's node would. */
export interface WorkerInput {
  config: Config;
  /** The bank settings as the run's node holds them (values by key) and their version. */
  settings: Record<string, unknown>;
  settingsVersion: number;
  principal: Principal;
  requestId: string;
  /** The instant judged at (ISO). */
  now: string;
  /** `pg_export_snapshot()` of the run's transaction. */
  snapshot: string;
  proposal: CheckedProposal;
}

/** What the run sends a worker: the next slice of the book to judge, or that there is none left. */
export type RunMessage = { kind: 'slice'; book: BookRow[] } | { kind: 'end' };

/** What an impact worker says: ready for a slice, entries judged, customers done (in its current slice), finished, failed. */
export type WorkerMessage =
  | { kind: 'ready' }
  | { kind: 'entries'; entries: ImpactEntry[] }
  | { kind: 'progress'; done: number }
  | { kind: 'done'; figures: SliceFigures }
  | { kind: 'error'; name: string; message: string };

/** The shape of an exported snapshot id (e.g. `00000003-0000001B-1`). */
export const SNAPSHOT_ID = /^[0-9A-F]+-[0-9A-F]+-[0-9]+$/i;
