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
    id,
    productId: id,
    productCode: `CARD-${id}`,
    line: 'CARDS',
    quantity: '1',
    costAmount: '0',
    costCurrency: 'CNY',
    status: 'ACTIVE',
    openedAt: '2024-01-01T00:00:00.000Z',
    attributes: { ...d, issuedBy: 'THIS_BANK', maskedCardNumber: '622588******1234', openedAt: '2024-01-01T00:00:00.000Z' },
    marketValue: '0.00',
    valueCurrency: 'CNY',
    marketValueCny: '0.00',
    pledgedTo: null,
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
    const d = run(facts);
    expect(d.outcome).toBe('BLOCK');
    expect(d.reasons.map((r) => r.code)).toEqual(['UNDER_AGE_PRIMARY_CREDIT']);
    expect(d.reasons[0]!.facts).toMatchObject({ supplementary: false });
  });

  it('follows the bank setting', () => {
    const over = { 'cards.minimumAgePrimaryCredit': 20 };
    const at19 = run(apply(CREDIT_STD, { customer: { age: 19 } }), over);
    expect(at19.outcome).toBe('BLOCK');
    expect(at19.reasons.map((r) => r.code)).toEqual(['UNDER_AGE_PRIMARY_CREDIT']);
    expect(run(apply(CREDIT_STD, { customer: { age: 20 } }), over).outcome).toBe('ALLOW');
  });

  it('does not apply to debit cards', () => {
    expect(codes(apply(DEBIT_I, { customer: { age: 12, holdings: [] } }))).not.toContain('UNDER_AGE_PRIMARY_CREDIT');
  });
});

/** The credit bureau's report of a customer, `ageDays` old, showing student credit cards at `banks` (plus any other card rows). */
const bureau = (banks: unknown[], ageDays = 5, cards: unknown[] = banks.map((issuer) => ({ issuer, type: 'CREDIT', student: true }))) => ({
  CREDIT_REPORT: {
    source: 'CREDIT_BUREAU',
    reportedAt: '2026-11-18T02:00:00.000Z',
    ageDays,
    payload: { cards, loans: [], overdue: { current: false, maxDaysLast24Months: 0 } },
  },
});

