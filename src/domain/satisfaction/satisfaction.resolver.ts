import { WRITER_ROLES } from '../../auth/principal.js';
import { eq, sql } from 'drizzle-orm';
import { Arg, Args, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { HostContext } from '../../graphql/context.js';
import { requireRole } from '../../auth/guards.js';
import { satisfactionResponses } from '../../db/schema/index.js';
import { byKey } from '../../graphql/loaders.js';
import { registerNodeType } from '../../graphql/node-registry.js';
import { childPage } from '../../graphql/relay/child-pages.js';
import { numericIdOf, toGlobalId } from '../../graphql/relay/global-id.js';
import { keysetPage } from '../../graphql/relay/paginate.js';
import type { OrderRow } from '../../orders/order-response.js';
import { Order } from '../../orders/order.types.js';
import { branchLoader, customerLoader, managerLoader } from '../core-loaders.js';
import type { ComplaintRow } from '../complaints/complaint.resolver.js';
import type { CustomerRecord } from '../customers/customer.record.js';
import { Customer } from '../customers/customer.type.js';
import { Branch, CustomerManager } from '../organisation/organisation.types.js';
import { Complaint, Contact } from '../relationship/relationship.types.js';
import { recordSatisfaction, type SatisfactionRow } from './record-satisfaction.js';
import { SUBJECT_NODE_TYPE, type SatisfactionSubjectType } from './satisfaction.definitions.js';
import {
  RecordSatisfactionInput,
  SatisfactionPageArgs,
  SatisfactionResponse,
  SatisfactionResponseConnection,
  SatisfactionSubject,
} from './satisfaction.types.js';

/** A response as resolvers receive it: the row with its global id (customerId stays numeric: reads of it are audited as the customer's). */
export type SatisfactionNode = Omit<SatisfactionRow, 'id'> & { id: string };

const toNode = (r: SatisfactionRow): SatisfactionNode => ({ ...r, id: toGlobalId('SatisfactionResponse', r.id) });

// A response is visible exactly when its customer is.
registerNodeType('SatisfactionResponse', async (ctx, key) => {
  const [row] = await ctx.db.select().from(satisfactionResponses).where(eq(satisfactionResponses.id, key));
  return row && (await customerLoader(ctx).load(row.customerId)) ? toNode(row) : null;
});

/**
 * The response about each subject, one statement per request whatever the
 * number of subjects. Unscoped: only reached from a contact, complaint or order
 * the caller already sees, and a response is always its subject's customer's.
 */
const responseBySubjectLoader = (ctx: HostContext) =>
  ctx.loader<string, SatisfactionRow | null>('satisfaction.bySubject', async (keys) => {
    const pairs = keys.map((k) => k.split(':') as [string, string]);
    const values = sql.join(
      pairs.map(([t, id]) => sql`(${t}, ${Number(id)}::int)`),
      sql`, `,
    );
    const rows = await ctx.db
      .select()
      .from(satisfactionResponses)
      .where(sql`(${satisfactionResponses.subjectType}, ${satisfactionResponses.subjectId}) in (${values})`);
    return byKey(keys, rows, (r) => `${r.subjectType}:${r.subjectId}`);
  });

const responseAbout = (ctx: HostContext, type: SatisfactionSubjectType, key: number | null) =>
  key === null
    ? null
    : responseBySubjectLoader(ctx)
        .load(`${type}:${key}`)
        .then((r) => (r ? toNode(r) : null));

const pageLimits = (ctx: HostContext) => ctx.settings.get<{ default: number; max: number }>('core.pageSize');

@Resolver()
export class RecordSatisfactionResolver {
  @Mutation(() => SatisfactionResponse, {
    description:
      "客户满意度追踪调查 / Records a customer's satisfaction with one of their contacts (one that reached them), complaints (once HANDLED) or orders. " +
      'Relationship managers for their book, branch managers for their branch, head office for any customer; auditors and partners FORBIDDEN; a customer ' +
      "out of your scope NOT_FOUND. A score or recommend value off its scale, a comment over 500 characters, or a subject that is not the customer's → " +
      'BAD_USER_INPUT naming the field, before anything is written; a second response for the same subject → CONFLICT. Audited (SATISFACTION_RECORDED: ' +
      'subject and scores, never the comment).',
  })
  async recordSatisfaction(
    @Arg('input', () => RecordSatisfactionInput, { description: 'The customer, the subject and the answers.' }) input: RecordSatisfactionInput,
    @Ctx() ctx: HostContext,
  ): Promise<SatisfactionNode> {
    requireRole(ctx, ...WRITER_ROLES);
    return toNode(await recordSatisfaction(ctx, input));
  }
}

@Resolver(() => SatisfactionResponse)
export class SatisfactionResponseResolver {
  @FieldResolver(() => SatisfactionSubject, { description: 'What the response is about.' })
  subject(@Root() r: SatisfactionNode): SatisfactionSubject {
    return { type: r.subjectType, id: toGlobalId(SUBJECT_NODE_TYPE[r.subjectType as SatisfactionSubjectType], r.subjectId) };
  }

  @FieldResolver(() => Customer, { nullable: true, description: 'The customer who answered (null only if they have left your scope since).' })
  customer(@Root() r: SatisfactionNode, @Ctx() ctx: HostContext) {
    return customerLoader(ctx).load(r.customerId);
  }

  @FieldResolver(() => CustomerManager, { nullable: true, description: 'The manager responsible for the subject when it happened; null when there was none.' })
  manager(@Root() r: SatisfactionNode, @Ctx() ctx: HostContext) {
    return r.managerId === null ? null : managerLoader(ctx).load(r.managerId);
  }

  @FieldResolver(() => Branch, {
    nullable: true,
    description: 'The branch responsible for the subject when it happened; null when there was none (a self-service order of a customer without a close).',
  })
  branch(@Root() r: SatisfactionNode, @Ctx() ctx: HostContext) {
    return r.branchId === null ? null : branchLoader(ctx).load(r.branchId);
  }
}

@Resolver(() => Customer)
export class CustomerSatisfactionResolver {
  @FieldResolver(() => SatisfactionResponseConnection, {
    description:
      "客户满意度 / The customer's satisfaction responses, newest first; visible to whoever sees the customer. Pages of many customers cost one statement.",
  })
  satisfaction(@Root() c: CustomerRecord, @Ctx() ctx: HostContext, @Args(() => SatisfactionPageArgs) args: SatisfactionPageArgs) {
    return childPage(
      ctx,
      {
        name: 'satisfaction.byCustomer',
        table: satisfactionResponses,
        parent: satisfactionResponses.customerId,
        key: satisfactionResponses.id,
        newestFirst: true,
        node: toNode,
      },
      keysetPage(args, pageLimits(ctx), Number.MAX_SAFE_INTEGER),
      c.id,
    );
  }
}

@Resolver(() => Complaint)
export class ComplaintSatisfactionResolver {
  @FieldResolver(() => SatisfactionResponse, {
    nullable: true,
    description: "The customer's satisfaction with the handling of this complaint; null until recorded.",
  })
  satisfaction(@Root() c: ComplaintRow, @Ctx() ctx: HostContext) {
    return responseAbout(ctx, 'COMPLAINT', numericIdOf(c.id, 'Complaint'));
  }
}

@Resolver(() => Contact)
export class ContactSatisfactionResolver {
  @FieldResolver(() => SatisfactionResponse, { nullable: true, description: "The customer's satisfaction with this contact; null until recorded." })
  satisfaction(@Root() k: { id: string }, @Ctx() ctx: HostContext) {
    return responseAbout(ctx, 'CONTACT', numericIdOf(k.id, 'Contact'));
  }
}

@Resolver(() => Order)
export class OrderSatisfactionResolver {
  @FieldResolver(() => SatisfactionResponse, { nullable: true, description: "The customer's satisfaction with this sale; null until recorded." })
  satisfaction(@Root() o: OrderRow, @Ctx() ctx: HostContext) {
    return responseAbout(ctx, 'ORDER', o.id);
  }
}

/** Resolver classes of satisfaction tracking, for the schema. */
export const satisfactionResolvers: Function[] = [
  RecordSatisfactionResolver,
  SatisfactionResponseResolver,
  CustomerSatisfactionResolver,
  ComplaintSatisfactionResolver,
  ContactSatisfactionResolver,
  OrderSatisfactionResolver,
];
