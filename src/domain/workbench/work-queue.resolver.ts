import { and, asc, inArray } from 'drizzle-orm';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Resolver, Root } from 'type-graphql';
import type { HostContext } from '../../graphql/context.js';
import { customerScope, mayReadManager } from '../../access/scope.js';
import { requireRole } from '../../auth/guards.js';
import { CUSTOMER_READER_ROLES } from '../../auth/principal.js';
import { customers, managers } from '../../db/schema/index.js';
import { badInput, forbidden } from '../../graphql/errors.js';
import { text } from '../../i18n/localized.js';
import { nextTierOf } from '../customers/classification.js';
import { loadCustomers, prefetchFor, type CustomerPrefetch } from '../customers/customer-prefetch.js';
import { CustomerManager } from '../organisation/organisation.types.js';
import { toGlobalId } from '../../graphql/relay/global-id.js';
import type { LineWorkItems } from '../../sdk/manifest.js';
import { beijingDay } from '../common/beijing-time.js';
import { QUEUE_KINDS, WORK_ITEM_KINDS, WorkItemKindEnum, explanationOf, type QueueKind, type WorkItemKind } from './work-item-kinds.js';
import { workQueueCountSql, workQueuePageSql, type WorkItemRow, type WorkQueueCursor, type WorkQueueQuery } from './work-queue.sql.js';
import { WorkItemConnection } from './work-queue.types.js';
import { resultRows } from '../../db/result-rows.js';

type ManagerRow = typeof managers.$inferSelect;

const encodeCursor = (r: WorkItemRow) => Buffer.from(JSON.stringify([r.priority, r.dueAt.toISOString(), r.kind, r.subjectId]), 'utf8').toString('base64url');

function decodeCursor(cursor: string, lineKinds: ReadonlySet<string>): WorkQueueCursor {
  try {
    const [priority, dueAt, kind, subjectId] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const due = new Date(String(dueAt));
    if (
      Number.isInteger(priority) &&
      !Number.isNaN(due.getTime()) &&
      ((WORK_ITEM_KINDS as readonly unknown[]).includes(kind) || lineKinds.has(kind as string)) &&
      Number.isInteger(subjectId) &&
      Math.abs(priority as number) < 2 ** 31 &&
      (subjectId as number) > 0 &&
      (subjectId as number) < 2 ** 31
    ) {
      return { priority: priority as number, dueAt: due, kind: kind as string, subjectId: subjectId as number };
    }
  } catch {
    // falls through to the error below
  }
  throw badInput(text('分页游标 after 无效', 'Cursor "after" is not valid'), 'after');
}

/** One manager's fetched page (one row more than asked, to tell a next page) and its customers. */
interface QueuePage {
  rows: WorkItemRow[];
  customers: Map<number, unknown>;
}

/**
 * The pages of several managers' queues: one statement for the items, one for their
 * customers with what the selection reads below them (holdings, assessments…).
 */
async function loadQueuePages(
  ctx: HostContext,
  q: WorkQueueQuery,
  start: WorkQueueCursor | undefined,
  limit: number,
  prefetch: CustomerPrefetch,
): Promise<QueuePage[]> {
  const rows: WorkItemRow[] = resultRows(await ctx.db.execute(workQueuePageSql(q, start, limit))).map((r) => ({
    managerId: Number(r.manager_id),
    kind: String(r.kind),
    subjectId: Number(r.subject_id),
    customerId: r.customer_id == null ? null : Number(r.customer_id),
    dueAt: new Date(r.due_at as string),
    priority: Number(r.priority),
    assetsCny: r.assets_cny == null ? null : String(r.assets_cny),
    contributionCny: r.contribution_cny == null ? null : String(r.contribution_cny),
  }));
  const ids = [...new Set(rows.flatMap((r) => (r.customerId === null ? [] : [r.customerId])))];
  const found = new Map<number, unknown>();
  if (ids.length > 0) {
    for (const c of await loadCustomers(ctx, and(inArray(customers.id, ids), customerScope(ctx.principal)), asc(customers.id), ids.length, prefetch))
      found.set(c.id, c);
  }
  return q.managerIds.map((id) => ({ rows: rows.filter((r) => r.managerId === id), customers: found }));
}

/** A NEAR_NEXT_TIER item's next tier and gap, from the measures its statement compared (as Customer.nextTier computes them). */
function nearTier(r: WorkItemRow, ctx: HostContext) {
  if (r.kind !== 'NEAR_NEXT_TIER' || r.assetsCny == null) return null;
  return nextTierOf({ assetsCny: r.assetsCny, contributionCny: r.contributionCny ?? '0' }, ctx.settings);
}

