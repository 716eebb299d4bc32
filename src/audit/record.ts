import type { HostContext } from '../graphql/context.js';
import { sql } from 'drizzle-orm';
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

/**
 * Appends entries to the audit trail in one statement (who, what, when,
 * purpose, request id). Throws when the write fails: callers must not hand
 * out what they could not audit. The entries travel as one JSON parameter
 * (`json_to_recordset`), not eight per row: a page of 100 customers is one
 * small statement to build and send, on every request that reads customers.
 */
export async function recordAuditBatch(ctx: AuditCtx, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const rows = JSON.stringify(
    entries.map((e) => ({ action: e.action, target_type: e.targetType, target_id: e.targetId, purpose: e.purpose ?? null, details: e.details ?? {} })),
  );
  await ctx.db.execute(sql`insert into ${auditEvents} (actor, role, request_id, action, target_type, target_id, purpose, details)
    select ${ctx.principal.subject}, ${ctx.principal.role}, ${ctx.requestId}, e.action, e.target_type, e.target_id, e.purpose, e.details
    from json_to_recordset(${rows}::json) as e(action text, target_type text, target_id text, purpose text, details jsonb)`);
}

/** Appends one entry to the audit trail; see {@link recordAuditBatch}. */
export function recordAudit(ctx: AuditCtx, entry: AuditEntry): Promise<void> {
  return recordAuditBatch(ctx, [entry]);
}
