import { eq } from 'drizzle-orm';
import type { HostContext } from '../graphql/context.js';
import { recordAudit } from '../audit/record.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import { checkText } from '../domain/customers/customer.validation.js';
import { requireRole } from '../auth/guards.js';
import type { Tx } from '../db/client.js';
import { bundleItems, bundles, bundleServices } from '../db/schema/index.js';
import { badInput, conflict, notFound } from '../graphql/errors.js';
import { numericIdOf, toGlobalId } from '../graphql/relay/global-id.js';
import { text } from '../i18n/localized.js';
import type { BundleRow } from './bundle.query.js';
import type { BundleDesignInput, RetireBundleInput, UpdateBundleInput } from './bundle-admin.types.js';
import { heldInput, holdForApproval, type ApprovalRow } from '../controls/maker-checker/hold.js';
import { produced, registerApprovalExecutor } from '../controls/maker-checker/executors.js';
import { checkDesign, type CheckedDesign } from './bundle-design.js';

/** Writes one version of a bundle with its items and services (in `tx`). */
async function writeVersion(tx: Tx, d: CheckedDesign, version: number, ctx: HostContext): Promise<BundleRow> {
  const [row] = await tx
    .insert(bundles)
    .values({
      code: d.code,
      version,
      nameZh: d.nameZh,
      nameEn: d.nameEn,
      descriptionZh: d.descriptionZh,
      descriptionEn: d.descriptionEn,
      kind: d.kind,
      ...d.target,
      pricing: d.pricing,
      status: 'ACTIVE',
      validFrom: d.validFrom,
      validTo: d.validTo,
      createdBy: ctx.principal.subject,
      createdAt: ctx.now,
    })
    .returning();
  await tx.insert(bundleItems).values(
    d.items.map((i, n) => ({
      bundleId: row!.id,
      productId: i.product.id,
      position: n + 1,
      suggestedAmount: i.suggestedAmount,
      quantity: i.quantity,
      share: i.share,
      roleZh: i.roleZh,
      roleEn: i.roleEn,
    })),
  );
  if (d.services.length > 0)
    await tx.insert(bundleServices).values(d.services.map((s, n) => ({ bundleId: row!.id, code: s.code, amount: s.amount, position: n + 1 })));
  return row!;
}

const audit = (tx: Tx, ctx: HostContext, action: string, b: BundleRow, reason: string, extra: Record<string, unknown> = {}) =>
  recordAudit(
    { db: tx, principal: ctx.principal, requestId: ctx.requestId },
    { action, targetType: 'Bundle', targetId: toGlobalId('Bundle', b.id), details: { code: b.code, version: b.version, reason, ...extra } },
  );

/** The ACTIVE version a change names, locked (in `tx`): CONFLICT when it has been superseded or retired meanwhile. */
async function lockActive(tx: Tx, id: number): Promise<BundleRow> {
  const [row] = await tx.select().from(bundles).where(eq(bundles.id, id)).for('update');
  if (!row) throw notFound(text('套餐', 'bundle'));
  if (row.status !== 'ACTIVE')
    throw conflict(text(`该套餐版本已是 ${row.status}，请基于当前版本修改`, `This version is ${row.status}; change the current version`), {
      status: row.status,
    });
  return row;
}

/** Dates of a design, revived from an approval's JSON. */
const revived = <T extends { validFrom?: Date; validTo?: Date }>(input: Record<string, unknown>): T =>
  ({
    ...input,
    validFrom: input.validFrom ? new Date(input.validFrom as string) : undefined,
    validTo: input.validTo ? new Date(input.validTo as string) : undefined,
  }) as unknown as T;

/** Before a change is held for approval: the version it names exists and is ACTIVE (read, not locked — the change locks it when it runs). */
async function activeVersion(ctx: HostContext, id: number): Promise<void> {
  const [row] = await ctx.db.select({ status: bundles.status }).from(bundles).where(eq(bundles.id, id));
  if (!row) throw notFound(text('套餐', 'bundle'));
  if (row.status !== 'ACTIVE')
    throw conflict(text(`该套餐版本已是 ${row.status}，请基于当前版本修改`, `This version is ${row.status}; change the current version`), {
      status: row.status,
    });
}

/**
 * Designs a new bundle (version 1): refused before anything is written when the design does not hold
 * (checkDesign); CONFLICT when the code exists. Audited (BUNDLE_CREATED). Held for a second person when
 * core.makerChecker lists CREATE_BUNDLE.
 */
