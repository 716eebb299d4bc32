import { sql } from 'drizzle-orm';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { HostContext } from '../../graphql/context.js';
import { recordAuditBatch } from '../../audit/record.js';
import { requireRole } from '../../auth/guards.js';
import { intArray } from '../../db/int-array.js';
import { jsonValue } from '../../db/json-rows.js';
import { resultRows } from '../../db/result-rows.js';
import type { Tx } from '../../db/client.js';
import { leads, managers } from '../../db/schema/index.js';
import { managerScope } from '../../access/scope.js';
import { badInput } from '../../graphql/errors.js';
import { numericIdOf, toGlobalId } from '../../graphql/relay/global-id.js';
import { text, type LocalizedText } from '../../i18n/localized.js';
import { checkIdempotencyKey, claimIdempotencyKey, requestHash, storeIdempotentResponse } from '../../orders/idempotency.js';
import { managerLoader } from '../core-loaders.js';
import { decide, type Candidate, type Decision, type PoolLead } from './distribution.js';
import type { LeadStrategy } from './lead.enums.js';
import { leadScope } from './lead.scope.js';
import { leadConfig, leadIndustries } from './lead.settings.js';
import { DistributeLeadsInput, LeadAssignment } from './lead.types.js';
import type { LeadRow } from './lead.resolver.js';

const MAX_LEADS = 10_000;
const MAX_CAPACITY = 1_000;

/** What is stored under the idempotency key and replayed: ids and both languages' reasons. */
type Stored = { leadId: number; managerId: number | null; reason: LocalizedText }[];

/** Great-circle distance in km between a lead (alias l) and a branch (alias b): the haversine formula, in SQL. */
const HAVERSINE_KM = sql.raw(`6371.0088 * 2 * asin(sqrt(
  power(sin(radians(b.latitude - l.latitude) / 2), 2) + cos(radians(l.latitude)) * cos(radians(b.latitude)) * power(sin(radians(b.longitude - l.longitude) / 2), 2)))`);

/** The leads asked for (in scope) with their branches by distance: one statement for any number of leads. */
async function readLeads(tx: Tx, ctx: HostContext, ids: number[], branchIds: number[]): Promise<PoolLead[]> {
  const rows = resultRows(
    await tx.execute(sql`select l.id, l.manager_id, l.stage, l.industry, l.estimated_value::float8 as value,
        coalesce((select json_agg(json_build_object('branchId', d.id, 'km', d.km) order by d.km, d.id)
          from (select b.id, round((${HAVERSINE_KM})::numeric, 3)::float8 as km from branches b
                where b.id = any(${intArray([0, ...branchIds])}) and b.latitude is not null) d), '[]'::json) as nearest
      from ${leads} l where l.id = any(${intArray(ids)}) and ${leadScopeAliased(ctx)}
      for update of l`),
  );
  return rows.map((r) => ({
    id: Number(r.id),
    managerId: r.manager_id == null ? null : Number(r.manager_id),
    stage: String(r.stage),
    industry: String(r.industry),
    estimatedValue: Number(r.value),
    nearest: jsonValue<PoolLead['nearest']>(r.nearest),
  }));
}

/** leadScope() names the table `leads`; the statement above aliases it `l`. */
const leadScopeAliased = (ctx: HostContext) => sql`l.id in (select ${leads.id} from ${leads} where ${leadScope(ctx.principal)})`;

/** The managers of the caller's roster scope (a branch manager: their branch) with branch, industries and open leads: one statement. */
async function readManagers(tx: Tx, ctx: HostContext): Promise<Candidate[]> {
  const rows = resultRows(
    await tx.execute(sql`select ${managers.id} as id, ${managers.branchId} as branch_id, ${managers.industries} as industries,
        (select count(*) from leads x where x.manager_id = ${managers.id} and x.stage in ('DISTRIBUTED', 'FEEDBACK', 'REFINED'))::int as load
      from ${managers} where ${managerScope(ctx.principal)} order by ${managers.id}`),
  );
  return rows.map((r) => ({ id: Number(r.id), branchId: Number(r.branch_id), industries: (r.industries as string[]) ?? [], load: Number(r.load) }));
}