/** The manager workbench's queue on CustomerManager. */
@Resolver(() => CustomerManager)
export class WorkQueueResolver {
  @FieldResolver(() => WorkItemConnection, {
    description:
      "The manager's work queue (客户经理工作台): what to do for the customers of their book, ranked by priority (highest first) then due date; one statement per page whatever its size " +
      "(and one for the customers selected), and the same for a page of managers with their queues. A relationship manager sees only their own queue, a branch manager the queues of their branch's managers, head office any; others get FORBIDDEN.",
  })
  async workQueue(
    @Root() m: ManagerRow,
    @Ctx() ctx: HostContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('kinds', () => [WorkItemKindEnum], { nullable: true, description: 'Only these kinds (default: all).' }) kinds?: string[] | null,
    @Arg('first', () => Int, { nullable: true, description: 'Items after `after` (default and maximum: setting core.pageSize).' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page.' }) after?: string | null,
  ) {
    requireRole(ctx, ...CUSTOMER_READER_ROLES);
    const limits = ctx.settings.get<{ default: number; max: number }>('core.pageSize');
    if (first != null && (!Number.isInteger(first) || first < 0 || first > limits.max)) {
      throw badInput(text(`first 必须在 0 到 ${limits.max} 之间`, `"first" must be between 0 and ${limits.max}`), 'first');
    }
    const size = first ?? limits.default;
    const lines = ctx.host.plugins.flatMap((p) => (p.workItems ? [p.workItems] : []));
    const lineOf = new Map<string, LineWorkItems>(lines.flatMap((l) => Object.keys(l.kinds).map((k) => [k, l] as const)));
    const start = after ? decodeCursor(after, new Set(lineOf.keys())) : undefined;
    // A manager outside the caller's roster scope has no queue the caller may read.
    if (!mayReadManager(ctx.principal, m)) throw forbidden(text('只能查看本人（或本网点）客户经理的待办', "Only your own (or your branch's) managers' queues"));
    const kindList = [...new Set((kinds ?? QUEUE_KINDS) as QueueKind[])].sort();
    // Every manager's queue asked with these arguments in this request comes from one statement (a roster page of them too).
    const key = JSON.stringify([info.path.key, kindList, size, after ?? null]);
    const q = { principal: ctx.principal, kinds: kindList, now: ctx.now, settings: ctx.settings, lines };
    const { rows, customers: byId } = await ctx
      .loader<number, QueuePage>(`core.workQueue:${key}`, (ids) =>
        loadQueuePages(ctx, { ...q, managerIds: ids }, start, size + 1, prefetchFor(info, ['edges', 'node', 'customer'])),
      )
      .load(m.id);
    const page = rows.slice(0, size);
    const edges = page.map((r) => {
      const line = lineOf.get(r.kind);
      const customer = r.customerId === null ? null : byId.get(r.customerId);
      const node = line
        ? {
            kind: 'LINE_ITEM',
            lineKind: r.kind,
            subjectId: toGlobalId(line.subjectType, r.subjectId),
            customer,
            leadId: null,
            dueAt: r.dueAt,
            priority: r.priority,
            explanation: ctx.t(line.kinds[r.kind]!.explain(beijingDay(r.dueAt))),
          }
        : {
            kind: r.kind,
            lineKind: null,
            subjectId: null,
            customer,
            leadId: r.kind.startsWith('LEAD_') ? r.subjectId : null,
            dueAt: r.dueAt,
            priority: r.priority,
            explanation: ctx.t(explanationOf(r.kind as WorkItemKind, r.dueAt, nearTier(r, ctx))),
          };
      return { cursor: encodeCursor(r), node };
    });
    const connection = {
      edges,
      pageInfo: {
        hasNextPage: rows.length > size,
        hasPreviousPage: start !== undefined,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
    const counts = ctx.loader<number, number>(`core.workQueueCount:${JSON.stringify(kindList)}`, async (ids) => {
      const n = new Map(resultRows(await ctx.db.execute(workQueueCountSql({ ...q, managerIds: ids }))).map((r) => [Number(r.manager_id), Number(r.n)]));
      return ids.map((id) => n.get(id) ?? 0);
    });
    return Object.defineProperty(connection, 'totalCount', { get: () => counts.load(m.id), enumerable: false });
  }
}
