import type { Tx } from '../db/client.js';
import { sql } from 'drizzle-orm';
import { customers, suitabilityDecisions } from '../db/schema/index.js';
import type { SuitabilityDecisionRecord, SuitabilityFacts, SuitabilityReason, Outcome } from '../sdk/contract/suitability.js';

export type DecisionRow = typeof suitabilityDecisions.$inferSelect;

/** Why a decision was recorded: an accepted order, or a refused attempt. */
export type DecisionPurpose = 'ORDER' | 'ORDER_REFUSED' | 'APPLICATION' | 'BUNDLE_REFUSED';

/**
 * Writes the compliance evidence of one evaluation: outcome, every reason (in
 * both languages), the facts as evaluated and the rule versions. Never recomputed.
 */
export async function recordDecision(
  tx: Tx,
  input: { purpose: DecisionPurpose; decision: SuitabilityDecisionRecord; facts: SuitabilityFacts; actor: string; requestId: string; at: Date },
): Promise<number> {
  const { decision, facts } = input;
  const [row] = await tx
    .insert(suitabilityDecisions)
    .values({
      customerId: facts.customer.id,
      productId: facts.product.id,
      line: facts.product.line,
      purpose: input.purpose,
      outcome: decision.outcome,
      reasons: decision.reasons,
      reasonCodes: [...new Set(decision.reasons.map((r) => r.code))],
      ruleIds: [...new Set(decision.reasons.map((r) => r.ruleId))],
      requiredSteps: decision.requiredSteps,
      facts: facts as unknown as Record<string, unknown>,
      ruleVersions: decision.ruleVersions,
      actor: input.actor,
      requestId: input.requestId,
      evaluatedAt: input.at,
      // Compliance checks by branch and manager: the customer's, as they stand when the decision is taken (read in the same statement).
      initiator: facts.sale.initiator,
      settingsVersion: decision.settingsVersion ?? 0,
      managerId: sql`(select ${customers.managerId} from ${customers} where ${customers.id} = ${facts.customer.id})`,
      branchId: sql`(select ${customers.branchId} from ${customers} where ${customers.id} = ${facts.customer.id})`,
    })
    .returning({ id: suitabilityDecisions.id });
  return row.id;
}

/** A stored decision in the engine's shape, so it is presented like a live one. */
export function storedDecision(row: DecisionRow): SuitabilityDecisionRecord {
  const reasons = row.reasons as SuitabilityReason[];
  const missing = [...new Set(reasons.filter((r) => r.outcome === 'REQUIRE' && r.step && !r.satisfied).map((r) => r.step!))];
  return {
    outcome: row.outcome as Outcome,
    reasons,
    requiredSteps: row.requiredSteps,
    missingSteps: missing,
    evaluatedAt: row.evaluatedAt.toISOString(),
    ruleVersions: row.ruleVersions,
  };
}
