import { Decimal } from 'decimal.js';
import insurance from '../../../plugins/insurance/index.js';
import type { LocalizedText, SettingsReader, SuitabilityFacts, SuitabilityRule } from '../../../src/sdk/index.js';
import type { Catalogue, PartnerProduct } from './catalogue.js';

/** The line this subgraph serves, as the bank names it (`ProductLine`), and the prefix of every reason code it gives. */
export const LINE = insurance.line;
const PREFIX = `${LINE}_`;

/**
 * The facts the line's rules read, from the bank's vocabulary (docs/federation.md): nothing that identifies the
 * customer. The bank sends exactly these; a rule reading anything else fails closed (`INSURANCE_RULE_ERROR`).
 */
export const DECLARED_FACTS = [
  'customer.age',
  'customer.legalCapacity',
  'customer.personalAnnualIncome',
  'customer.householdAnnualIncome',
  'sale.side',
  'sale.amount',
  'sale.channel',
  // The order terms the insurance rules read (rules/read-facts.ts saleTerms), each by name.
  'sale.details.premiumMode',
  'sale.details.paymentYears',
  'sale.details.insuredAge',
  'sale.details.insuredHasLegalCapacity',
  'sale.details.insuredIsMinorChildOfPolicyholder',
  'sale.details.insuredIsPolicyholder',
  'sale.completedSteps',
] as const;

/** One reason as the bank's contract query reads it. */
export interface ContractReason {
  code: string;
  outcome: string;
  step: string | null;
  messageZh: string;
  messageEn: string;
}

/** One reason in a verdict, messages filled in. */
export interface VerdictHit {
  code: string;
  outcome: string;
  messageZh: string;
  messageEn: string;
}

/** One evaluation request as it arrives (the bank's `SuitabilityRequest`). */
export interface EvaluationRequest {
  key: string;
  productCode: string;
  now?: string | null;
  customer: Record<string, unknown>;
  sale: Record<string, unknown>;
}

const prefixed = (code: string) => (code.startsWith(PREFIX) ? code : `${PREFIX}${code}`);

/** The subgraph's own reasons, beside the line's rules'. */
const OWN_REASONS: Record<string, { outcome: 'BLOCK'; message: LocalizedText }> = {
  UNKNOWN_PRODUCT: {
    outcome: 'BLOCK',
    message: { 'zh-CN': '保险公司没有产品 {code}', en: 'The insurer has no product {code}' },
  },
  DETAILS_INVALID: {
    outcome: 'BLOCK',
    message: { 'zh-CN': '投保要素无效：{problem}', en: 'The policy terms are not valid: {problem}' },
  },
  RULE_ERROR: {
    outcome: 'BLOCK',
    message: { 'zh-CN': '保险公司适当性规则 {ruleId} 执行失败，暂停销售', en: "The insurer's suitability rule {ruleId} failed; the sale is blocked" },
  },
};

/** `suitabilityContract`: the facts the rules read and every reason they can give (the line's rules' and this subgraph's own). */
export function contract(): { line: string; facts: string[]; reasons: ContractReason[] } {
  const reasons = new Map<string, ContractReason>();
  const add = (code: string, def: { outcome: string; step?: string; message: LocalizedText }) =>
    reasons.set(prefixed(code), {
      code: prefixed(code),
      outcome: def.outcome,
      step: def.step ?? null,
      messageZh: def.message['zh-CN'],
      messageEn: def.message.en,
    });
  for (const rule of insurance.rules ?? []) for (const [code, def] of Object.entries(rule.reasons)) add(code, def);
  for (const [code, def] of Object.entries(OWN_REASONS)) add(code, def);
  return { line: LINE, facts: [...DECLARED_FACTS], reasons: [...reasons.values()] };
}

const fill = (template: string, params: Readonly<Record<string, string | number>> = {}) =>
  template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));

const hitOf = (code: string, def: { outcome: string; message: LocalizedText }, params?: Record<string, string | number>): VerdictHit => ({
  code: prefixed(code),
  outcome: def.outcome,
  messageZh: fill(def.message['zh-CN'], params),
  messageEn: fill(def.message.en, params),
});

/** A facts object whose undeclared parts cannot be read: a rule that tries throws, and fails closed. */
function declaredOnly<T extends object>(what: string, values: T): T {
  return new Proxy(values, {
    get(target, key, receiver) {
      if (typeof key === 'string' && !(key in target) && key !== 'toJSON' && key !== 'then') throw new Error(`${what}.${key} is not a fact the bank sends`);
      return Reflect.get(target, key, receiver);
    },
  });
}