describe('cards.student', () => {
  const student = (banks: string[], holdings: HoldingFacts[] = [card(DEBIT_I)]) =>
    apply(CREDIT_STUDENT, { customer: { age: 19, student: true, hasStableIncome: false, holdings, external: bureau(banks) } });

  it('requires guardian consent with student cards from 1 other bank (cap 2)', () => {
    const d = run(student(['招商银行']));
    expect(d.outcome).toBe('REQUIRE');
    expect(d.reasons.map((r) => r.code)).toContain('GUARDIAN_CONSENT');
    expect(d.reasons.find((r) => r.code === 'GUARDIAN_CONSENT')).toMatchObject({ outcome: 'REQUIRE', step: 'GUARDIAN_REPAYMENT_CONSENT' });
    expect(d.reasons.map((r) => r.code)).not.toContain('STUDENT_CARD_CAP');
    expect(d.requiredSteps).toContain('GUARDIAN_REPAYMENT_CONSENT');
    expect(d.missingSteps).toContain('GUARDIAN_REPAYMENT_CONSENT');
  });

  it('blocks with student cards from 2 other banks (cap 2), naming them', () => {
    const d = run(student(['招商银行', '中国银行']));
    expect(d.outcome).toBe('BLOCK');
    const r = d.reasons.find((x) => x.code === 'STUDENT_CARD_CAP')!;
    expect(r.outcome).toBe('BLOCK');
    expect(r.message['zh-CN']).toContain('2 家银行的学生信用卡（招商银行、中国银行）');
    expect(r.message.en).toContain('from 2 banks (招商银行, 中国银行); the limit is 2');
    expect(r.facts).toMatchObject({ bankCount: 2, cap: 2, holdsOurStudentCard: false });
    // At the cap the student gets no consent step: the card is refused.
    expect(d.reasons.map((x) => x.code)).not.toContain('GUARDIAN_CONSENT');
  });

  it('counts a student card of this bank as one bank', () => {
    const holdsOurs = student(['招商银行'], [card(DEBIT_I), card(CREDIT_STUDENT)]);
    const d = run(holdsOurs);
    expect(d.outcome).toBe('BLOCK');
    expect(d.reasons.map((r) => r.code)).toContain('STUDENT_CARD_CAP');
    expect(d.reasons.find((x) => x.code === 'STUDENT_CARD_CAP')!.message.en).toContain('this bank, 招商银行');
    expect(d.reasons.find((x) => x.code === 'STUDENT_CARD_CAP')!.message['zh-CN']).toContain('本行、招商银行');
    // A standard (non-student) credit card of ours is not a student card.
    const standard = run(student(['招商银行'], [card(DEBIT_I), card(CREDIT_STD)]));
    expect(standard.outcome).toBe('REQUIRE');
    expect(standard.reasons.map((r) => r.code)).toEqual(['GUARDIAN_CONSENT']);
    // Our student card alone is one bank: under the cap of 2.
    const oursOnly = run(student([], [card(DEBIT_I), card(CREDIT_STUDENT)]));
    expect(oursOnly.reasons.map((r) => r.code)).toEqual(['GUARDIAN_CONSENT']);
    expect(oursOnly.reasons[0]!.facts).toMatchObject({ bankCount: 1, holdsOurStudentCard: true });
  });

  it('counts the same bank reported twice once', () => {
    expect(codes(student(['招商银行', ' 招商银行']))).not.toContain('STUDENT_CARD_CAP');
  });

  it('ignores report rows that name no bank or are no student credit card, and a card list that is not a list', () => {
    const rows = [
      { issuer: '招商银行', type: 'CREDIT', student: true },
      { issuer: '', type: 'CREDIT', student: true },
      { issuer: '   ', type: 'CREDIT', student: true },
      { issuer: 42, type: 'CREDIT', student: true },
      { issuer: '中国银行', type: 'CREDIT', student: false },
      { issuer: '交通银行', type: 'DEBIT', student: true },
      null,
    ];
    const d = run(apply(CREDIT_STUDENT, { customer: { age: 19, student: true, holdings: [card(CREDIT_STD)], external: bureau([], 5, rows) } }));
    expect(d.reasons.map((r) => r.code)).toEqual(['GUARDIAN_CONSENT']);
    expect(d.reasons[0]!.facts).toMatchObject({ externalStudentCardBanks: ['招商银行'], bankCount: 1, creditReportAgeDays: 5 });
    const text = apply(CREDIT_STUDENT, {
      customer: { age: 19, student: true, holdings: [card(CREDIT_STD)], external: bureau([], 5, '招商银行,中国银行' as never) },
    });
    // A report without a card list names none (and does not fail the rule).
    const noCards = run(
      apply(CREDIT_STUDENT, {
        customer: {
          age: 19,
          student: true,
          holdings: [card(CREDIT_STD)],
          external: { CREDIT_REPORT: { ...bureau([]).CREDIT_REPORT, payload: { loans: [] } } },
        },
      }),
    );
    expect(noCards.reasons.map((r) => r.code)).toEqual(['GUARDIAN_CONSENT']);
    // Issuers differing only by spaces are one bank (the rule trims them).
    const spaced = run(
      apply(CREDIT_STUDENT, { customer: { age: 19, student: true, holdings: [card(CREDIT_STD)], external: bureau([' 招商银行', '招商银行 ']) } }),
    );
    expect(spaced.reasons[0]!.facts).toMatchObject({ externalStudentCardBanks: ['招商银行'], bankCount: 1, student: true });
    // Even at a cap of 1 bank: a card list that is not a list names none.
    const d2 = run(text, { 'cards.studentCardBankCap': 1 });
    expect(d2.reasons.map((r) => r.code)).toEqual(['GUARDIAN_CONSENT']);
    expect(d2.reasons[0]!.facts).toMatchObject({ student: true, externalStudentCardBanks: [], bankCount: 0 });
  });

  it('does not apply to a student opening a debit account', () => {
    const facts = apply(DEBIT_II, { customer: { age: 19, student: true, hasStableIncome: false, external: bureau(['a', 'b', 'c']) } });
    expect(codes(facts)).toEqual(['ACCOUNT_CLASS_LIMITS']);
  });

  it('never reads a missing or stale credit report as "no cards elsewhere": the query is required, and claiming it without the report blocks', () => {
    const none = run(apply(CREDIT_STUDENT, { customer: { age: 19, student: true, external: {} } }));
    expect(none.reasons.find((r) => r.code === 'CREDIT_REPORT_NEEDED')).toMatchObject({ outcome: 'REQUIRE', step: 'CREDIT_REPORT_AUTHORISATION' });
    expect(none.reasons.map((r) => r.code)).not.toContain('GUARDIAN_CONSENT');
    // 30 days old is still fresh (cards.creditReportMaxAgeDays 30); 31 is not.
    expect(codes(apply(CREDIT_STUDENT, { customer: { age: 19, student: true, external: bureau(['招商银行'], 30) } }))).toContain('GUARDIAN_CONSENT');
    const stale = run(apply(CREDIT_STUDENT, { customer: { age: 19, student: true, external: bureau(['招商银行', '中国银行'], 31) } }));
    expect(stale.reasons.map((r) => r.code)).toContain('CREDIT_REPORT_NEEDED');
    expect(stale.reasons.find((r) => r.code === 'CREDIT_REPORT_NEEDED')!.facts).toMatchObject({ creditReportAgeDays: 31, maxAge: 30 });
    expect(
      codes(apply(CREDIT_STUDENT, { customer: { age: 19, student: true, external: bureau(['招商银行'], 31) } }), { 'cards.creditReportMaxAgeDays': 31 }),
    ).toContain('GUARDIAN_CONSENT');
    const claimed = apply(CREDIT_STUDENT, { customer: { age: 19, student: true, external: {} } });
    claimed.sale.completedSteps = ['CREDIT_REPORT_AUTHORISATION', 'GUARDIAN_REPAYMENT_CONSENT'];
    const blocked = run(claimed);
    expect(blocked.outcome).toBe('BLOCK');
    expect(blocked.reasons.find((r) => r.code === 'CREDIT_REPORT_NOT_ON_FILE')).toMatchObject({ outcome: 'BLOCK' });
  });

  it('is satisfied once the guardian consent is recorded', () => {
    const facts = student(['招商银行']);
    facts.sale.completedSteps = ['GUARDIAN_REPAYMENT_CONSENT'];
    const d = run(facts);
    expect(d.reasons.find((r) => r.code === 'GUARDIAN_CONSENT')!.satisfied).toBe(true);
    expect(d.missingSteps).not.toContain('GUARDIAN_REPAYMENT_CONSENT');
  });

  it('does not apply to non-students', () => {
    expect(codes(apply(CREDIT_STD, { customer: { student: false, external: bureau(['a', 'b', 'c']) } }))).toEqual([]);
  });

  it('follows the bank cap setting', () => {
    const d = run(student(['招商银行']), { 'cards.studentCardBankCap': 1 });
    expect(d.outcome).toBe('BLOCK');
    expect(d.reasons.map((r) => r.code)).toContain('STUDENT_CARD_CAP');
    expect(codes(student(['a', 'b']), { 'cards.studentCardBankCap': 3 })).not.toContain('STUDENT_CARD_CAP');
  });
});

