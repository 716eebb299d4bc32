import { describe, expect, it } from 'vitest';
import type { HoldingFacts, SuitabilityFacts } from '../../../src/sdk/index.js';
import { evaluateRules, makeFacts, type FactsOverrides } from '../../../src/sdk/testing.js';
import { cardsRules } from '../rules/index.js';
import { cardsSettings } from '../settings.js';

type Details = { cardKind: string; accountClass: string | null; creditCardType: string | null };

const DEBIT_I: Details = { cardKind: 'DEBIT', accountClass: 'CLASS_I', creditCardType: null };
const DEBIT_II: Details = { cardKind: 'DEBIT', accountClass: 'CLASS_II', creditCardType: null };
const DEBIT_III: Details = { cardKind: 'DEBIT', accountClass: 'CLASS_III', creditCardType: null };
const CREDIT_STD: Details = { cardKind: 'CREDIT', accountClass: null, creditCardType: 'STANDARD' };
const CREDIT_STUDENT: Details = { cardKind: 'CREDIT', accountClass: null, creditCardType: 'STUDENT' };

let holdingSeq = 100;
/** A card of this bank the customer holds. */
function card(d: Details, extra: Partial<HoldingFacts> = {}): HoldingFacts {
  const id = holdingSeq++;
  return {
    productId: id,
    productCode: `CARD-${id}`,
    line: 'CARDS',
    quantity: '1',
    costAmount: '0',
    costCurrency: 'CNY',
    status: 'ACTIVE',
    openedAt: '2024-01-01T00:00:00.000Z',
    attributes: { ...d, issuedBy: 'THIS_BANK', maskedCardNumber: '622588******1234', openedAt: '2024-01-01T00:00:00.000Z' },
    ...extra,
  };
}

/** Facts for applying for a card product with `details`; the customer already holds one credit card unless told. */
function apply(details: Details, o: FactsOverrides = {}): SuitabilityFacts {
  return makeFacts({
    ...o,
    customer: { holdings: [card(CREDIT_STD)], ...o.customer },
    product: {
      line: 'CARDS',
      code: 'CARD-TEST',
      riskRating: 'R1',
      regime: 'OTHER',
      requiresRiskAssessment: false,
      minimumAmount: '0',
      amountStep: '0',
      details: { network: 'UnionPay', annualFee: '0', ...details },
      ...o.product,
    },
    sale: { amount: null, ...o.sale },
  });
}

function run(facts: SuitabilityFacts, overrides: Record<string, unknown> = {}) {
  return evaluateRules(cardsRules, facts, { source: 'cards', settings: cardsSettings, overrides });
}
const codes = (facts: SuitabilityFacts, overrides?: Record<string, unknown>) => run(facts, overrides).reasons.map((r) => r.code);

describe('cards.primary-credit-age', () => {
  it('blocks a primary credit card at 17 and allows it at 18', () => {
    const at17 = run(apply(CREDIT_STD, { customer: { age: 17 } }));
    expect(at17.outcome).toBe('BLOCK');
    const reason = at17.reasons.find((r) => r.code === 'UNDER_AGE_PRIMARY_CREDIT')!;
    expect(reason.message.en).toContain('17');
    expect(reason.message['zh-CN']).toContain('18');
    expect(reason.facts).toMatchObject({ age: 17, minimumAge: 18, supplementary: false });
    expect(codes(apply(CREDIT_STD, { customer: { age: 18 } }))).not.toContain('UNDER_AGE_PRIMARY_CREDIT');
  });

  it('allows a supplementary card on a parent’s account at 17', () => {
    const facts = apply(CREDIT_STD, { customer: { age: 17 }, sale: { details: { supplementary: true, primaryHolderCustomerId: 7 } } });
    expect(codes(facts)).not.toContain('UNDER_AGE_PRIMARY_CREDIT');
  });

  it('treats anything but supplementary: true as a primary card', () => {
    const facts = apply(CREDIT_STD, { customer: { age: 17 }, sale: { details: { supplementary: 'yes' } } });
    expect(codes(facts)).toContain('UNDER_AGE_PRIMARY_CREDIT');
  });

  it('follows the bank setting', () => {
    expect(codes(apply(CREDIT_STD, { customer: { age: 19 } }), { 'cards.minimumAgePrimaryCredit': 20 })).toContain('UNDER_AGE_PRIMARY_CREDIT');
  });

  it('does not apply to debit cards', () => {
    expect(codes(apply(DEBIT_I, { customer: { age: 12, holdings: [] } }))).not.toContain('UNDER_AGE_PRIMARY_CREDIT');
  });
});

