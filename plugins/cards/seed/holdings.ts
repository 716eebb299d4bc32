import { Decimal, type NewHolding, type Random, type SeedCustomer } from '../../../src/sdk/index.js';
import { THIS_BANK } from '../domain.js';
import { CARD_CATALOG, type CardSeed } from './catalog.js';

const DAY = 86_400_000;
const YEAR = 365.25 * DAY;

/** Other banks a student's credit card can be reported at. */
const OTHER_BANKS = ['招商银行', '中国银行', '交通银行', '广发银行', '浦发银行', '中信银行', '民生银行', '兴业银行'] as const;

/** What the credit bureau reports of a student: the other banks that issued them a student credit card (maybe none). */
export interface StudentCardReport {
  customerId: number;
  banks: string[];
  reportedAt: Date;
}

/** What the demo gives customers: card holdings and bureau reports of student cards elsewhere. */
export interface CardsPlan {
  holdings: NewHolding[];
  studentReports: StudentCardReport[];
}

/** The settings the demo respects, so seeded books pass the line's own rules. */
export interface PlanLimits {
  maxCardsPerCustomer: number;
  studentCardBankCap: number;
  minimumAgePrimaryCredit: number;
  classIIIBalanceCapCny: string;
}

interface Draft {
  card: CardSeed;
  balance: string;
  openedAt: Date;
}

const byCode = new Map(CARD_CATALOG.map((c) => [c.code, c]));
const card = (code: string): CardSeed => {
  const c = byCode.get(code);
  if (!c) throw new Error(`unknown demo card ${code}`);
  return c;
};

const CREDIT_PREMIUM = [
  ['CARD-CC-PLAT', 30],
  ['CARD-CC-VISA-PLAT', 25],
  ['CARD-CC-MC-WORLD', 20],
  ['CARD-CC-MU', 10],
  ['CARD-CC-CA', 10],
  ['CARD-CC-GOLD', 5],
] as const;
const CREDIT_MIDDLE = [
  ['CARD-CC-GOLD', 30],
  ['CARD-CC-PLAT', 10],
  ['CARD-CC-MU', 15],
  ['CARD-CC-CA', 10],
  ['CARD-CC-CTRIP', 15],
  ['CARD-CC-JD', 10],
  ['CARD-CC-SUNING', 5],
  ['CARD-CC-CLASSIC', 5],
] as const;

/**
 * Plans the demo's card book (pure: only `rng` varies it). Shares, roughly:
 * 85 % hold a Class I debit card, ~30 % a credit card (never below the
 * primary-card age), ~15 % a Class II and ~6 % a Class III account, ~2 % of
 * earning adults sit exactly at the card cap. Students get 0–2 bureau reports
 * of student cards elsewhere, and our student card only while that keeps them
 * within the bank cap. Nobody gets a second Class I account or more cards than
 * the cap; Class III balances stay within their cap.
 */
