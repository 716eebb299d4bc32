import type { orders } from '../db/schema/index.js';
import { FinmartError } from '../graphql/errors.js';
import type { Lang, LocalizedText } from '../i18n/localized.js';
import { toGlobalId } from '../graphql/relay/global-id.js';
import { presentDecision } from '../suitability/decision.types.js';
import type { SuitabilityDecisionRecord } from '../sdk/contract/suitability.js';

export type OrderRow = typeof orders.$inferSelect;

/**
 * The first response of an order request, as stored with its idempotency key:
 * the order as it was accepted, or the refusal with its full decision.
 */
export type StoredOrderResponse =
  | { kind: 'order'; order: Record<string, unknown> }
  | {
      kind: 'refused';
      code: 'SUITABILITY_BLOCKED' | 'SUITABILITY_STEPS_REQUIRED';
      message: LocalizedText;
      decisionId: number;
      decision: SuitabilityDecisionRecord;
    };

const DATE_FIELDS = ['placedAt', 'coolingOffEndsAt', 'settledAt', 'cancelledAt'] as const;

/** JSON of an order row (dates as ISO strings). */
export const orderToJson = (row: OrderRow): Record<string, unknown> => JSON.parse(JSON.stringify(row)) as Record<string, unknown>;

/** An order row back from its stored JSON. */
export function orderFromJson(json: Record<string, unknown>): OrderRow {
  const row = { ...json } as Record<string, unknown>;
  for (const f of DATE_FIELDS) row[f] = row[f] ? new Date(row[f] as string) : null;
  return row as unknown as OrderRow;
}

/** The error a refusal is given to the caller as (the same on every replay). */
export function refusalError(r: Extract<StoredOrderResponse, { kind: 'refused' }>, lang: Lang): FinmartError {
  const presented = presentDecision(r.decision, lang);
  return new FinmartError(r.code, r.message, {
    decisionId: toGlobalId('SuitabilityDecisionRecord', r.decisionId),
    outcome: presented.outcome,
    reasons: presented.reasons,
    requiredSteps: presented.requiredSteps,
    missingSteps: presented.missingSteps,
  });
}

/** Turns a stored response into the order, or throws the stored refusal. */
export function replay(response: StoredOrderResponse, lang: Lang): OrderRow {
  if (response.kind === 'order') return orderFromJson(response.order);
  throw refusalError(response, lang);
}
