import { context, type Context } from '@opentelemetry/api';
import { sql } from 'drizzle-orm';
import type { HostContext } from '../graphql/context.js';
import { auditEvents } from '../db/schema/index.js';
import { asyncScope, type RequestTrace, type StatementLog } from '../observability/async-scope.js';
import type { AuditEntry } from './record.js';

type Db = HostContext['db'];
type AuditCtx = Pick<HostContext, 'db' | 'principal' | 'requestId'>;

/** One row of the trail as it travels to the database (who, request, what). */
interface AuditRow {
  actor: string;
  role: string;
  request_id: string;
  action: string;
  target_type: string;
  target_id: string;
  purpose: string | null;
  details: Record<string, unknown>;
}

interface Waiting {
  rows: AuditRow[];
  log: StatementLog | undefined;
  /** A traced request: its trace and span context (the shared insert's span goes under the first traced request it carries). */
  trace?: { trace: RequestTrace; context: Context };
  resolve: () => void;
  reject: (e: unknown) => void;
}

/** Rows per insert at most: a burst is written in several statements rather than one huge one. */
const MAX_ROWS_PER_INSERT = 5000;

/**
 * Group commit for the audit trail of reads. Every request that read customers
 * must have its entries durable before its response leaves (an unaudited read
 * must not happen), so each waits for an insert and its commit. Concurrent
 * requests share them: the first request's entries are written at once, and
 * whatever arrives while that insert is in flight goes out together in the
 * next one. A request alone is written as soon as it asks (no added latency);
 * under load, eight requests pay one insert and one WAL flush instead of eight.
 * When an insert fails, every request in it is told and withholds its data.
 *
 * The shared insert is counted in the statement log of each request it
 * carried (`x-sql-statements`): each still paid for one audit write.
 */
class AuditWriter {
  #queue: Waiting[] = [];
  #draining = false;

  constructor(private readonly db: Db) {}

  write(rows: AuditRow[], log: StatementLog | undefined): Promise<void> {
    const requestTrace = asyncScope.getStore()?.trace;
    const trace = requestTrace ? { trace: requestTrace, context: context.active() } : undefined;
    return new Promise<void>((resolve, reject) => {
      this.#queue.push({ rows, log, trace, resolve, reject });
      if (!this.#draining) void this.#drain();
    });
  }

  async #drain(): Promise<void> {
    this.#draining = true;
    try {
      while (this.#queue.length > 0) {
        const batch = this.#take();
        const rows = batch.flatMap((w) => w.rows);
        const statement = sql`insert into ${auditEvents} (actor, role, request_id, action, target_type, target_id, purpose, details)
          select e.actor, e.role, e.request_id, e.action, e.target_type, e.target_id, e.purpose, e.details
          from json_to_recordset(${JSON.stringify(rows)}::json)
            as e(actor text, role text, request_id text, action text, target_type text, target_id text, purpose text, details jsonb)`;
        try {
          // Outside any one request's scope: the statement belongs to all of them, counted below.
          // Traced: its span sits under the first traced request it carries.
          const traced = batch.find((w) => w.trace)?.trace;
          await asyncScope.run(traced ? { trace: traced.trace } : {}, async () => {
            if (traced) await context.with(traced.context, () => this.db.execute(statement));
            else await this.db.execute(statement);
          });
          for (const w of batch) count(w.log);
          for (const w of batch) w.resolve();
        } catch (e) {
          for (const w of batch) count(w.log);
          for (const w of batch) w.reject(e);
        }
      }
    } finally {
      this.#draining = false;
    }
  }

  /** The next insert's requests: all waiting, up to the row cap (a request's rows are never split). */
  #take(): Waiting[] {
    let n = 0;
    let i = 0;
    while (i < this.#queue.length && (i === 0 || n + this.#queue[i]!.rows.length <= MAX_ROWS_PER_INSERT)) n += this.#queue[i++]!.rows.length;
    return this.#queue.splice(0, i);
  }
}

const count = (log: StatementLog | undefined) => {
  if (!log) return;
  log.count += 1;
  log.statements.push('insert into "audit_events" … (shared audit write)');
};

const writers = new WeakMap<object, AuditWriter>();

/**
 * Appends `entries` to the audit trail through the database's group-commit
 * writer; resolves once they are committed, rejects if the write failed (the
 * caller must then withhold what it read). For the reads of a request, at its
 * end: an action that must be audited inside its own transaction uses
 * `recordAuditBatch` on that transaction instead.
 */
export function recordAuditShared(ctx: AuditCtx, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return Promise.resolve();
  let writer = writers.get(ctx.db);
  if (!writer) {
    writer = new AuditWriter(ctx.db);
    writers.set(ctx.db, writer);
  }
  const rows = entries.map((e) => ({
    actor: ctx.principal.subject,
    role: ctx.principal.role,
    request_id: ctx.requestId,
    action: e.action,
    target_type: e.targetType,
    target_id: e.targetId,
    purpose: e.purpose ?? null,
    details: e.details ?? {},
  }));
  return writer.write(rows, asyncScope.getStore()?.statements);
}
