import type { HostContext } from '../graphql/context.js';
import { assertIndependentDecision as assertIndependent, recordParticipation as record, type CaseRef, type CaseRole } from '../controls/four-eyes.js';
import { pledgeHolding as pledge, releasePledge as release } from '../controls/pledges.js';
import { loadCustomerFacts } from '../suitability/facts-loader.js';
import type { Tx } from '../db/client.js';
import { customerLoader, productLoader } from '../domain/core-loaders.js';
import { leadLoader } from '../domain/leads/lead.loader.js';
import type { RequestContext } from '../graphql/context.js';
import { notFound } from '../graphql/errors.js';
import { text } from '../i18n/localized.js';
import { recordDecision } from '../orders/decision-record.js';
import { decideFor } from '../suitability/service.js';
import type { CustomerFacts, Initiator, SaleChannel, SuitabilityDecisionRecord, SuitabilityFacts } from './contract/suitability.js';

export type { CaseRef, CaseRole } from '../controls/four-eyes.js';

/** An application's terms as the line's rules judge them. */
export interface ApplicationTerms {
  customerId: number;
  productId: number;
  amount: string;
  /** The line's `orders.details` (validated by its schema; figures are the server's). */
  details: Record<string, unknown>;
  completedSteps: string[];
  channel: SaleChannel;
  initiator: Initiator;
}

export interface JudgedApplication {
  decision: SuitabilityDecisionRecord;
  /** The figures the server computed (e.g. the monthly payment). */
  figures: Record<string, string>;
  /** What the decision record needs; opaque to plugins. */
  readonly evidence: { facts: SuitabilityFacts };
}

/**
 * Judges an application by every rule of the host and the line, exactly as an
 * order would be (the server sizes it; the client's figures are never taken).
 * Reads only: call it before opening the transaction that records the step
 * (embedded PGlite runs one transaction at a time), then
 * {@link recordApplicationDecision} inside it. NOT_FOUND when the customer is
 * outside the caller's book or the product unknown.
 */
export async function judgeApplication(ctx: RequestContext, terms: ApplicationTerms): Promise<JudgedApplication> {
  const host = ctx as HostContext;
  const product = await productLoader(host).load(terms.productId);
  if (!product) throw notFound(text('产品', 'product'));
  const decided = await decideFor(host, terms.customerId, product, {
    side: 'BUY',
    amount: terms.amount,
    channel: terms.channel,
    initiator: terms.initiator,
    details: terms.details,
    completedSteps: terms.completedSteps,
  });
  if (!decided) throw notFound(text('客户', 'customer'));
  return { decision: decided.decision, figures: decided.size.figures, evidence: { facts: decided.facts } };
}

/** Writes a judged application's decision record (purpose APPLICATION) in `tx`: the evidence of that step. Returns its id. */
export function recordApplicationDecision(ctx: RequestContext, tx: Tx, judged: JudgedApplication): Promise<number> {
  return recordDecision(tx, {
    purpose: 'APPLICATION',
    decision: judged.decision,
    facts: judged.evidence.facts,
    actor: ctx.principal.subject,
    requestId: ctx.requestId,
    at: ctx.now,
  });
}

/** Records that the caller marketed or investigated a case (separation of duties is checked against it when someone decides). */
export const recordParticipation = (ctx: RequestContext, tx: Tx, ref: CaseRef, role: CaseRole): Promise<void> => record(tx, ctx.principal, ref, role, ctx.now);

/**
 * Refuses (FORBIDDEN, extensions.reason SELF_APPROVAL or APPROVAL_AUTHORITY) a
 * decision by someone who marketed or investigated the case, or without the
 * authority for its amount (core.approvalAuthority); records the decider.
 */
export const assertIndependentDecision = (ctx: RequestContext, tx: Tx, ref: CaseRef, amountCny: string): Promise<void> =>
  assertIndependent(tx, ctx.principal, ref, amountCny, ctx.settings, ctx.now);

/**
 * The customer if they are in the caller's book (the host's customer scope), else null:
 * a plugin's own records about a customer (applications, loans) are visible exactly when the customer is.
 */
export const customerInScope = (ctx: RequestContext, customerId: number) => customerLoader(ctx as HostContext).load(customerId);

/**
 * Pledges a customer's open position to a case (质押: a pledge loan's collateral), in `tx`, under the row
 * lock redemptions take: from then on the host refuses to redeem it (BAD_USER_INPUT, reason HOLDING_PLEDGED)
 * until {@link releasePledge}. BAD_USER_INPUT when it is not the customer's ACTIVE position, CONFLICT when
 * another case holds it.
 */
export const pledgeHolding = (ctx: RequestContext, tx: Tx, customerId: number, holdingId: number, ref: CaseRef) =>
  pledge(tx, customerId, holdingId, ref, ctx.now);

/** Releases the case's pledge on a position (the loan is settled), in `tx`. */
export const releasePledge = (tx: Tx, holdingId: number, ref: CaseRef, now: Date): Promise<void> => release(tx, holdingId, ref, now);

/**
 * The customer as suitability rules see them (holdings with market values and pledges, each line's
 * facts), or null outside the caller's book: for a plugin's own checks outside a rule (post-loan warnings).
 * Batched per request with the rules' own reads.
 */
export const customerFacts = (ctx: RequestContext, customerId: number): Promise<CustomerFacts | null> => loadCustomerFacts(ctx as HostContext, customerId);

/** Whether a lead (by its numeric id) exists in the caller's lead scope: an application that says it came from a lead must name one the caller may see. */
export const leadInScope = async (ctx: RequestContext, leadId: number): Promise<boolean> => (await leadLoader(ctx as HostContext).load(leadId)) !== null;
