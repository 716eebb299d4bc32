import { Decimal, type NewHolding, type Random, type SeedCustomer } from '../../../src/sdk/index.js';
import { INSURANCE_CURRENCY, isGuaranteedType, type PremiumMode, type Sex } from '../domain.js';
import { quotePremium, type RateEntry } from '../quote.js';
import { coolingOffDaysOf, INSURERS, quoteTermsOf, type CatalogEntry } from './catalog.js';

/** A catalog entry with its database id and rate table. */
export interface SeededProduct {
  entry: CatalogEntry;
  id: number;
  rates: RateEntry[];
  saleStart: Date | null;
  saleEnd: Date | null;
}

const DAY_MS = 86_400_000;
const YEAR_MS = 365.25 * DAY_MS;
/** Share of customers holding a policy, and of those holding a second one. */
const HOLDER_SHARE = 0.21;
const SECOND_POLICY_SHARE = 0.25;
/** Demo policies go back at most this far. */
const MAX_POLICY_AGE_YEARS = 8;
const DATE_ATTEMPTS = 4;
/** The demo's defaults of the eligibility settings (保监发〔2014〕3号). */
const NON_GUARANTEED_MAX_AGE = 65;
const NON_GUARANTEED_REGULAR_MAX_AGE = 60;
const LOW_INCOME_CNY = '50000';

const SUMS_ASSURED: Record<CatalogEntry['basis'], readonly number[]> = {
  PROTECTION: [100_000, 200_000, 300_000, 500_000],
  ACCIDENT: [100_000, 300_000, 500_000, 1_000_000],
  MEDICAL: [2_000_000, 4_000_000],
  SAVINGS: [],
};

/** Could this customer, at this age and date, roughly have been sold this product? */
function plausible(c: SeedCustomer, p: SeededProduct, age: number, at: Date): boolean {
  const e = p.entry;
  if (e.status === 'DRAFT' || !p.saleStart || p.saleStart > at || (p.saleEnd && p.saleEnd < at)) return false;
  if (age < e.ageMin || age > e.ageMax) return false;
  const level = c.riskLevel ? Number(c.riskLevel.slice(1)) : 0;
  const guaranteed = isGuaranteedType(e.type);
  // Guaranteed R1 cover needs no risk assessment; anything else stays within the customer's level.
  if (!(guaranteed && e.risk === 'R1') && level < Number(e.risk.slice(1))) return false;
  if (!guaranteed) {
    if (age > NON_GUARANTEED_MAX_AGE || new Decimal(c.personalAnnualIncome).lt(LOW_INCOME_CNY)) return false;
    // Past the regular-premium age only a single premium remains.
    if (!e.premiumModes.includes('SINGLE') && age > NON_GUARANTEED_REGULAR_MAX_AGE) return false;
  }
  return true;
}

/** The sum assured: a round protection amount, or what a savings budget buys at the product's rate. */
function sumAssuredFor(random: Random, c: SeedCustomer, e: CatalogEntry, mode: PremiumMode, rate: string): Decimal {
  const choices = SUMS_ASSURED[e.basis];
  if (choices.length > 0) return new Decimal(random.pick(choices));
  const income = Decimal.max(new Decimal(c.personalAnnualIncome), 30_000);
  const share = mode === 'SINGLE' ? 0.3 + random.next() * 1.2 : 0.05 + random.next() * 0.15;
  const budget = Decimal.max(income.times(share.toFixed(4)), e.minimumPremium);
  return budget.times(1000).dividedBy(rate).dividedToIntegerBy(1000).plus(1).times(1000);
}

/** Policy numbers: insurer prefix, year, and a running serial per insurer. */
type Serials = Map<string, number>;

