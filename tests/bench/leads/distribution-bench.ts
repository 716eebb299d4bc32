import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { graphql } from 'graphql';
import type { Host } from '../../../src/app/host.js';
import type { Principal } from '../../../src/auth/principal.js';
import { resultRows } from '../../../src/db/result-rows.js';
import { countStatements } from '../../../src/db/statement-counter.js';
import { toGlobalId } from '../../../src/graphql/relay/global-id.js';
import { createRequestContext } from '../../../src/http/context.js';

/** The size of a distribution run: branches (each with managers), and leads. */
export interface LeadBenchSize {
  branches: number;
  managersPerBranch: number;
  leads: number;
}

/** What one strategy did with every lead, and how well. */
export interface DistributionRun {
  strategy: string;
  capacity: number;
  ms: number;
  statements: number;
  assigned: number;
  unassigned: number;
  /** Lead → the assigned manager's branch, km: mean, 90th percentile, max. */
  km: { mean: number; p90: number; max: number };
  /** Mean distance from each assigned lead to its nearest branch: no assignment can do better. */
  nearestKm: number;
  /** Share of assigned leads whose manager covers the lead's industry. */
  industryMatch: number;
  /** Leads per manager after the run (open leads held): min, max, standard deviation. */
  load: { min: number; max: number; sd: number };
  /** The same input on the same state gave the same assignments. */
  deterministic: boolean;
}

const INDUSTRIES = [
  'MANUFACTURING',
  'CONSTRUCTION',
  'REAL_ESTATE',
  'WHOLESALE_RETAIL',
  'TRANSPORT',
  'IT_SERVICES',
  'HEALTHCARE',
  'EDUCATION',
  'PUBLIC_SECTOR',
  'AGRICULTURE',
];
const PRINCIPAL: Principal = { subject: 'bench-leads', role: 'HEAD_OFFICE' };
const MUTATION = `mutation($i: DistributeLeadsInput!) { distributeLeads(input: $i) { manager { id } } }`;

/**
 * A bank for the distribution bench, set-based (INSERT … SELECT over
 * generate_series, `setseed` for repeatability): branches on a grid over the
 * Yangtze delta (~30 km apart), managers covering two industries each in
 * rotation, and leads scattered around a random branch (σ ≈ 10 km) with a
 * random industry and value. Returns the lead ids.
 */
export async function buildLeadBank(host: Host, size: LeadBenchSize): Promise<number[]> {
  const db = host.runtime.database.db;
  const list = (xs: string[]) => sql.raw(`array[${xs.map((x) => `'${x}'`).join(', ')}]`);
  await db.execute(sql`select setseed(0.1130)`);
  await db.execute(sql`insert into branches (code, name_zh, name_en, city, latitude, longitude)
    select 'LB' || lpad(g::text, 3, '0'), '线索网点' || g, 'Lead branch ' || g, 'Delta',
      30.5 + ((g - 1) / 5) * 0.27, 120.0 + ((g - 1) % 5) * 0.31
    from generate_series(1, ${size.branches}) g`);
  await db.execute(sql`insert into managers (code, name, grade, branch_id, phone, industries)
    select 'LM' || lpad(g::text, 4, '0'), '经理' || g, 'SENIOR', b.id, '139' || lpad(g::text, 8, '0'),
      array[(${list(INDUSTRIES)})[1 + (g * 2) % 10], (${list(INDUSTRIES)})[1 + (g * 2 + 1) % 10]]
    from generate_series(1, ${size.branches * size.managersPerBranch}) g
      join (select id, row_number() over (order by id) as rn from branches where code like 'LB%') b on b.rn = 1 + (g - 1) / ${size.managersPerBranch}`);
  const rows = resultRows<{ id: number }>(
    await db.execute(sql`with home as (select id, latitude, longitude, row_number() over (order by id) as rn from branches where code like 'LB%'),
        gen as (select g, 1 + floor(random() * ${size.branches})::int as rn, random() as u1, random() as u2, random() as ui, random() as uv
                from generate_series(1, ${size.leads}) g)
      insert into leads (source, prospect_kind, prospect_name, industry, district, latitude, longitude, estimated_value, branch_id, created_by)
      select 'CAMPAIGN', 'PERSON', '潜客' || gen.g, (${list(INDUSTRIES)})[1 + floor(gen.ui * 10)::int], 'D',
        -- Box–Muller: σ 0.09° (≈ 10 km) around the home branch.
        round((h.latitude + 0.09 * sqrt(-2 * ln(greatest(gen.u1, 1e-9))) * cos(2 * pi() * gen.u2))::numeric, 6),
        round((h.longitude + 0.09 * sqrt(-2 * ln(greatest(gen.u1, 1e-9))) * sin(2 * pi() * gen.u2))::numeric, 6),
        (10000 * (1 + floor(gen.uv * 500)))::numeric, h.id, 'bench'
      from gen join home h on h.rn = gen.rn
      returning id`),
  );
  return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

/** Puts the bench's leads back in their pools (between strategies). */
async function resetLeads(host: Host, ids: number[]): Promise<void> {
  await host.runtime.database.db.execute(
    sql`update leads set manager_id = null, stage = 'COLLECTED', assigned_at = null where id = any(${sql.raw(`array[${ids.join(',')}]`)}::int[])`,
  );
}

async function distribute(host: Host, ids: number[], strategy: string, capacity: number) {
  const ctx = createRequestContext(host.runtime, PRINCIPAL, 'en', randomUUID());
  const started = performance.now();
  const { result, log } = await countStatements(() =>
    graphql({
      schema: host.schema,
      source: MUTATION,
      contextValue: ctx,
      variableValues: { i: { leadIds: ids.map((id) => toGlobalId('Lead', id)), strategy, capacity, idempotencyKey: `bench-${randomUUID()}` } },
    }),
  );
  if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join('; '));
  const managers = (result.data as { distributeLeads: { manager: { id: string } | null }[] }).distributeLeads.map((a) => a.manager?.id ?? null);
  return { ms: performance.now() - started, statements: log.count, managers };
}