/** DETAILS_INVALID naming the problem, each language in its own words. */
const invalid = (problem: LocalizedText): VerdictHit[] => {
  const def = OWN_REASONS.DETAILS_INVALID!;
  return [
    {
      code: prefixed('DETAILS_INVALID'),
      outcome: def.outcome,
      messageZh: fill(def.message['zh-CN'], { problem: problem['zh-CN'] }),
      messageEn: fill(def.message.en, { problem: problem.en }),
    },
  ];
};

/** The sale's terms through the line's own schema and sizing (the partner's side of "the server computes what it books"). */
function saleTerms(
  request: EvaluationRequest,
  product: PartnerProduct,
  settings: SettingsReader,
): { details: Record<string, unknown>; quantity: string | null } | VerdictHit[] {
  let raw: unknown;
  try {
    raw = JSON.parse(typeof request.sale.details === 'string' ? request.sale.details : '{}');
  } catch {
    return invalid({ 'zh-CN': 'details 不是 JSON', en: 'details is not JSON' });
  }
  const parsed = insurance.orders!.details!.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = ['details', ...issue.path.map(String)].join('.');
    return invalid({ 'zh-CN': `${path}：${issue.message}`, en: `${path}: ${issue.message}` });
  }
  const sizing = insurance.orders!.sizing!;
  const amount = typeof request.sale.amount === 'string' ? request.sale.amount : null;
  let sized;
  try {
    sized = sizing.size({
      side: request.sale.side === 'SELL' ? 'SELL' : 'BUY',
      amount,
      quantity: null,
      currency: 'CNY',
      product: { id: product.id, currency: 'CNY', unitPrice: null, details: product.details },
      details: parsed.data,
      settings,
    });
  } catch (e) {
    const messages = (e as { messages?: LocalizedText }).messages;
    return invalid(messages ?? { 'zh-CN': '投保要素无法计算', en: 'the terms cannot be sized' });
  }
  for (const name of sizing.figures) {
    const stated = parsed.data[name];
    const computed = sized.figures[name];
    if (typeof stated === 'string' && computed !== undefined && new Decimal(stated).sub(computed).abs().gte('0.01'))
      return invalid({ 'zh-CN': `details.${name} 为 ${stated}，与计算值 ${computed} 不符`, en: `details.${name} ${stated} does not match ${computed}` });
  }
  return { details: { ...parsed.data, ...sized.figures }, quantity: sized.quantity };
}

/** Runs one rule like the bank's engine: its hits with its documented reasons, or its RULE_ERROR if it throws or answers an undocumented code. */
function runRule(rule: SuitabilityRule, facts: SuitabilityFacts, settings: SettingsReader, now: Date): VerdictHit[] {
  try {
    return rule.evaluate(facts, { settings, now }).map((hit) => {
      const def = rule.reasons[hit.code];
      if (!def) throw new Error(`rule ${rule.id} returned an undocumented reason code`);
      return hitOf(hit.code, def, hit.params);
    });
  } catch {
    return [hitOf('RULE_ERROR', OWN_REASONS.RULE_ERROR!, { ruleId: rule.id })];
  }
}

/** One request's verdict: the line's rules over the facts the bank sent and the insurer's own product terms. */
export function evaluate(catalogue: Catalogue, settings: SettingsReader, request: EvaluationRequest): { key: string; hits: VerdictHit[] } {
  const product = catalogue.byCode.get(request.productCode);
  if (!product) return { key: request.key, hits: [hitOf('UNKNOWN_PRODUCT', OWN_REASONS.UNKNOWN_PRODUCT!, { code: request.productCode })] };
  const terms = saleTerms(request, product, settings);
  if (Array.isArray(terms)) return { key: request.key, hits: terms };
  const now = request.now ? new Date(request.now) : new Date();
  const facts = {
    customer: declaredOnly('customer', { ...request.customer }),
    product: declaredOnly('product', { id: product.id, code: product.code, line: LINE, partnerCode: product.partnerCode, details: product.details }),
    sale: declaredOnly('sale', {
      ...request.sale,
      amount: typeof request.sale.amount === 'string' ? request.sale.amount : null,
      quantity: terms.quantity,
      details: terms.details,
      statedFigures: [],
      completedSteps: Array.isArray(request.sale.completedSteps) ? request.sale.completedSteps : [],
    }),
    now: now.toISOString(),
  } as unknown as SuitabilityFacts;
  const hits = (insurance.rules ?? []).filter((r) => !r.lines || r.lines.includes(LINE)).flatMap((r) => runRule(r, facts, settings, now));
  return { key: request.key, hits };
}
