import type { HostContext } from '../app/runtime.js';
import { auditEvents } from '../db/schema/index.js';

/** Actions written to the audit trail. */
export type AuditAction = 'CUSTOMER_360_READ' | 'PII_REVEAL' | 'PII_SEARCH' | (string & {});

/** One audit entry, as a caller describes it. */
export interface AuditEntry {
  action: AuditAction;
  targetType: string;
  targetId: string;
  /** The stated purpose (required for PII_REVEAL). */
  purpose?: string;
  /**
   * Context for the reader of the trail. Never personal data: field names,
   * counts and codes only — the trail is read by more people than the data.
   */
  details?: Record<string, unknown>;
}

type AuditCtx = Pick<HostContext, 'db' | 'principal' | 'requestId'>;

const toRow = (ctx: AuditCtx, e: AuditEntry) => ({
  actor: ctx.principal.subject,
  role: ctx.principal.role,
  action: e.action,
  targetType: e.targetType,
  targetId: e.targetId,
  purpose: e.purpose ?? null,
  requestId: ctx.requestId,
  details: e.details ?? {},
});

/**
 * Appends entries to the audit trail in one statement (who, what, when,
 * purpose, request id). Throws when the write fails: callers must not hand
 * out what they could not audit.
 */
export async function recordAuditBatch(ctx: AuditCtx, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await ctx.db.insert(auditEvents).values(entries.map((e) => toRow(ctx, e)));
}

/** Appends one entry to the audit trail; see {@link recordAuditBatch}. */
export function recordAudit(ctx: AuditCtx, entry: AuditEntry): Promise<void> {
  return recordAuditBatch(ctx, [entry]);
}