describe('cards.student', () => {
  const student = (banks: string[], holdings: HoldingFacts[] = [card(DEBIT_I)]) =>
    apply(CREDIT_STUDENT, { customer: { age: 19, student: true, hasStableIncome: false, holdings, lines: { cards: { studentCardBanks: banks } } } });

  it('requires guardian consent with student cards from 1 other bank (cap 2)', () => {
    const d = run(student(['招商银行']));
    expect(d.reasons.map((r) => r.code)).toContain('GUARDIAN_CONSENT');
    expect(d.reasons.map((r) => r.code)).not.toContain('STUDENT_CARD_CAP');
    expect(d.requiredSteps).toContain('GUARDIAN_REPAYMENT_CONSENT');
    expect(d.missingSteps).toContain('GUARDIAN_REPAYMENT_CONSENT');
  });

  it('blocks with student cards from 2 other banks (cap 2), naming them', () => {
    const d = run(student(['招商银行', '中国银行']));
    expect(d.outcome).toBe('BLOCK');
    const r = d.reasons.find((x) => x.code === 'STUDENT_CARD_CAP')!;
    expect(r.message['zh-CN']).toContain('招商银行、中国银行');
    expect(r.facts).toMatchObject({ bankCount: 2, cap: 2 });
  });

  it('counts a student card of this bank as one bank', () => {
    const holdsOurs = student(['招商银行'], [card(DEBIT_I), card(CREDIT_STUDENT)]);
    const d = run(holdsOurs);
    expect(d.reasons.map((r) => r.code)).toContain('STUDENT_CARD_CAP');
    expect(d.reasons.find((x) => x.code === 'STUDENT_CARD_CAP')!.message.en).toContain('this bank, 招商银行');
  });

  it('counts the same bank reported twice once', () => {
    expect(codes(student(['招商银行', ' 招商银行']))).not.toContain('STUDENT_CARD_CAP');
  });

  it('treats a missing bureau report as no cards elsewhere', () => {
    const facts = apply(CREDIT_STUDENT, { customer: { age: 19, student: true, lines: {} } });
    expect(codes(facts)).toContain('GUARDIAN_CONSENT');
  });

  it('is satisfied once the guardian consent is recorded', () => {
    const facts = student(['招商银行']);
    facts.sale.completedSteps = ['GUARDIAN_REPAYMENT_CONSENT'];
    const d = run(facts);
    expect(d.reasons.find((r) => r.code === 'GUARDIAN_CONSENT')!.satisfied).toBe(true);
    expect(d.missingSteps).not.toContain('GUARDIAN_REPAYMENT_CONSENT');
  });

  it('does not apply to non-students', () => {
    expect(codes(apply(CREDIT_STD, { customer: { student: false, lines: { cards: { studentCardBanks: ['a', 'b', 'c'] } } } }))).toEqual([]);
  });

  it('follows the bank cap setting', () => {
    expect(codes(student(['招商银行']), { 'cards.studentCardBankCap': 1 })).toContain('STUDENT_CARD_CAP');
  });
});

describe('cards.first-credit-card', () => {
  it('requires a manual review for a first credit card here', () => {
    const d = run(apply(CREDIT_STD, { customer: { holdings: [card(DEBIT_I)] } }));
    expect(d.outcome).toBe('REQUIRE');
    expect(d.requiredSteps).toEqual(['MANUAL_REVIEW']);
  });

  it('needs no review when a credit card of this bank is held', () => {
    expect(codes(apply(CREDIT_STD, { customer: { holdings: [card(DEBIT_I), card(CREDIT_STD)] } }))).not.toContain('FIRST_CARD_MANUAL_REVIEW');
  });

  it('ignores closed cards', () => {
    const closed = card(CREDIT_STD, { status: 'CLOSED' });
    expect(codes(apply(CREDIT_STD, { customer: { holdings: [closed] } }))).toContain('FIRST_CARD_MANUAL_REVIEW');
  });
});

