import { Decimal } from 'decimal.js';
import { bankDay, randomOf, type SeedContext, type SeedCustomer } from '../../../src/sdk/index.js';
import { loanInstalments, loanRepayments, loans } from '../schema.js';
import { LOAN_PRODUCTS } from './catalog.js';
import { dueDateOf, repaymentSchedule } from '../servicing/schedule.js';
import type { RepaymentMethod } from '../domain.js';

const DAY_MS = 86_400_000;

/**
 * One demo loan taken over from the core banking system (存量贷款): what it is, and how far the
 * borrower has kept up — `behindDays` puts the oldest unpaid instalment about that many days
 * past due on the demo day (0: paid up to date), `settled` pays it off.
 */
interface DemoLoan {
  product: string;
  amount: string;
  termMonths: number;
  method: RepaymentMethod;
  /** Months before the demo day it was paid out. */
  monthsAgo: number;
  behindDays: number;
  settled?: boolean;
}

/**
 * Loans in every one of the five categories on the demo day (2026-11-23), and one settled:
 * 正常 (a mortgage and a car loan kept up to date), 关注 (~45 days past due), 次级 (~150),
 * 可疑 (~320), 损失 (~500). The categories are computed from the schedule and the clock,
 * never stored: as the real clock moves past the demo day, the arrears grow.
 */
const DEMO_LOANS: DemoLoan[] = [
  { product: 'LOAN-HOME-FIRST', amount: '1200000', termMonths: 360, method: 'EQUAL_INSTALMENT', monthsAgo: 38, behindDays: 0 },
  { product: 'LOAN-CAR', amount: '150000', termMonths: 36, method: 'EQUAL_PRINCIPAL', monthsAgo: 11, behindDays: 0 },
  { product: 'LOAN-CONSUMER-E', amount: '100000', termMonths: 24, method: 'EQUAL_INSTALMENT', monthsAgo: 14, behindDays: 45 },
  { product: 'LOAN-BUSINESS-SMALL', amount: '500000', termMonths: 36, method: 'EQUAL_INSTALMENT', monthsAgo: 20, behindDays: 150 },
  { product: 'LOAN-RENOVATION', amount: '200000', termMonths: 60, method: 'EQUAL_INSTALMENT', monthsAgo: 30, behindDays: 320 },
  { product: 'LOAN-CONSUMER-E', amount: '80000', termMonths: 36, method: 'EQUAL_INSTALMENT', monthsAgo: 40, behindDays: 500 },
  { product: 'LOAN-EDUCATION', amount: '60000', termMonths: 24, method: 'EQUAL_INSTALMENT', monthsAgo: 30, behindDays: 0, settled: true },
];

/** The demo day `monthsAgo` months back, on the 8th (so instalments never fall due on the demo day itself). */
function disbursedOn(today: string, monthsAgo: number): string {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return dueDateOf(`${y}-${String(m).padStart(2, '0')}-08`, -monthsAgo);
}

/** Working-age borrowers with an income, chosen by the plugin's seeded generator (deterministic). */
function borrowers(ctx: SeedContext, n: number): SeedCustomer[] {
  const pool = ctx.customers.filter((c) => c.age >= 25 && c.age <= 50 && new Decimal(c.personalAnnualIncome).gte(150000));
  const random = randomOf(ctx.random);
  const picked: SeedCustomer[] = [];
  while (picked.length < n && pool.length > 0) picked.push(pool.splice(random.int(0, pool.length - 1), 1)[0]!);
  return picked;
}

/**
 * Seeds the demo loans with their schedules and the repayments made on them: a lending line's positions are its
 * loans, kept in its own tables (the core holds no position for a debt).
 */
export async function seedDemoLoans(ctx: SeedContext, productIds: Map<string, number>): Promise<number> {
  const today = bankDay(ctx.now);
  const who = borrowers(ctx, DEMO_LOANS.length);
  let seeded = 0;
  for (const [i, d] of DEMO_LOANS.entries()) {
    const customer = who[i];
    if (!customer) break;
    const terms = LOAN_PRODUCTS.find((p) => p.code === d.product)!;
    const on = disbursedOn(today, d.monthsAgo);
    const schedule = repaymentSchedule(d.amount, terms.annualRate, d.termMonths, d.method, on);
    // Paid: everything due before the demo day, less what falls within `behindDays` of it; or all of it.
    const cutoff = bankDay(new Date(Date.parse(`${today}T00:00:00Z`) - d.behindDays * DAY_MS));
    const paid = schedule.filter((s) => d.settled || (d.behindDays === 0 ? s.dueDate < today : s.dueDate < cutoff));
    const paidPrincipal = paid.reduce((a, s) => a.add(s.principal), new Decimal(0));
    const settled = paid.length === schedule.length;
    const paidAt = (day: string) => new Date(`${day}T02:00:00.000Z`);
    const [loan] = await ctx.db
      .insert(loans)
      .values({
        applicationId: null,
        customerId: customer.id,
        productId: productIds.get(d.product)!,
        principal: new Decimal(d.amount).toFixed(2),
        annualRate: terms.annualRate,
        termMonths: d.termMonths,
        repaymentMethod: d.method,
        disbursedOn: on,
        disbursedAt: paidAt(on),
        disbursedBy: 'core-banking-migration',
        outstandingPrincipal: new Decimal(d.amount).sub(paidPrincipal).toFixed(2),
        status: settled ? 'SETTLED' : 'ACTIVE',
        settledAt: settled ? paidAt(schedule.at(-1)!.dueDate) : null,
      })
      .returning();
    const isPaid = new Set(paid.map((s) => s.n));
    await ctx.db.insert(loanInstalments).values(
      schedule.map((s) => ({
        customerId: loan!.customerId,
        loanId: loan!.id,
        n: s.n,
        dueDate: s.dueDate,
        principal: s.principal,
        interest: s.interest,
        principalPaid: isPaid.has(s.n) ? s.principal : '0',
        interestPaid: isPaid.has(s.n) ? s.interest : '0',
        paidAt: isPaid.has(s.n) ? paidAt(s.dueDate) : null,
      })),
    );
    if (paid.length > 0) {
      await ctx.db.insert(loanRepayments).values(
        paid.map((s) => ({
          customerId: loan!.customerId,
          loanId: loan!.id,
          amount: new Decimal(s.principal).add(s.interest).toFixed(2),
          principal: s.principal,
          interest: s.interest,
          allocation: [{ n: s.n, interest: s.interest, principal: s.principal }],
          paidAt: paidAt(s.dueDate),
          recordedBy: 'core-banking-migration',
        })),
      );
    }
    seeded += 1;
  }
  return seeded;
}