/** One policy for the customer bought at a random date, or null when nothing fits that date. */
function policyFor(c: SeedCustomer, products: readonly SeededProduct[], random: Random, now: Date, serials: Serials): NewHolding | null {
  const earliest = Math.max(c.openedAt.getTime(), now.getTime() - MAX_POLICY_AGE_YEARS * YEAR_MS);
  const openedAt = new Date(earliest + Math.floor(random.next() * Math.max(0, now.getTime() - DAY_MS - earliest)));
  const yearsHeld = Math.floor((now.getTime() - openedAt.getTime()) / YEAR_MS);
  const ageThen = c.age - yearsHeld;
  const candidates = products.filter((p) => plausible(c, p, ageThen, openedAt));
  if (candidates.length === 0) return null;
  const p = random.pick(candidates);
  const e = p.entry;
  const guaranteed = isGuaranteedType(e.type);
  // Never empty: `plausible` leaves out regular-only non-guaranteed products past the regular-premium age.
  const mode = random.pick(e.premiumModes.filter((m) => guaranteed || m === 'SINGLE' || ageThen <= NON_GUARANTEED_REGULAR_MAX_AGE));
  const sex: Sex = random.chance(0.5) ? 'MALE' : 'FEMALE';
  const rateFor = (y: number) => p.rates.find((r) => r.sex === sex && r.paymentYears === y && ageThen >= r.ageFrom && ageThen <= r.ageTo);
  const yearsOptions = e.paymentYearsOptions.filter((y) => (mode === 'SINGLE' ? y === 1 : y > 1) && rateFor(y));
  if (yearsOptions.length === 0) return null;
  const paymentYears = random.pick(yearsOptions);
  const rate = rateFor(paymentYears)!.ratePer1000;
  const quoteFor = (sumAssured: Decimal) => quotePremium(quoteTermsOf(e), p.rates, { age: ageThen, sex, paymentYears, sumAssured: sumAssured.toFixed(0) });
  let quote = quoteFor(sumAssuredFor(random, c, e, mode, rate));
  if (new Decimal(quote.annualPremium).lt(e.minimumPremium)) {
    // Raise the cover to the smallest round amount the minimum premium buys.
    quote = quoteFor(new Decimal(e.minimumPremium).times(1000).dividedBy(rate).dividedToIntegerBy(1000).plus(1).times(1000));
  }
  const paymentsMade = Math.min(paymentYears, yearsHeld + 1);
  const prefix = INSURERS[e.insurer].prefix;
  const serial = (serials.get(prefix) ?? 0) + 1;
  serials.set(prefix, serial);
  const inCoolingOff = now.getTime() - openedAt.getTime() < coolingOffDaysOf(e) * DAY_MS;
  return {
    customerId: c.id,
    productId: p.id,
    quantity: '1',
    costAmount: new Decimal(quote.annualPremium).times(paymentsMade).toFixed(2),
    costCurrency: INSURANCE_CURRENCY,
    openedAt,
    status: inCoolingOff ? 'PENDING' : 'ACTIVE',
    attributes: {
      premiumMode: mode,
      paymentYears,
      sumAssured: quote.sumAssured,
      policyNumber: `${prefix}${openedAt.getUTCFullYear()}${String(serial).padStart(8, '0')}`,
      annualPremium: quote.annualPremium,
      insuredSex: sex,
    },
  };
}

/**
 * Demo policies for about a fifth of the customers, bought within the last
 * years of products that were on sale then and roughly suitable for them. The
 * cost is the premiums paid so far: one single premium, or one annual premium
 * per policy year begun, up to the payment period. The insured is the
 * policyholder; their sex is drawn at random (seed customers carry none).
 */
export function planPolicies(customers: readonly SeedCustomer[], products: readonly SeededProduct[], random: Random, now: Date): NewHolding[] {
  const holdings: NewHolding[] = [];
  const serials: Serials = new Map();
  for (const c of customers) {
    if (!random.chance(HOLDER_SHARE)) continue;
    const count = random.chance(SECOND_POLICY_SHARE) ? 2 : 1;
    for (let n = 0; n < count; n++) {
      // A few dates, since early dates can predate every product's sale.
      for (let attempt = 0; attempt < DATE_ATTEMPTS; attempt++) {
        const policy = policyFor(c, products, random, now, serials);
        if (policy) {
          holdings.push(policy);
          break;
        }
      }
    }
  }
  return holdings;
}
