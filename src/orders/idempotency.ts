import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { idempotencyKeys } from '../db/schema/index.js';
import { badInput, conflict, FinmartError } from '../graphql/errors.js';
import { text } from '../i18n/localized.js';

/** Canonical JSON: object keys sorted, undefined dropped, so equal inputs hash equally. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** sha256 of the canonical JSON of a request. */
export const requestHash = (input: unknown): string => createHash('sha256').update(canonicalJson(input)).digest('hex');

/** Checks a client-chosen idempotency key: 8–100 printable characters. */
export function checkIdempotencyKey(key: string): string {
  if (typeof key !== 'string' || key.length < 8 || key.length > 100 || !/^[\x21-\x7e]+$/.test(key)) {
    throw badInput(text('幂等键须为 8 到 100 个可见字符', 'idempotencyKey must be 8 to 100 printable characters'), 'idempotencyKey');
  }
  return key;
}

/** What a claim found: the key is ours to execute, or a finished first response to replay. */
export type Claim<R> = { state: 'new' } | { state: 'replay'; response: R };

/**
 * Claims `(principal, key)` as the first statement of the caller's transaction.
 * The insert takes the key's row lock; a concurrent duplicate blocks on it (on
 * PostgreSQL the unique index makes it wait for our commit) and then reads our
 * stored response under `FOR UPDATE`, so one key executes once.
 */
export async function claimIdempotencyKey<R>(tx: Tx, principal: string, key: string, operation: string, hash: string): Promise<Claim<R>> {
  const inserted = await tx
    .insert(idempotencyKeys)
    .values({ principal, key, operation, requestHash: hash })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (inserted.length > 0) return { state: 'new' };
  const [row] = await tx
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.principal, principal), eq(idempotencyKeys.key, key)))
    .for('update');
  if (!row) throw conflict(text('幂等键状态异常，请重试', 'The idempotency key is in an unexpected state; retry'));
  if (row.requestHash !== hash || row.operation !== operation) {
    throw new FinmartError('IDEMPOTENCY_KEY_REUSED', text('该幂等键已用于另一笔不同的请求', 'This idempotency key was already used for a different request'), {
      idempotencyKey: key,
    });
  }
  if (row.response === null || row.response === undefined) {
    throw conflict(text('使用该幂等键的请求仍在处理中', 'A request with this idempotency key is still in progress'));
  }
  return { state: 'replay', response: row.response as R };
}

/** Stores the first response of a claimed key, in the same transaction. */
export async function storeIdempotentResponse(tx: Tx, principal: string, key: string, response: unknown): Promise<void> {
  await tx
    .update(idempotencyKeys)
    .set({ response })
    .where(and(eq(idempotencyKeys.principal, principal), eq(idempotencyKeys.key, key)));
}

/**
 * Stores a sale's answer (an order or bundle order, or its refusal) under the key it claimed — except a refusal met
 * while running an approved action: then the key is given back, so the next request with it runs afresh. The
 * approval stays open to be approved again once the facts allow (maker-checker `approve`), which a refusal kept
 * as the key's answer would replay for ever; the refusal's decision record is kept either way.
 */
export async function storeSaleAnswer(tx: Tx, principal: string, key: string, response: { kind: string }, runningApproval: boolean): Promise<void> {
  if (response.kind === 'refused' && runningApproval) {
    await tx.delete(idempotencyKeys).where(and(eq(idempotencyKeys.principal, principal), eq(idempotencyKeys.key, key)));
  } else {
    await storeIdempotentResponse(tx, principal, key, response);
  }
}
