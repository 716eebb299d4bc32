import { GraphQLJSONObject } from 'graphql-scalars';
import { and, asc, count, desc, eq, gt, gte, lt, type SQL } from 'drizzle-orm';
import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { HostContext } from '../graphql/context.js';
import { requireRole } from '../auth/guards.js';
import type { Role } from '../auth/principal.js';
import { auditEvents } from '../db/schema/index.js';
import { toGlobalId } from '../graphql/relay/global-id.js';
import { keysetPage, toConnection } from '../graphql/relay/paginate.js';
import { ConnectionArgs, connectionTypes } from '../graphql/relay/types.js';
import { DateTimeScalar } from '../graphql/scalars.js';

/**
 * Who may read the audit trail: AUDITOR only. Head office is itself audited
 * (it reveals identities and reads 360s); separation of duties keeps the
 * people being watched out of the record of what they did.
 */
export const AUDIT_READER_ROLES: readonly Role[] = ['AUDITOR'];

type AuditRow = typeof auditEvents.$inferSelect;

@ObjectType('AuditEvent', { description: 'One entry of the append-only audit trail.' })
export class AuditEvent {
  @Field(() => ID, { description: 'Opaque global id of the entry.' }) id!: string;
  @Field(() => DateTimeScalar, { description: 'When the action happened.' }) occurredAt!: Date;
  @Field(() => String, { description: 'The subject (JWT sub) who acted.' }) actor!: string;
  @Field(() => String, { description: 'The role the actor acted in (a Role value).' }) role!: string;
  @Field(() => String, { description: 'e.g. CUSTOMER_360_READ, PII_REVEAL, PII_SEARCH, ORDER_CANCELLED, COMPLAINT_ESCALATED.' }) action!: string;
  @Field(() => String, { description: 'The GraphQL type of what was acted on (Customer, Complaint, Order, Setting…).' }) targetType!: string;
  @Field(() => String, { description: 'Global id of the target.' }) targetId!: string;
  @Field(() => String, { nullable: true, description: 'The purpose the actor stated (identity reveals); null when none is asked for.' }) purpose!:
    string | null;
  @Field(() => String, { nullable: true, description: 'Finds the request in the logs.' }) requestId!: string | null;
  @Field(() => GraphQLJSONObject, { description: 'Context without personal data.' }) details!: Record<string, unknown>;
}

export const { Connection: AuditEventConnection } = connectionTypes('AuditEvent', () => AuditEvent);

@InputType('AuditEventFilter', { description: 'Narrows the audit trail; every criterion given must match exactly (omitted: any).' })
export class AuditEventFilter {
  @Field(() => String, { nullable: true, description: 'Only entries by this subject (JWT sub).' }) actor?: string | null;
  @Field(() => String, { nullable: true, description: 'Only this action (e.g. PII_REVEAL).' }) action?: string | null;
  @Field(() => String, { nullable: true, description: 'Only targets of this type (e.g. Customer).' }) targetType?: string | null;
  @Field(() => String, { nullable: true, description: 'Only this target (its global id).' }) targetId?: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Inclusive.' }) from?: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: 'Exclusive.' }) to?: Date | null;
}

function filterSql(f?: AuditEventFilter | null): SQL | undefined {
  if (!f) return undefined;
  return and(
    f.actor != null ? eq(auditEvents.actor, f.actor) : undefined,
    f.action != null ? eq(auditEvents.action, f.action) : undefined,
    f.targetType != null ? eq(auditEvents.targetType, f.targetType) : undefined,
    f.targetId != null ? eq(auditEvents.targetId, f.targetId) : undefined,
    f.from != null ? gte(auditEvents.occurredAt, f.from) : undefined,
    f.to != null ? lt(auditEvents.occurredAt, f.to) : undefined,
  );
}

@Resolver(() => AuditEvent)
export class AuditEventResolver {
  @FieldResolver(() => ID, { description: 'Opaque global id of the AuditEvent.' })
  id(@Root() r: AuditRow): string {
    return toGlobalId('AuditEvent', r.id);
  }

  @Query(() => AuditEventConnection, { description: 'The audit trail, newest first (AUDITOR only).' })
  async auditEvents(
    @Ctx() ctx: HostContext,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => AuditEventFilter, { nullable: true, description: 'Criteria the events must all meet; omitted: every event.' })
    filter?: AuditEventFilter,
  ) {
    requireRole(ctx, ...AUDIT_READER_ROLES);
    // audit_events is keyed by a bigserial.
    const page = keysetPage(args, ctx.settings.get('core.pageSize'), Number.MAX_SAFE_INTEGER);
    const base = filterSql(filter);
    // Newest first: walk ids downwards, so "after" means older.
    const where = and(
      base,
      page.afterKey !== undefined ? lt(auditEvents.id, page.afterKey) : undefined,
      page.beforeKey !== undefined ? gt(auditEvents.id, page.beforeKey) : undefined,
    );
    const rows = await ctx.db
      .select()
      .from(auditEvents)
      .where(where)
      .orderBy(page.direction === 'forward' ? desc(auditEvents.id) : asc(auditEvents.id))
      .limit(page.limit);
    return toConnection(
      page,
      rows,
      (r) => r.id,
      async () => (await ctx.db.select({ n: count() }).from(auditEvents).where(base))[0].n,
    );
  }
}