describe('cards.first-credit-card', () => {
  it('requires a manual review for a first credit card here', () => {
    const d = run(apply(CREDIT_STD, { customer: { holdings: [card(DEBIT_I)] } }));
    expect(d.outcome).toBe('REQUIRE');
    expect(d.requiredSteps).toEqual(['MANUAL_REVIEW']);
    expect(d.reasons).toMatchObject([{ code: 'FIRST_CARD_MANUAL_REVIEW', outcome: 'REQUIRE', step: 'MANUAL_REVIEW', facts: { creditCardsHeld: 0 } }]);
  });

  it('needs no review when a credit card of this bank is held', () => {
    expect(codes(apply(CREDIT_STD, { customer: { holdings: [card(DEBIT_I), card(CREDIT_STD)] } }))).not.toContain('FIRST_CARD_MANUAL_REVIEW');
  });

  it('ignores closed cards', () => {
    const closed = card(CREDIT_STD, { status: 'CLOSED' });
    const d = run(apply(CREDIT_STD, { customer: { holdings: [closed] } }));
    expect(d.outcome).toBe('REQUIRE');
    expect(d.reasons.map((r) => r.code)).toEqual(['FIRST_CARD_MANUAL_REVIEW']);
  });

  it('counts a pending credit card of ours, but not one of another bank', () => {
    const pending = card(CREDIT_STD, { status: 'PENDING' });
    expect(run(apply(CREDIT_STD, { customer: { holdings: [pending] } })).outcome).toBe('ALLOW');
    const elsewhere = card(CREDIT_STD, { attributes: { ...CREDIT_STD, issuedBy: 'OTHER_BANK' } });
    expect(codes(apply(CREDIT_STD, { customer: { holdings: [elsewhere] } }))).toEqual(['FIRST_CARD_MANUAL_REVIEW']);
    // A card with no issuer recorded is one of ours (the core only holds this bank's cards).
    const unmarked = card(CREDIT_STD, { attributes: { ...CREDIT_STD } });
    expect(run(apply(CREDIT_STD, { customer: { holdings: [unmarked] } })).outcome).toBe('ALLOW');
    // An issuer that is not a name is read as unknown, i.e. this bank: the card counts.
    const garbled = card(CREDIT_STD, { attributes: { ...CREDIT_STD, issuedBy: 42 } });
    expect(run(apply(CREDIT_STD, { customer: { holdings: [garbled] } })).outcome).toBe('ALLOW');
  });
});