export function planCardHoldings(customers: readonly SeedCustomer[], productIds: Map<string, number>, rng: Random, now: Date, limits: PlanLimits): CardsPlan {
  const holdings: NewHolding[] = [];
  const studentReports: StudentCardReport[] = [];

  /** A day between `from` and `to` (inside the card's sale window), never after `to`. */
  const openedBetween = (c: CardSeed, from: Date, to: Date): Date => {
    let lo = from.getTime();
    let hi = to.getTime();
    if (c.saleStartDays !== undefined) lo = Math.max(lo, now.getTime() + c.saleStartDays * DAY);
    if (c.saleEndDays !== undefined) hi = Math.min(hi, now.getTime() + c.saleEndDays * DAY);
    if (lo > hi) lo = hi;
    return new Date(lo + Math.floor(rng.next() * (hi - lo)));
  };
  const money = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_DOWN).toFixed(2);
  const classIIICap = new Decimal(limits.classIIIBalanceCapCny);

  for (const c of customers) {
    const income = new Decimal(c.personalAnnualIncome);
    const assets = new Decimal(c.householdFinancialAssets);
    const creditAge = c.age >= limits.minimumAgePrimaryCredit;
    const earning = income.gt(0);
    const lastMonth = new Date(now.getTime() - 30 * DAY);
    const adultSince = new Date(Math.max(c.openedAt.getTime(), now.getTime() - (c.age - limits.minimumAgePrimaryCredit) * YEAR));
    const drafts: Draft[] = [];

    let externalBanks = 0;
    if (c.student) {
      externalBanks = rng.weighted([
        [0, 45],
        [1, 35],
        [2, 20],
      ] as const);
      // Every student has a credit report on file, some older than a rule accepts (the demo shows the step that renews it).
      studentReports.push({
        customerId: c.id,
        banks: rng.shuffle(OTHER_BANKS).slice(0, externalBanks),
        reportedAt: new Date(now.getTime() - rng.int(1, 60) * DAY),
      });
    }

    const classOne = (): Draft => {
      let code = 'CARD-DC-STD';
      if (c.age < 18) code = rng.chance(0.7) ? 'CARD-DC-YOUTH' : 'CARD-DC-STD';
      else if (c.residency === 'FOREIGN' && rng.chance(0.4)) code = 'CARD-DC-GLOBAL';
      else if (assets.gte(500_000) && rng.chance(0.4)) code = 'CARD-DC-WEALTH';
      else if (c.age >= 60)
        code = rng.weighted([
          ['CARD-DC-SENIOR', 30],
          ['CARD-DC-SOCIAL', 20],
          ['CARD-DC-STD', 50],
        ] as const);
      else if (earning && rng.chance(0.35)) code = 'CARD-DC-PAYROLL';
      else if (rng.chance(0.1)) code = 'CARD-DC-SOCIAL';
      const balance =
        c.age < 18
          ? new Decimal(rng.int(50, 5000))
          : assets.gt(0)
            ? Decimal.min(assets.mul(rng.int(2, 20)).div(100), 3_000_000)
            : new Decimal(rng.int(0, 3000));
      return { card: card(code), balance: money(balance), openedAt: c.openedAt };
    };
    const classTwo = (): Draft => {
      const ceiling = Decimal.min(assets.mul(0.05), 50_000).floor().toNumber();
      const c2 = card(c.riskLevel && rng.chance(0.5) ? 'CARD-E2-INVEST' : 'CARD-E2-WALLET');
      return { card: c2, balance: money(new Decimal(rng.int(0, Math.max(ceiling, 0)))), openedAt: openedBetween(c2, c.openedAt, lastMonth) };
    };
    const classThree = (): Draft => {
      const c3 = card(rng.chance(0.5) ? 'CARD-E3-PAY' : 'CARD-E3-TRANSIT');
      const cents = rng.int(0, classIIICap.mul(100).floor().toNumber());
      return { card: c3, balance: money(new Decimal(cents).div(100)), openedAt: openedBetween(c3, c.openedAt, lastMonth) };
    };
    const credit = (exclude: Set<string>): Draft | null => {
      let entries: readonly (readonly [string, number])[];
      if (c.student) {
        // Art. 45: no student card beyond the bank cap, counting this bank.
        if (externalBanks + 1 > limits.studentCardBankCap) return null;
        entries = [['CARD-CC-STUDENT', 1]];
      } else if (income.gte(500_000)) entries = CREDIT_PREMIUM;
      else if (income.gte(150_000)) entries = CREDIT_MIDDLE;
      else {
        entries = [
          ['CARD-CC-CLASSIC', 35],
          ['CARD-CC-GOLD', 10],
          ['CARD-CC-CTRIP', 15],
          ['CARD-CC-JD', 20],
          ['CARD-CC-SUNING', 10],
          ['CARD-CC-YOUNG', c.age < 35 ? 10 : 0],
        ];
      }
      entries = entries.filter(([code]) => !exclude.has(code));
      if (entries.length === 0) return null;
      const cc = card(rng.weighted(entries));
      return { card: cc, balance: '0', openedAt: openedBetween(cc, adultSince, lastMonth) };
    };
    const addCredit = () => {
      const d = credit(new Set(drafts.map((x) => x.card.code)));
      if (d) drafts.push(d);
      return d !== null;
    };

    const atCap = creditAge && earning && !c.student && rng.chance(0.02);
    if (atCap) {
      drafts.push(classOne(), classTwo(), classThree());
      let added = true;
      while (added && drafts.length < limits.maxCardsPerCustomer) added = addCredit();
    } else {
      if (rng.chance(0.85)) drafts.push(classOne());
      if (creditAge) {
        const p = c.student ? 0.35 : !earning ? 0 : income.gte(300_000) ? 0.42 : income.gte(100_000) ? 0.3 : 0.2;
        if (rng.chance(p) && addCredit() && !c.student && rng.chance(0.25)) addCredit();
      }
      if (c.age >= 16 && rng.chance(0.13)) drafts.push(classTwo());
      if (c.age >= 16 && rng.chance(0.04)) drafts.push(classThree());
    }

    for (const d of drafts.slice(0, limits.maxCardsPerCustomer)) {
      const productId = productIds.get(d.card.code);
      if (productId === undefined) throw new Error(`demo card ${d.card.code} was not written`);
      holdings.push({
        customerId: c.id,
        productId,
        quantity: '1',
        // A debit position's cost is its balance (valued as such); a credit card holds no asset.
        costAmount: d.card.kind === 'DEBIT' ? d.balance : '0',
        costCurrency: 'CNY',
        openedAt: d.openedAt,
        status: 'ACTIVE',
        attributes: {
          cardKind: d.card.kind,
          accountClass: d.card.accountClass ?? null,
          creditCardType: d.card.creditCardType ?? null,
          issuedBy: THIS_BANK,
          // First 6 and last 4 digits only: the full number is never stored.
          maskedCardNumber: `${d.card.bin}******${String(rng.int(0, 9999)).padStart(4, '0')}`,
          openedAt: d.openedAt.toISOString(),
        },
      });
    }
  }
  return { holdings, studentReports };
}