describe('cards.repayment-source', () => {
  it('blocks a credit card without stable income', () => {
    const d = run(apply(CREDIT_STD, { customer: { hasStableIncome: false, personalAnnualIncome: '0' } }));
    expect(d.outcome).toBe('BLOCK');
    expect(d.reasons.map((r) => r.code)).toEqual(['NO_REPAYMENT_SOURCE']);
  });

  it('allows it with stable income', () => {
    expect(run(apply(CREDIT_STD, { customer: { hasStableIncome: true } })).outcome).toBe('ALLOW');
  });

  it('leaves students to the guardian-consent path', () => {
    const facts = apply(CREDIT_STUDENT, { customer: { age: 20, student: true, hasStableIncome: false, lines: { cards: { studentCardBanks: [] } } } });
    expect(codes(facts)).not.toContain('NO_REPAYMENT_SOURCE');
    expect(codes(facts)).toContain('GUARDIAN_CONSENT');
  });

  it('does not apply to debit cards', () => {
    expect(codes(apply(DEBIT_II, { customer: { hasStableIncome: false } }))).not.toContain('NO_REPAYMENT_SOURCE');
  });
});

describe('cards.card-cap', () => {
  const holding = (n: number) => [card(DEBIT_I), ...Array.from({ length: n - 1 }, () => card(CREDIT_STD))];

  it('allows a fifth card with 4 held (cap 5)', () => {
    expect(codes(apply(CREDIT_STD, { customer: { holdings: holding(4) } }))).not.toContain('CARD_CAP_REACHED');
  });

  it('blocks with 5 held (cap 5), naming the cap', () => {
    const d = run(apply(DEBIT_II, { customer: { holdings: holding(5) } }));
    expect(d.outcome).toBe('BLOCK');
    const r = d.reasons.find((x) => x.code === 'CARD_CAP_REACHED')!;
    expect(r.message['zh-CN']).toContain('5 张');
    expect(r.message.en).toContain('limit is 5');
  });

  it('follows the setting: 4 held blocks with the cap at 3', () => {
    const d = run(apply(CREDIT_STD, { customer: { holdings: holding(4) } }), { 'cards.maxCardsPerCustomer': 3 });
    expect(d.reasons.find((x) => x.code === 'CARD_CAP_REACHED')!.message.en).toContain('limit is 3');
  });

  it('counts only open cards of this bank', () => {
    const others: HoldingFacts[] = [
      card(CREDIT_STD, { status: 'CLOSED' }),
      card(CREDIT_STD, { line: 'FUNDS' }),
      card(CREDIT_STD, { attributes: { ...CREDIT_STD, issuedBy: 'OTHER_BANK' } }),
    ];
    expect(codes(apply(CREDIT_STD, { customer: { holdings: [...holding(4), ...others] } }))).not.toContain('CARD_CAP_REACHED');
  });

  it('never holds back closing a card', () => {
    expect(codes(apply(CREDIT_STD, { customer: { holdings: holding(6) }, sale: { side: 'SELL' } }))).toEqual([]);
  });
});

describe('cards.real-name', () => {
  it('blocks a debit account without a verified ID', () => {
    const d = run(apply(DEBIT_I, { customer: { idVerified: false, holdings: [] } }));
    expect(d.outcome).toBe('BLOCK');
    expect(d.reasons.map((r) => r.code)).toEqual(['ID_NOT_VERIFIED']);
  });

  it('blocks a Class III account too', () => {
    expect(codes(apply(DEBIT_III, { customer: { idVerified: false } }))).toContain('ID_NOT_VERIFIED');
  });

  it('allows it with a verified ID', () => {
    expect(run(apply(DEBIT_I, { customer: { idVerified: true, holdings: [] } })).outcome).toBe('ALLOW');
  });
});

describe('cards.single-class-one', () => {
  it('blocks a second Class I account here', () => {
    const d = run(apply(DEBIT_I, { customer: { holdings: [card(DEBIT_I, { productCode: 'CARD-DC-STD' })] } }));
    expect(d.outcome).toBe('BLOCK');
    expect(d.reasons.find((r) => r.code === 'CLASS_I_EXISTS')!.message.en).toContain('CARD-DC-STD');
  });

  it('allows a first Class I account', () => {
    expect(codes(apply(DEBIT_I, { customer: { holdings: [card(DEBIT_II)] } }))).not.toContain('CLASS_I_EXISTS');
  });

  it('allows a Class II account beside a Class I one', () => {
    expect(codes(apply(DEBIT_II, { customer: { holdings: [card(DEBIT_I)] } }))).not.toContain('CLASS_I_EXISTS');
  });
});

