import { and, asc, eq, gt, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { HostContext } from '../graphql/context.js';
import { bundles } from '../db/schema/index.js';
import type { CustomerRecord } from '../domain/customers/customer.record.js';
import { text, type LocalizedText } from '../i18n/localized.js';
import { loadCustomerFacts } from '../suitability/facts-loader.js';
import { decide } from '../suitability/service.js';
import { outcomeRank, stricter, type Outcome, type SuitabilityDecisionRecord, type SuitabilityReason } from '../sdk/contract/suitability.js';
import { loadedItems, type BundleItemRow, type BundleRow } from './bundle.query.js';
import { checkTarget, type TargetCheck } from './targeting.js';
import { liveTier } from '../domain/customers/measures.js';
import type { ProductRecord } from '../domain/products/product.record.js';

/** A bundle evaluated for one customer (language-neutral; presented by the resolver). */
export interface EvaluatedOffer {
  bundle: BundleRow;
  items: { item: BundleItemRow; product: ProductRecord; decision: SuitabilityDecisionRecord }[];
  decision: SuitabilityDecisionRecord;
  targeting: TargetCheck[];
  fits: boolean;
  recommended: boolean;
  explanation: LocalizedText;
}

/** The bundle's decision: strictest outcome of its items; every reason kept, its message naming the item. */
export function combineItems(items: EvaluatedOffer['items'], evaluatedAt: string): SuitabilityDecisionRecord {
  let outcome: Outcome = 'ALLOW';
  const reasons: SuitabilityReason[] = [];
  const ruleVersions: Record<string, string> = {};
  for (const { product, decision } of items) {
    outcome = stricter(outcome, decision.outcome);
    Object.assign(ruleVersions, decision.ruleVersions);
    for (const r of decision.reasons) {
      reasons.push({
        ...r,
        message: text(`【${product.nameZh}】${r.message['zh-CN']}`, `[${product.nameEn}] ${r.message.en}`),
        facts: { ...r.facts, productCode: product.code },
      });
    }
  }
  const unique = (xs: string[]) => [...new Set(xs)];
  return {
    outcome,
    reasons,
    requiredSteps: unique(items.flatMap((i) => i.decision.requiredSteps)),
    missingSteps: unique(items.flatMap((i) => i.decision.missingSteps)),
    evaluatedAt,
    ruleVersions,
  };
}

function explain(b: BundleRow, fits: boolean, targeting: TargetCheck[], items: EvaluatedOffer['items'], outcome: Outcome): LocalizedText {
  const misses = targeting.filter((c) => !c.matched);
  const blocked = items.filter((i) => i.decision.outcome === 'BLOCK').map((i) => i.product);
  if (!fits) {
    return text(`不符合目标客群：${misses.map((m) => m.message['zh-CN']).join('；')}`, `Not the target segment: ${misses.map((m) => m.message.en).join('; ')}`);
  }
  if (blocked.length > 0) {
    return text(
      `符合目标客群，但以下产品不适合该客户：${blocked.map((p) => p.nameZh).join('、')}`,
      `In the target segment, but these products are not suitable: ${blocked.map((p) => p.nameEn).join(', ')}`,
    );
  }
  const why = targeting.length > 0 ? targeting.map((c) => c.message['zh-CN']).join('；') : '面向所有客户';
  const whyEn = targeting.length > 0 ? targeting.map((c) => c.message.en).join('; ') : 'open to every customer';
  const steps = outcome === 'REQUIRE' ? text('，办理前需完成相应程序', '; some items need a step first') : text('', '');
  return text(`推荐「${b.nameZh}」：${why}，所有产品均适合${steps['zh-CN']}`, `Recommended "${b.nameEn}": ${whyEn}; every item is suitable${steps.en}`);
}

/** The bundles on offer at an instant: the current version of each, within its validity dates. */
export const offeredAt = (now: Date): SQL =>
  and(eq(bundles.status, 'ACTIVE'), or(isNull(bundles.validFrom), lte(bundles.validFrom, now)), or(isNull(bundles.validTo), gt(bundles.validTo, now)))!;

/**
 * Every active bundle for one customer, recommended ones first (then fitting,
 * then by how strict the decision is). Items are evaluated as a manager
 * recommending them at the counter would be (initiator STAFF), at the
 * suggested amount.
 */
export async function bundleOffersFor(ctx: HostContext, c: CustomerRecord): Promise<EvaluatedOffer[]> {
  const facts = await loadCustomerFacts(ctx, c.id);
  if (!facts) return [];
  // The live tier, as the customer's `tier` field shows it (basis and today's prices), for minimum-tier targeting.
  const [rows, tier] = await Promise.all([ctx.db.select().from(bundles).where(offeredAt(ctx.now)).orderBy(asc(bundles.id)), liveTier(c, ctx)]);
  const offers = await Promise.all(
    rows.map(async (b): Promise<EvaluatedOffer | null> => {
      const loaded = await loadedItems(ctx, b.id);
      if (loaded.length === 0) return null;
      const items = await Promise.all(
        loaded.map(async ({ item, product }) => ({
          item,
          product,
          decision: (
            await decide(ctx, facts, product, {
              side: 'BUY',
              amount: item.suggestedAmount,
              channel: 'COUNTER',
              initiator: 'STAFF',
              details: {},
              completedSteps: [],
            })
          ).decision,
        })),
      );
      const decision = combineItems(items, ctx.now.toISOString());
      const targeting = checkTarget(b, c, tier, ctx.settings, ctx.now);
      const fits = targeting.every((t) => t.matched);
      const recommended = fits && decision.outcome !== 'BLOCK';
      return { bundle: b, items, decision, targeting, fits, recommended, explanation: explain(b, fits, targeting, items, decision.outcome) };
    }),
  );
  return offers
    .filter((o): o is EvaluatedOffer => o !== null)
    .sort(
      (a, b) =>
        Number(b.recommended) - Number(a.recommended) ||
        Number(b.fits) - Number(a.fits) ||
        outcomeRank(a.decision.outcome) - outcomeRank(b.decision.outcome) ||
        a.bundle.id - b.bundle.id,
    );
}
