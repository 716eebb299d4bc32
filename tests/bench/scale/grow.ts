import type postgres from 'postgres';

/** What {@link growBank} added and how long each step took. */
export interface GrowResult {
  customersBefore: number;
  customersAfter: number;
  holdingsBefore: number;
  holdingsAfter: number;
  assessmentsAfter: number;
  /** First id of the generated customers. */
  firstNewCustomerId: number;
  steps: { name: string; ms: number }[];
}

const one = async (db: postgres.Sql, q: string): Promise<number> => Number((await db.unsafe(q))[0].n);

/**
 * Grows the seeded demo bank to `customers` customers and `holdings` holdings
 * with set-based SQL only (INSERT … SELECT over generate_series), copying and
 * perturbing the seeded rows so every generated row looks like one the bank
 * would hold:
 *
 * - customers: a seeded customer's profile (occupation, income, residency,
 *   student status…), name and phone made unique, birth date moved by up to
 *   ±1 year (so ages keep the seeded distribution), incomes and assets scaled
 *   by 0.5–1.5; spread over the existing managers with a skew (senior
 *   managers' books are bigger), branch = the manager's branch; risk level the
 *   seeded customer's 70 % of the time, else drawn from a typical retail mix
 *   (C1 10 %, C2 25 %, C3 34 %, C4 20 %, C5 8 %, never assessed 3 %);
 * - one risk assessment per assessed new customer (the mirror columns on
 *   `customers` must agree with the history);
 * - holdings: a seeded position (same product, currency, line attributes)
 *   with quantity and cost scaled by 0.5–1.5, given to a random new customer
 *   (≈ Poisson around the mean), status ACTIVE.
 *
 * `setseed` makes the run repeatable.
 */
export async function growBank(db: postgres.Sql, target: { customers: number; holdings: number }, progress: (m: string) => void): Promise<GrowResult> {
  const steps: GrowResult['steps'] = [];
  const timed = async (name: string, q: string) => {
    const t = performance.now();
    const r = await db.unsafe(q);
    steps.push({ name, ms: performance.now() - t });
    progress(`${name}: ${r.count ?? ''} rows in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  };
  const customersBefore = await one(db, 'select count(*) n from customers');
  const holdingsBefore = await one(db, 'select count(*) n from holdings');
  const firstNewCustomerId = (await one(db, 'select max(id) n from customers')) + 1;
  const newCustomers = target.customers - customersBefore;
  const newHoldings = target.holdings - holdingsBefore;

  await db.unsafe('select setseed(0.20260101)');
  await timed(
    `insert ${newCustomers.toLocaleString('en')} customers`,
    `with src as (select row_number() over (order by id) - 1 as rn, c.* from customers c),
          mgr as (select row_number() over (order by (grade = 'PRINCIPAL') desc, (grade = 'SENIOR') desc, id) - 1 as rn, id, branch_id from managers),
          sizes as (select (select count(*) from src) as nsrc, (select count(*) from mgr) as nmgr),
          gen as (select g, random() r_mgr, random() r_keep, random() r_risk, random() r_birth, random() r_money, random() r_when
                    from generate_series(1, ${newCustomers}) g)
     insert into customers (name, id_type, id_number, phone, birth_date, gender, residency, nationality, occupation, employer_sector,
                            personal_annual_income, household_annual_income, household_financial_assets, income_three_year_average,
                            has_stable_income, student, legal_capacity, id_verified, investor_type, investor_type_basis, fx_watch_list,
                            manager_id, branch_id, risk_level, risk_assessed_at, last_activity_at, assets_cny, created_at, updated_at)
     select s.name || '·' || gen.g, s.id_type, s.id_number, left(s.phone, 3) || lpad(((gen.g::bigint * 7919) % 100000000)::text, 8, '0'),
            s.birth_date + (floor(gen.r_birth * 731)::int - 365), s.gender, s.residency, s.nationality, s.occupation, s.employer_sector,
            round(s.personal_annual_income * (0.5 + gen.r_money)::numeric, 2), round(s.household_annual_income * (0.5 + gen.r_money)::numeric, 2),
            round(s.household_financial_assets * (0.5 + gen.r_money)::numeric, 2), round(s.income_three_year_average * (0.5 + gen.r_money)::numeric, 2),
            s.has_stable_income, s.student, s.legal_capacity, s.id_verified, s.investor_type, s.investor_type_basis, s.fx_watch_list,
            m.id, m.branch_id, r.level,
            case when r.level is null then null else now() - gen.r_when * interval '700 days' end,
            now() - gen.r_when * interval '400 days',
            round(s.assets_cny * (0.5 + gen.r_money)::numeric, 2), now() - interval '3 years' + gen.r_when * interval '2 years', now()
       from gen
       cross join sizes
       join src s on s.rn = gen.g % sizes.nsrc
       join mgr m on m.rn = least(sizes.nmgr - 1, floor(sizes.nmgr * power(gen.r_mgr, 1.3)))
       cross join lateral (select case
            when gen.r_keep < 0.7 and s.risk_level is not null then s.risk_level
            when gen.r_risk < 0.03 then null when gen.r_risk < 0.13 then 'C1' when gen.r_risk < 0.38 then 'C2'
            when gen.r_risk < 0.72 then 'C3' when gen.r_risk < 0.92 then 'C4' else 'C5' end as level) r
      order by gen.g`,
  );
  await timed(
    'insert risk assessments of the new customers',
    `insert into risk_assessments (customer_id, level, lowest_category, investor_type, experience_years, channel, assessed_at, recorded_by)
     select id, risk_level, risk_level = 'C1', investor_type, floor(random() * 15)::int, case when id % 3 = 0 then 'MOBILE' else 'COUNTER' end,
            risk_assessed_at, 'bench-scale'
       from customers where id >= ${firstNewCustomerId} and risk_level is not null`,
  );
  await timed(
    `insert ${newHoldings.toLocaleString('en')} holdings`,
    `with src as (select row_number() over (order by id) - 1 as rn, h.* from holdings h where status = 'ACTIVE'),
          sizes as (select count(*) as nsrc from src),
          gen as (select g, random() r_who, random() r_scale, random() r_when from generate_series(1, ${newHoldings}) g)
     insert into holdings (customer_id, product_id, quantity, cost_amount, cost_currency, status, attributes, opened_at, updated_at)
     select ${firstNewCustomerId} + floor(gen.r_who * ${newCustomers})::int, s.product_id,
            round(s.quantity * (0.5 + gen.r_scale)::numeric, 6), round(s.cost_amount * (0.5 + gen.r_scale)::numeric, 2), s.cost_currency,
            'ACTIVE', s.attributes, now() - gen.r_when * interval '3 years', now()
       from gen cross join sizes join src s on s.rn = gen.g % sizes.nsrc`,
  );
  // A bulk load is followed by autovacuum in production; do it now so the
  // planner sees real statistics and visibility maps.
  await timed('vacuum analyze', 'vacuum (analyze) customers, holdings, risk_assessments');
  await timed('analyze', 'analyze');
  return {
    customersBefore,
    customersAfter: await one(db, 'select count(*) n from customers'),
    holdingsBefore,
    holdingsAfter: await one(db, 'select count(*) n from holdings'),
    assessmentsAfter: await one(db, 'select count(*) n from risk_assessments'),
    firstNewCustomerId,
    steps,
  };
}
