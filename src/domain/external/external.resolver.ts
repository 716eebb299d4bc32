import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { HostContext } from '../../graphql/context.js';
import { customerScope } from '../../access/scope.js';
import { recordAudit } from '../../audit/record.js';
import { requireRole } from '../../auth/guards.js';
import { WRITER_ROLES } from '../../auth/principal.js';
import { checkText } from '../customers/customer.validation.js';
import { customers, externalReports, identityVerifications } from '../../db/schema/index.js';
import { badInput, FinmartError, notFound } from '../../graphql/errors.js';
import { groupByKey } from '../../graphql/loaders.js';
import { toGlobalId } from '../../graphql/relay/global-id.js';
import { text } from '../../i18n/localized.js';
import { findCustomer } from '../customers/customer.query.js';
import type { CustomerRecord } from '../customers/customer.record.js';
import { Customer } from '../customers/customer.type.js';
import { ExternalReport, IdentityVerification, RecordExternalReportInput, VerifyCustomerIdentityInput } from './external.types.js';
import { REPORT_KINDS, type ReportKind } from './report-kinds.js';

const DAY_MS = 86_400_000;
const MAX_AGE_DAYS = 5 * 366;
type ReportRow = typeof externalReports.$inferSelect;

async function customerInBook(ctx: HostContext, id: string): Promise<CustomerRecord> {
  const c = await findCustomer(ctx, id);
  if (!c) throw notFound(text('客户', 'customer'));
  return c;
}

const present = (r: ReportRow, now: Date): ExternalReport => ({
  id: toGlobalId('ExternalReport', r.id),
  source: r.source,
  kind: r.kind,
  reportedAt: r.reportedAt,
  ageDays: Math.floor((now.getTime() - r.reportedAt.getTime()) / DAY_MS),
  payload: r.payload,
  reference: r.reference,
  recordedBy: r.recordedBy,
  recordedAt: r.recordedAt,
});

/** 外部信息 and 身份核验: facts from outside the bank, recorded with their provenance. */
@Resolver()
export class ExternalFactsMutationResolver {
  @Mutation(() => ExternalReport, {
    description:
      "Records a report from outside the bank (credit bureau, FX authority, income verification) for a customer in your book. The source must be the kind's, the payload must match the kind " +
      '(BAD_USER_INPUT naming what is wrong, before anything is written), reportedAt within the last five years and not in the future. Rules read the newest report of each kind with its age. ' +
      'Append-only; audited (EXTERNAL_REPORT_RECORDED, without the payload).',
  })
  async recordExternalReport(
    @Arg('input', () => RecordExternalReportInput, { description: 'The report: customer, source, kind and its content.' }) input: RecordExternalReportInput,
    @Ctx() ctx: HostContext,
  ): Promise<ExternalReport> {
    requireRole(ctx, ...WRITER_ROLES);
    const kind = REPORT_KINDS[input.kind as ReportKind];
    if (!kind) throw badInput(text('未知的报告类型', 'Unknown report kind'), 'kind');
    if (input.source !== kind.source) throw badInput(text(`${input.kind} 只能来自 ${kind.source}`, `${input.kind} comes from ${kind.source} only`), 'source');
    const t = input.reportedAt.getTime();
    if (t > ctx.now.getTime()) throw badInput(text('报告日期不能晚于现在', 'reportedAt is in the future'), 'reportedAt');
    if (t < ctx.now.getTime() - MAX_AGE_DAYS * DAY_MS) throw badInput(text('报告日期早于五年前', 'reportedAt is more than five years ago'), 'reportedAt');
    const parsed = kind.schema.safeParse(input.payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const path = ['payload', ...issue.path.map(String)].join('.');
      throw new FinmartError(
        'BAD_USER_INPUT',
        text(`报告内容不符合 ${input.kind} 的格式：${path}`, `The payload does not match ${input.kind}: ${path} — ${issue.message}`),
        { field: path },
      );
    }
    const reference = checkText(input.reference, 'reference', 100);
    const customer = await customerInBook(ctx, input.customerId);
    const row = await ctx.db.transaction(async (tx) => {
      const [r] = await tx
        .insert(externalReports)
        .values({
          customerId: customer.id,
          source: input.source,
          kind: input.kind,
          reportedAt: input.reportedAt,
          payload: parsed.data as Record<string, unknown>,
          reference,
          recordedBy: ctx.principal.subject,
          recordedAt: ctx.now,
        })
        .returning();
      // The audit trail says what was recorded, never what the report says (other institutions' data about the customer).
      await recordAudit(
        { db: tx, principal: ctx.principal, requestId: ctx.requestId },
        {
          action: 'EXTERNAL_REPORT_RECORDED',
          targetType: 'Customer',
          targetId: toGlobalId('Customer', customer.id),
          details: { source: input.source, kind: input.kind, reportId: r!.id, reportedAt: input.reportedAt.toISOString() },
        },
      );
      return r!;
    });
    return present(row, ctx.now);
  }

