import { eq } from 'drizzle-orm';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { HostContext } from '../app/runtime.js';
import { recordAudit } from '../audit/record.js';
import { errorSummary } from '../error-summary.js';
import { checkText } from '../domain/customers/customer.validation.js';
import { requireRole } from '../auth/guards.js';
import type { Tx } from '../db/client.js';
import { bundleItems, bundles, bundleServices } from '../db/schema/index.js';
import { badInput, conflict, notFound } from '../graphql/errors.js';
import { numericIdOf, toGlobalId } from '../graphql/relay/global-id.js';
import { text } from '../i18n/localized.js';
import type { BundleRow } from './bundle.query.js';
import { Bundle } from './bundle.types.js';
import { BundleDesignInput, RetireBundleInput, UpdateBundleInput } from './bundle-admin.types.js';
import { checkDesign, type CheckedDesign } from './bundle-design.js';

const isUniqueViolation = (e: unknown): boolean => errorSummary(e).code === '23505';

/** Writes one version of a bundle with its items and services (in `tx`). */
async function writeVersion(tx: Tx, d: CheckedDesign, version: number, ctx: HostContext): Promise<BundleRow> {
  const [row] = await tx
    .insert(bundles)
    .values({
      code: d.code, version, nameZh: d.nameZh, nameEn: d.nameEn, descriptionZh: d.descriptionZh, descriptionEn: d.descriptionEn, kind: d.kind, ...d.target, pricing: d.pricing,
      status: 'ACTIVE', validFrom: d.validFrom, validTo: d.validTo, createdBy: ctx.principal.subject, createdAt: ctx.now,
    })
    .returning();
  await tx.insert(bundleItems).values(
    d.items.map((i, n) => ({ bundleId: row!.id, productId: i.product.id, position: n + 1, suggestedAmount: i.suggestedAmount, quantity: i.quantity, share: i.share, roleZh: i.roleZh, roleEn: i.roleEn })),
  );
  if (d.services.length > 0) await tx.insert(bundleServices).values(d.services.map((s, n) => ({ bundleId: row!.id, code: s.code, amount: s.amount, position: n + 1 })));
  return row!;
}

const audit = (tx: Tx, ctx: HostContext, action: string, b: BundleRow, reason: string, extra: Record<string, unknown> = {}) =>
  recordAudit({ db: tx, principal: ctx.principal, requestId: ctx.requestId }, { action, targetType: 'Bundle', targetId: toGlobalId('Bundle', b.id), details: { code: b.code, version: b.version, reason, ...extra } });

/** The ACTIVE version a change names, locked (in `tx`): CONFLICT when it has been superseded or retired meanwhile. */
async function lockActive(tx: Tx, id: number): Promise<BundleRow> {
  const [row] = await tx.select().from(bundles).where(eq(bundles.id, id)).for('update');
  if (!row) throw notFound(text('套餐', 'bundle'));
  if (row.status !== 'ACTIVE') throw conflict(text(`该套餐版本已是 ${row.status}，请基于当前版本修改`, `This version is ${row.status}; change the current version`), { status: row.status });
  return row;
}

/** 套餐管理: head office designs, versions and retires bundles; every change audited with its reason. */
@Resolver()
export class BundleAdminResolver {
  @Mutation(() => Bundle, {
    description:
      'Designs a new bundle (version 1), head office only. Refused (BAD_USER_INPUT) before anything is written when an item does not exist or is not on sale, and — with the reasons per item in ' +
      '`extensions.items` — when no customer of the target segment could be sold an item (an R5 fund in a bundle for conservative customers). CONFLICT when the code exists. Audited (BUNDLE_CREATED).',
  })
  async createBundle(@Arg('input', () => BundleDesignInput) input: BundleDesignInput, @Ctx() ctx: HostContext): Promise<BundleRow> {
    requireRole(ctx, 'HEAD_OFFICE');
    const design = await checkDesign(input, ctx);
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

  @Mutation(() => Bundle, {
    description:
      'Writes a new version of an ACTIVE bundle (the whole design, checked as createBundle checks it); the version named becomes SUPERSEDED — orders placed on it keep pointing at it, and it is still ' +
      'sold for core.bundles.supersededGraceDays to whoever was offered it. CONFLICT when the version is no longer the current one. Head office only; audited (BUNDLE_UPDATED).',
  })
  async updateBundle(@Arg('input', () => UpdateBundleInput) input: UpdateBundleInput, @Ctx() ctx: HostContext): Promise<BundleRow> {
    requireRole(ctx, 'HEAD_OFFICE');
    const id = numericIdOf(input.bundleId, 'Bundle');
    if (!id) throw badInput(text('套餐编号无效', 'bundleId is not a bundle id'), 'bundleId');
    const design = await checkDesign(input, ctx);
    try {
      return await ctx.db.transaction(async (tx) => {
        const current = await lockActive(tx, id);
        if (current.code !== design.code) throw badInput(text('新版本沿用原套餐代码', 'A new version keeps the bundle\'s code'), 'code');
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

  @Mutation(() => Bundle, { description: 'Retires an ACTIVE bundle: no longer offered or sold (orders placed on it stand). Head office only; audited (BUNDLE_RETIRED).' })
  async retireBundle(@Arg('input', () => RetireBundleInput) input: RetireBundleInput, @Ctx() ctx: HostContext): Promise<BundleRow> {
    requireRole(ctx, 'HEAD_OFFICE');
    const id = numericIdOf(input.bundleId, 'Bundle');
    if (!id) throw badInput(text('套餐编号无效', 'bundleId is not a bundle id'), 'bundleId');
    const reason = checkText(input.reason, 'reason', 500);
    return ctx.db.transaction(async (tx) => {
      const current = await lockActive(tx, id);
      const [row] = await tx.update(bundles).set({ status: 'RETIRED', endedAt: ctx.now }).where(eq(bundles.id, id)).returning();
      await audit(tx, ctx, 'BUNDLE_RETIRED', row!, reason, { version: current.version });
      return row!;
    });
  }
}