export async function createBundle(ctx: HostContext, input: BundleDesignInput): Promise<BundleRow | ApprovalRow> {
  requireRole(ctx, 'HEAD_OFFICE');
  const design = await checkDesign(input, ctx);
  const held = await holdForApproval(ctx, {
    action: 'CREATE_BUNDLE',
    targetType: 'BundleCode',
    targetId: design.code,
    branchId: null,
    input: heldInput(input),
  });
  if (held) return held;
  try {
    return await ctx.db.transaction(async (tx) => {
      const [existing] = await tx.select({ id: bundles.id }).from(bundles).where(eq(bundles.code, design.code)).limit(1);
      if (existing) throw conflict(text(`套餐代码 ${design.code} 已存在`, `Bundle code ${design.code} exists`));
      const row = await writeVersion(tx, design, 1, ctx);
      await audit(tx, ctx, 'BUNDLE_CREATED', row, design.reason);
      return row;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict(text(`套餐代码 ${design.code} 已存在`, `Bundle code ${design.code} exists`));
    throw e;
  }
}

/** Writes a new version of an ACTIVE bundle; the version named becomes SUPERSEDED. Audited (BUNDLE_UPDATED); maker-checker UPDATE_BUNDLE. */
export async function updateBundle(ctx: HostContext, input: UpdateBundleInput): Promise<BundleRow | ApprovalRow> {
  requireRole(ctx, 'HEAD_OFFICE');
  const id = numericIdOf(input.bundleId, 'Bundle');
  if (!id) throw badInput(text('套餐编号无效', 'bundleId is not a bundle id'), 'bundleId');
  const design = await checkDesign(input, ctx);
  await activeVersion(ctx, id);
  const held = await holdForApproval(ctx, {
    action: 'UPDATE_BUNDLE',
    targetType: 'Bundle',
    targetId: toGlobalId('Bundle', id),
    branchId: null,
    input: heldInput(input),
  });
  if (held) return held;
  try {
    return await ctx.db.transaction(async (tx) => {
      const current = await lockActive(tx, id);
      if (current.code !== design.code) throw badInput(text('新版本沿用原套餐代码', "A new version keeps the bundle's code"), 'code');
      await tx.update(bundles).set({ status: 'SUPERSEDED', endedAt: ctx.now }).where(eq(bundles.id, id));
      const row = await writeVersion(tx, design, current.version + 1, ctx);
      await audit(tx, ctx, 'BUNDLE_UPDATED', row, design.reason, { previousVersion: current.version });
      return row;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict(text('套餐已被他人修改，请刷新后重试', 'The bundle changed meanwhile; reload and retry'));
    throw e;
  }
}

/** Retires an ACTIVE bundle. Audited (BUNDLE_RETIRED); maker-checker RETIRE_BUNDLE. */
export async function retireBundle(ctx: HostContext, input: RetireBundleInput): Promise<BundleRow | ApprovalRow> {
  requireRole(ctx, 'HEAD_OFFICE');
  const id = numericIdOf(input.bundleId, 'Bundle');
  if (!id) throw badInput(text('套餐编号无效', 'bundleId is not a bundle id'), 'bundleId');
  const reason = checkText(input.reason, 'reason', 500);
  await activeVersion(ctx, id);
  const held = await holdForApproval(ctx, {
    action: 'RETIRE_BUNDLE',
    targetType: 'Bundle',
    targetId: toGlobalId('Bundle', id),
    branchId: null,
    input: heldInput(input),
  });
  if (held) return held;
  return ctx.db.transaction(async (tx) => {
    const current = await lockActive(tx, id);
    const [row] = await tx.update(bundles).set({ status: 'RETIRED', endedAt: ctx.now }).where(eq(bundles.id, id)).returning();
    await audit(tx, ctx, 'BUNDLE_RETIRED', row!, reason, { version: current.version });
    return row!;
  });
}

const bundleResult = (row: BundleRow) => ({ type: 'Bundle', id: toGlobalId('Bundle', row.id) });
registerApprovalExecutor('CREATE_BUNDLE', async (ctx, input) => bundleResult(produced(await createBundle(ctx, revived<BundleDesignInput>(input)))));
registerApprovalExecutor('UPDATE_BUNDLE', async (ctx, input) => bundleResult(produced(await updateBundle(ctx, revived<UpdateBundleInput>(input)))));
registerApprovalExecutor('RETIRE_BUNDLE', async (ctx, input) => bundleResult(produced(await retireBundle(ctx, input as unknown as RetireBundleInput))));