describe('cards.repayment-source', () => {
  it('blocks a credit card without stable income', () => {
    const d = run(apply(CREDIT_STD, { customer: { hasStableIncome: false, personalAnnualIncome: '0' } }));
    expect(d.outcome).toBe('BLOCK');
    expect(d.reasons.map((r) => r.code)).toEqual(['NO_REPAYMENT_SOURCE']);
  });

  it('blocks without stable income even with some income on record (income alone is not a source)', () => {
    const d = run(apply(CREDIT_STD, { customer: { hasStableIncome: false, personalAnnualIncome: '120000' } }));
    expect(d.outcome).toBe('BLOCK');
    expect(d.reasons[0]).toMatchObject({ code: 'NO_REPAYMENT_SOURCE', outcome: 'BLOCK', facts: { hasStableIncome: false, student: false } });
  });

  it('allows it with stable income', () => {
    expect(run(apply(CREDIT_STD, { customer: { hasStableIncome: true } })).outcome).toBe('ALLOW');
  });

  it('leaves students to the guardian-consent path', () => {
    const facts = apply(CREDIT_STUDENT, { customer: { age: 20, student: true, hasStableIncome: false, external: bureau([]) } });
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
    expect(d.outcome).toBe('BLOCK');
    const r = d.reasons.find((x) => x.code === 'CARD_CAP_REACHED')!;
    expect(r.outcome).toBe('BLOCK');
    expect(r.message.en).toContain('already holds 4 cards of this bank; the limit is 3');
    expect(r.facts).toMatchObject({ cardsHeld: 4, cap: 3, cardKind: 'CREDIT' });
    expect((r.facts as { heldProductCodes: string[] }).heldProductCodes).toHaveLength(4);
    expect((r.facts as { heldProductCodes: string[] }).heldProductCodes.every((c) => c.startsWith('CARD-'))).toBe(true);
  });

  it('counts only open cards of this bank', () => {
    const others: HoldingFacts[] = [
      card(CREDIT_STD, { status: 'CLOSED' }),
      card(CREDIT_STD, { line: 'FUNDS' }),
      card(CREDIT_STD, { attributes: { ...CREDIT_STD, issuedBy: 'OTHER_BANK' } }),
    ];
    expect(codes(apply(CREDIT_STD, { customer: { holdings: [...holding(4), ...others] } }))).not.toContain('CARD_CAP_REACHED');
    // A pending card takes a slot.
    expect(codes(apply(CREDIT_STD, { customer: { holdings: [...holding(4), card(DEBIT_II, { status: 'PENDING' })] } }))).toContain('CARD_CAP_REACHED');
  });

  it('never holds back closing a card', () => {
    expect(codes(apply(CREDIT_STD, { customer: { holdings: holding(6) }, sale: { side: 'SELL' } }))).toEqual([]);
  });

  it('no rule holds back closing a card or account, whatever else would block an application', () => {
    const customer = {
      age: 17,
      student: true,
      hasStableIncome: false,
      idVerified: false,
      holdings: [card(DEBIT_I), card(CREDIT_STUDENT)],
      external: bureau(['a', 'b']),
    };
    for (const details of [CREDIT_STD, CREDIT_STUDENT, DEBIT_I, DEBIT_II, DEBIT_III]) {
      const d = run(apply(details, { customer, sale: { side: 'SELL', amount: '5000', details: { initialDeposit: 'x' } } }));
      expect(d.outcome).toBe('ALLOW');
      expect(d.reasons).toEqual([]);
    }
  });
});