describe('cards.account-class-limits', () => {
  it('warns with the Class II limits from settings', () => {
    const d = run(apply(DEBIT_II));
    expect(d.outcome).toBe('WARN');
    const r = d.reasons.find((x) => x.code === 'ACCOUNT_CLASS_LIMITS')!;
    expect(r.message['zh-CN']).toContain('10000');
    expect(r.message.en).toContain('200000');
    expect(r.message.en).toContain('Class II');
  });

  it('states changed limits', () => {
    const limits = { CLASS_II: { dailyCny: '5000', annualCny: '100000' }, CLASS_III: { balanceCny: '1000', dailyCny: '1000', annualCny: '20000' } };
    const r = run(apply(DEBIT_II), { 'cards.accountClassLimits': limits }).reasons.find((x) => x.code === 'ACCOUNT_CLASS_LIMITS')!;
    expect(r.message.en).toContain('CNY 5000 a day');
  });

  it('allows a Class III opening deposit of 2000 (with the warning)', () => {
    const d = run(apply(DEBIT_III, { sale: { details: { initialDeposit: '2000' } } }));
    expect(d.outcome).toBe('WARN');
    expect(d.reasons.find((x) => x.code === 'ACCOUNT_CLASS_LIMITS')!.message['zh-CN']).toContain('2000 元');
  });

  it('blocks a Class III opening deposit of 2000.01', () => {
    const d = run(apply(DEBIT_III, { sale: { details: { initialDeposit: '2000.01' } } }));
    expect(d.outcome).toBe('BLOCK');
    expect(d.reasons.find((x) => x.code === 'CLASS_III_BALANCE_CAP')!.message.en).toContain('2000.01');
  });

  it('reads the sale amount when no initial deposit is given', () => {
    expect(codes(apply(DEBIT_III, { sale: { amount: '2500' } }))).toContain('CLASS_III_BALANCE_CAP');
    expect(codes(apply(DEBIT_III, { sale: { amount: '1500' } }))).not.toContain('CLASS_III_BALANCE_CAP');
  });

  it('fails closed on a deposit that is not a number', () => {
    expect(codes(apply(DEBIT_III, { sale: { details: { initialDeposit: 'lots' } } }))).toContain('CLASS_III_BALANCE_CAP');
  });

  it('has no balance cap for Class II and nothing to say for Class I', () => {
    expect(codes(apply(DEBIT_II, { sale: { details: { initialDeposit: '50000' } } }))).toEqual(['ACCOUNT_CLASS_LIMITS']);
    expect(codes(apply(DEBIT_I, { customer: { holdings: [] } }))).toEqual([]);
  });
});

describe('every rule', () => {
  it('documents each reason in zh-CN and en, with a step for REQUIRE', () => {
    for (const rule of cardsRules) {
      expect(rule.id.startsWith('cards.')).toBe(true);
      for (const def of Object.values(rule.reasons)) {
        expect(def.message['zh-CN'].length).toBeGreaterThan(0);
        expect(def.message.en.length).toBeGreaterThan(0);
        if (def.outcome === 'REQUIRE') expect(def.step).toBeTruthy();
      }
    }
  });

  it('leaves no placeholder unfilled in any message it gives', () => {
    const cases = [
      apply(CREDIT_STD, { customer: { age: 17, hasStableIncome: false, holdings: [] } }),
      apply(CREDIT_STUDENT, { customer: { age: 19, student: true, lines: { cards: { studentCardBanks: ['a', 'b'] } } } }),
      apply(CREDIT_STUDENT, { customer: { age: 19, student: true, lines: { cards: { studentCardBanks: [] } } } }),
      apply(DEBIT_I, { customer: { idVerified: false, holdings: [card(DEBIT_I), card(DEBIT_II), card(DEBIT_III), card(CREDIT_STD), card(CREDIT_STD)] } }),
      apply(DEBIT_II),
      apply(DEBIT_III, { sale: { details: { initialDeposit: '3000' } } }),
    ];
    const reasons = cases.flatMap((f) => run(f).reasons);
    expect(new Set(reasons.map((r) => r.code)).size).toBe(10);
    for (const r of reasons) {
      expect(r.message['zh-CN']).not.toMatch(/\{\w+\}/);
      expect(r.message.en).not.toMatch(/\{\w+\}/);
      expect(r.source).toBe('cards');
    }
  });
});