  @Mutation(() => Customer, {
    description:
      "身份核验 / Records that the customer's identity document was verified — by an online check against the public security system, in person, or by video — and marks the customer verified. " +
      'Who, how and when are kept (Customer.identityVerifications); audited (ID_VERIFIED).',
  })
  async verifyCustomerIdentity(
    @Arg('input', () => VerifyCustomerIdentityInput, { description: 'The customer and how their identity was verified.' }) input: VerifyCustomerIdentityInput,
    @Ctx() ctx: HostContext,
  ): Promise<CustomerRecord> {
    requireRole(ctx, ...WRITER_ROLES);
    const reference = checkText(input.reference, 'reference', 100);
    const customer = await customerInBook(ctx, input.customerId);
    return ctx.db.transaction(async (tx) => {
      await tx
        .insert(identityVerifications)
        .values({ customerId: customer.id, method: input.method, reference, verifiedBy: ctx.principal.subject, verifiedAt: ctx.now });
      const [row] = await tx
        .update(customers)
        .set({ idVerified: true, version: sql`${customers.version} + 1`, updatedAt: ctx.now })
        .where(and(eq(customers.id, customer.id), customerScope(ctx.principal)))
        .returning();
      await recordAudit(
        { db: tx, principal: ctx.principal, requestId: ctx.requestId },
        { action: 'ID_VERIFIED', targetType: 'Customer', targetId: toGlobalId('Customer', customer.id), details: { method: input.method } },
      );
      return row!;
    });
  }
}

/** The customer's external reports and identity verifications in the 360. */
@Resolver(() => Customer)
export class CustomerExternalFactsResolver {
  @FieldResolver(() => [ExternalReport], { description: 'Reports from outside the bank on file, newest first (every kind).' })
  async externalReports(@Root() c: CustomerRecord, @Ctx() ctx: HostContext): Promise<ExternalReport[]> {
    const rows = await ctx
      .loader<number, ReportRow[]>('core.externalReports', async (ids) =>
        groupByKey(
          ids,
          await ctx.db
            .select()
            .from(externalReports)
            .where(inArray(externalReports.customerId, [...ids]))
            .orderBy(desc(externalReports.reportedAt), desc(externalReports.id)),
          (r) => r.customerId,
        ),
      )
      .load(c.id);
    return rows.map((r) => present(r, ctx.now));
  }

  @FieldResolver(() => [IdentityVerification], {
    description: 'Each verification of the identity document, oldest first (`idVerified` is true once there is one).',
  })
  identityVerifications(@Root() c: CustomerRecord, @Ctx() ctx: HostContext) {
    return ctx
      .loader<number, (typeof identityVerifications.$inferSelect)[]>('core.identityVerifications', async (ids) =>
        groupByKey(
          ids,
          await ctx.db
            .select()
            .from(identityVerifications)
            .where(inArray(identityVerifications.customerId, [...ids]))
            .orderBy(asc(identityVerifications.id)),
          (r) => r.customerId,
        ),
      )
      .load(c.id);
  }
}