describe('cards.real-name', () => {
  it('blocks a debit account without a verified ID', () => {
    const d = run(apply(DEBIT_I, { customer: { idVerified: false, holdings: [] } }));
    expect(d.outcome).toBe('BLOCK');
    expect(d.reasons.map((r) => r.code)).toEqual(['ID_NOT_VERIFIED']);
  });

  it('blocks a Class III account too', () => {
    const d = run(apply(DEBIT_III, { customer: { idVerified: false } }));
    expect(d.outcome).toBe('BLOCK');
    expect(d.reasons.find((r) => r.code === 'ID_NOT_VERIFIED')).toMatchObject({
      outcome: 'BLOCK',
      facts: { cardKind: 'DEBIT', accountClass: 'CLASS_III', idVerified: false },
    });
  });

  it('leaves credit cards to the credit checks', () => {
    expect(run(apply(CREDIT_STD, { customer: { idVerified: false } })).outcome).toBe('ALLOW');
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
    const two = [card(DEBIT_I, { productCode: 'CARD-A' }), card(DEBIT_I, { productCode: 'CARD-B' })];
    const r = run(apply(DEBIT_I, { customer: { holdings: two } })).reasons.find((x) => x.code === 'CLASS_I_EXISTS')!;
    expect(r.outcome).toBe('BLOCK');
    expect(r.message.en).toContain('(CARD-A, CARD-B)');
    expect(r.facts).toMatchObject({ accountClass: 'CLASS_I', classIHeld: ['CARD-A', 'CARD-B'] });
  });

  it('allows a first Class I account', () => {
    expect(codes(apply(DEBIT_I, { customer: { holdings: [card(DEBIT_II)] } }))).not.toContain('CLASS_I_EXISTS');
  });

  it('counts only debit Class I accounts held, and only for a debit application', () => {
    // A credit card carrying a class attribute is not an account.
    const oddCredit = card(CREDIT_STD, { attributes: { ...CREDIT_STD, accountClass: 'CLASS_I', issuedBy: 'THIS_BANK' } });
    expect(codes(apply(DEBIT_I, { customer: { holdings: [oddCredit] } }))).not.toContain('CLASS_I_EXISTS');
    const oddProduct = { ...CREDIT_STD, accountClass: 'CLASS_I' };
    expect(codes(apply(oddProduct, { customer: { holdings: [card(DEBIT_I), card(CREDIT_STD)] } }))).not.toContain('CLASS_I_EXISTS');
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
    expect(r.outcome).toBe('WARN');
    expect(r.message['zh-CN']).toContain('10000');
    expect(r.message.en).toContain('200000');
    expect(r.message.en).toContain('Class II');
    expect(r.message.en).toContain('balance cap: none');
    expect(r.message['zh-CN']).toContain('Ⅱ类户限额');
    expect(r.message['zh-CN']).toContain('余额上限：无');
    expect(r.facts).toMatchObject({ accountClass: 'CLASS_II', limits: { dailyCny: '10000', annualCny: '200000' } });
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
    const r = d.reasons.find((x) => x.code === 'CLASS_III_BALANCE_CAP')!;
    expect(r.outcome).toBe('BLOCK');
    expect(r.message.en).toContain('at most CNY 2000; the initial deposit 2000.01');
    expect(r.facts).toMatchObject({ initialDeposit: '2000.01', balanceCap: '2000' });
  });

  it('reads deposits given as numbers or padded strings, with decimals', () => {
    const cap = (initialDeposit: unknown) => codes(apply(DEBIT_III, { sale: { details: { initialDeposit } } })).includes('CLASS_III_BALANCE_CAP');
    expect(cap(1500)).toBe(false);
    expect(cap(2500)).toBe(true);
    expect(cap(' 1500 ')).toBe(false);
    expect(cap('1999.99')).toBe(false);
    expect(cap('0')).toBe(false);
  });

  it('fails closed on a deposit that is not a plain non-negative number', () => {
    for (const initialDeposit of ['-5', '1500x', 'x1500', '1500.', '.5', '1e3', '', ['100'], { amount: '100' }, true]) {
      const d = run(apply(DEBIT_III, { sale: { details: { initialDeposit } } }));
      expect(d.outcome).toBe('BLOCK');
      expect(d.reasons.map((x) => x.code)).toEqual(['ACCOUNT_CLASS_LIMITS', 'CLASS_III_BALANCE_CAP']);
    }
  });

  it('has nothing to cap before a deposit is known', () => {
    const d = run(apply(DEBIT_III, { sale: { amount: null } }));
    expect(d.outcome).toBe('WARN');
    expect(d.reasons.map((x) => x.code)).toEqual(['ACCOUNT_CLASS_LIMITS']);
  });

  it('tells Class III limits with the balance cap', () => {
    const r = run(apply(DEBIT_III)).reasons.find((x) => x.code === 'ACCOUNT_CLASS_LIMITS')!;
    expect(r.message.en).toBe(
      'Class III account limits: non-linked inflows and spending/outflows CNY 2000 a day and CNY 50000 a year each; balance cap: CNY 2000',
    );
    expect(r.message['zh-CN']).toContain('Ⅲ类户限额');
    expect(r.message['zh-CN']).toContain('余额上限：2000 元');
    expect(r.facts).toMatchObject({ accountClass: 'CLASS_III', limits: { balanceCny: '2000' } });
  });

  it('does not apply to credit cards, whatever class their details carry', () => {
    const odd = { ...CREDIT_STD, accountClass: 'CLASS_III' };
    expect(run(apply(odd, { sale: { details: { initialDeposit: '9999' } } })).outcome).toBe('ALLOW');
  });

  it('reads the sale amount when no initial deposit is given', () => {
    expect(codes(apply(DEBIT_III, { sale: { amount: '2500' } }))).toContain('CLASS_III_BALANCE_CAP');
    expect(codes(apply(DEBIT_III, { sale: { amount: '1500' } }))).not.toContain('CLASS_III_BALANCE_CAP');
  });

  it('fails closed on a deposit that is not a number', () => {
    const d = run(apply(DEBIT_III, { sale: { details: { initialDeposit: 'lots' } } }));
    expect(d.outcome).toBe('BLOCK');
    expect(d.reasons.map((x) => x.code)).toContain('CLASS_III_BALANCE_CAP');
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
      apply(CREDIT_STUDENT, { customer: { age: 19, student: true, external: bureau(['a', 'b']) } }),
      apply(CREDIT_STUDENT, { customer: { age: 19, student: true, external: bureau([]) } }),
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
