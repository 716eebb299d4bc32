import type { AuditEntry } from './record.js';

/** Entries resolvers handed over during a request, by its context object. */
const pending = new WeakMap<object, AuditEntry[]>();

/** Opens the request's audit (done by the audit plugin when execution starts). */
export function openRequestAudit(ctx: object): void {
  pending.set(ctx, []);
}

/**
 * Adds entries to the request's audit, written with its customer-360 reads in
 * ONE insert when execution ends; if that write fails the whole response is
 * withheld, so nothing deferred here leaves unaudited. Throws when no audit is
 * open for this request (fail closed: no audit, no data).
 */
export function deferAudit(ctx: object, entries: AuditEntry[]): void {
  const list = pending.get(ctx);
  if (!list) throw new Error('no request audit is open: the data cannot be handed out');
  list.push(...entries);
}

/** The entries deferred so far, emptied. */
export function takeDeferredAudit(ctx: object): AuditEntry[] {
  const list = pending.get(ctx) ?? [];
  pending.set(ctx, []);
  return list;
}