/** Quality of the current assignment of `ids`, in SQL (distances by the same haversine as the mutation). */
async function quality(host: Host, ids: number[]) {
  const arr = sql.raw(`array[${ids.join(',')}]::int[]`);
  const km = (lat: string, lon: string) =>
    sql.raw(
      `6371.0088 * 2 * asin(sqrt(power(sin(radians(${lat} - l.latitude) / 2), 2) + cos(radians(l.latitude)) * cos(radians(${lat})) * power(sin(radians(${lon} - l.longitude) / 2), 2)))`,
    );
  const [q] = resultRows(
    await host.runtime.database.db.execute(sql`with a as (
        select l.id, m.id as manager_id, ${km('b.latitude', 'b.longitude')} as km, l.industry = any(m.industries) as match,
          (select min(${km('x.latitude', 'x.longitude')}) from branches x where x.code like 'LB%') as nearest
        from leads l left join managers m on m.id = l.manager_id left join branches b on b.id = m.branch_id where l.id = any(${arr})),
      loads as (select m.id, count(l.id) filter (where l.stage in ('DISTRIBUTED', 'FEEDBACK', 'REFINED')) as n from managers m left join leads l on l.manager_id = m.id where m.code like 'LM%' group by m.id)
      select count(manager_id)::int as assigned, (count(*) - count(manager_id))::int as unassigned,
        avg(km) as mean, percentile_cont(0.9) within group (order by km) as p90, max(km) as max, avg(nearest) as nearest,
        avg(case when match then 1.0 else 0.0 end) filter (where manager_id is not null) as match,
        (select min(n) from loads) as lmin, (select max(n) from loads) as lmax, (select stddev_pop(n) from loads) as lsd
      from a`),
  );
  const n = (v: unknown) => (v == null ? NaN : Number(v));
  return {
    assigned: n(q!.assigned),
    unassigned: n(q!.unassigned),
    km: { mean: n(q!.mean), p90: n(q!.p90), max: n(q!.max) },
    nearestKm: n(q!.nearest),
    industryMatch: n(q!.match),
    load: { min: n(q!.lmin), max: n(q!.lmax), sd: n(q!.lsd) },
  };
}

/**
 * Every strategy over the same leads from the same state: timed and counted
 * (statements of the whole request), then measured; each run twice from the
 * same state, which must give the same assignments.
 */
export async function runDistributionBench(
  host: Host,
  ids: number[],
  capacity: number,
  strategies = ['NEAREST', 'INDUSTRY', 'COMBINED'],
): Promise<DistributionRun[]> {
  const runs: DistributionRun[] = [];
  for (const strategy of strategies) {
    await resetLeads(host, ids);
    const first = await distribute(host, ids, strategy, capacity);
    const measured = await quality(host, ids);
    await resetLeads(host, ids);
    const second = await distribute(host, ids, strategy, capacity);
    runs.push({
      strategy,
      capacity,
      ms: first.ms,
      statements: first.statements,
      ...measured,
      deterministic: JSON.stringify(first.managers) === JSON.stringify(second.managers),
    });
  }
  return runs;
}

const f = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');

/** The runs as a markdown table. */
export function renderDistribution(size: LeadBenchSize, runs: DistributionRun[]): string {
  const L = [
    `| strategy | time | statements | assigned / unassigned | km to the manager's branch: mean / p90 / max | nearest possible (mean km) | industry match | leads per manager: min / max / sd | deterministic |`,
    '|---|---:|---:|---|---|---:|---:|---|---|',
  ];
  for (const r of runs) {
    L.push(
      `| ${r.strategy} (capacity ${r.capacity}) | ${f(r.ms / 1000, 2)} s | ${r.statements} | ${r.assigned.toLocaleString('en')} / ${r.unassigned.toLocaleString('en')} | ${f(r.km.mean)} / ${f(r.km.p90)} / ${f(r.km.max)} | ${f(r.nearestKm)} | ${f(r.industryMatch * 100)} % | ${r.load.min} / ${r.load.max} / ${f(r.load.sd)} | ${r.deterministic ? 'yes' : '**no**'} |`,
    );
  }
  return [
    `${size.leads.toLocaleString('en')} leads, ${size.branches} branches × ${size.managersPerBranch} managers = ${size.branches * size.managersPerBranch} managers.`,
    '',
    ...L,
  ].join('\n');
}
