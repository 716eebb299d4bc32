import type { HostContext } from '../../graphql/context.js';
import type { ApprovalAction } from './maker-checker.settings.js';

/** What an approved action produced: a node (type and global id) or a setting key. */
export interface ApprovalResult {
  type: string;
  id: string;
}

/**
 * Runs an approved action: the mutation's own function, called with the stored input in a context of the
 * maker — so every check it makes (scope, state, versions, suitability) is made again against the state of
 * the moment. Registered by the module that owns the mutation.
 */
export type ApprovalExecutor = (ctx: HostContext, input: Record<string, unknown>) => Promise<ApprovalResult>;

const executors = new Map<ApprovalAction, ApprovalExecutor>();

/** Registers the executor of an action (once, at import). */
export function registerApprovalExecutor(action: ApprovalAction, run: ApprovalExecutor): void {
  if (executors.has(action)) throw new Error(`approval executor for ${action} registered twice`);
  executors.set(action, run);
}

export function executorOf(action: string): ApprovalExecutor {
  const run = executors.get(action as ApprovalAction);
  if (!run) throw new Error(`no approval executor for ${action}`);
  return run;
}

/** An approved action never comes back as another approval: its gate let it through. */
export function produced<T extends object>(value: T): Exclude<T, { makerSubject: string }> {
  if ('makerSubject' in value) throw new Error('an approved action was held again');
  return value as Exclude<T, { makerSubject: string }>;
}