/** Applies the decisions that move leads: one UPDATE, one INSERT of history, one audit batch. */
async function write(tx: Tx, ctx: HostContext, strategy: LeadStrategy, moving: Decision[], pool: Map<number, PoolLead>): Promise<void> {
  if (moving.length === 0) return;
  const values = JSON.stringify(moving.map((d) => ({ id: d.leadId, manager_id: d.managerId, reason: d.reason.en })));
  const now = ctx.now.toISOString();
  await tx.execute(sql`update leads set stage = 'DISTRIBUTED', manager_id = v.manager_id,
      assigned_at = case when v.manager_id is null then leads.assigned_at else ${now}::timestamptz end, updated_at = ${now}::timestamptz, version = leads.version + 1
    from json_to_recordset(${values}::json) as v(id int, manager_id int, reason text) where leads.id = v.id`);
  await tx.execute(sql`insert into lead_events (lead_id, from_stage, to_stage, manager_id, branch_id, actor, reason, at)
    select v.id, v.from_stage, 'DISTRIBUTED', v.manager_id, l.branch_id, ${ctx.principal.subject}, v.reason, ${now}::timestamptz
    from json_to_recordset(${JSON.stringify(moving.map((d) => ({ id: d.leadId, manager_id: d.managerId, from_stage: pool.get(d.leadId)!.stage, reason: `${strategy}: ${d.reason.en}` })))}::json)
      as v(id int, manager_id int, from_stage text, reason text) join leads l on l.id = v.id`);
  await recordAuditBatch(
    { db: tx, principal: ctx.principal, requestId: ctx.requestId },
    moving.map((d) => ({
      action: 'LEAD_DISTRIBUTED',
      targetType: 'Lead',
      targetId: toGlobalId('Lead', d.leadId),
      details: { strategy, from: pool.get(d.leadId)!.stage, managerId: d.managerId === null ? null : toGlobalId('CustomerManager', d.managerId) },
    })),
  );
}

@Resolver()
export class DistributeLeadsResolver {
  @Mutation(() => [LeadAssignment], {
    description:
      '信息发布: assigns leads of the pool to managers of your scope (branch manager: your branch; head office: every branch) by CLAIM_FIRST, NEAREST, INDUSTRY or ' +
      "COMBINED (see LeadDistributionStrategy), no manager holding more than `capacity` open leads afterwards. A manager's location is their branch's. Leads already held " +
      'keep their holder (reported, not moved). Deterministic for the same input and state; idempotent under `idempotencyKey` (the same key and input replay the first ' +
      'result). Every lead moved is audited (LEAD_DISTRIBUTED). Reads in two statements and writes in three, whatever the number of leads.',
  })
  async distributeLeads(
    @Arg('input', () => DistributeLeadsInput, { description: 'Which leads to distribute, by which strategy, with an idempotency key.' })
    input: DistributeLeadsInput,
    @Ctx() ctx: HostContext,
  ): Promise<LeadAssignment[]> {
    requireRole(ctx, 'BRANCH_MANAGER', 'HEAD_OFFICE');
    const key = checkIdempotencyKey(input.idempotencyKey);
    if (input.leadIds.length === 0 || input.leadIds.length > MAX_LEADS)
      throw badInput(text(`leadIds 须为 1 到 ${MAX_LEADS} 条`, `leadIds must hold 1 to ${MAX_LEADS} leads`), 'leadIds');
    const ids = input.leadIds.map((id) => {
      const n = numericIdOf(id, 'Lead');
      if (!n) throw badInput(text('线索编号无效', 'leadIds holds an id that is not a lead id'), 'leadIds');
      return n;
    });
    if (new Set(ids).size !== ids.length) throw badInput(text('leadIds 有重复', 'leadIds holds a lead twice'), 'leadIds');
    const capacity = input.capacity ?? leadConfig(ctx.settings).defaultCapacity;
    if (!Number.isInteger(capacity) || capacity < 1 || capacity > MAX_CAPACITY)
      throw badInput(text(`capacity 须在 1 到 ${MAX_CAPACITY} 之间`, `capacity must be 1 to ${MAX_CAPACITY}`), 'capacity');
    const strategy = input.strategy as LeadStrategy;
    const hash = requestHash({ ids, strategy, capacity });
    const stored = await ctx.db.transaction(async (tx): Promise<Stored> => {
      const claim = await claimIdempotencyKey<Stored>(tx, ctx.principal.subject, key, 'distributeLeads', hash);
      if (claim.state === 'replay') return claim.response;
      const managers = await readManagers(tx, ctx);
      const pool = await readLeads(tx, ctx, ids, [...new Set(managers.map((m) => m.branchId))]);
      if (pool.length !== ids.length)
        throw badInput(text('leadIds 中有不存在或不可见的线索', 'leadIds holds a lead that does not exist or is not yours to distribute'), 'leadIds');
      const byId = new Map(pool.map((l) => [l.id, l]));
      const decisions = decide(
        ids.map((id) => byId.get(id)!),
        managers,
        strategy,
        capacity,
        leadIndustries(ctx.settings),
      );
      await write(
        tx,
        ctx,
        strategy,
        decisions.filter((d) => d.moves),
        byId,
      );
      const response: Stored = decisions.map((d) => ({ leadId: d.leadId, managerId: d.managerId, reason: d.reason }));
      await storeIdempotentResponse(tx, ctx.principal.subject, key, response);
      return response;
    });
    const rows = new Map(
      (
        await ctx.db
          .select()
          .from(leads)
          .where(sql`${leads.id} = any(${intArray(ids)})`)
      ).map((r) => [r.id, r] as [number, LeadRow]),
    );
    return stored.map((s) => ({
      lead: rows.get(s.leadId) as never,
      manager: s.managerId === null ? null : managerLoader(ctx).load(s.managerId),
      reason: ctx.t(s.reason),
    }));
  }
}
