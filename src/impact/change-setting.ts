import { eq, sql } from 'drizzle-orm';
import { isDeepStrictEqual } from 'node:util';
import type { HostContext } from '../graphql/context.js';
import { recordAudit } from '../audit/record.js';
import { requireRole } from '../auth/guards.js';
import { holdForApproval, type ApprovalRow } from '../controls/maker-checker/hold.js';
import { produced, registerApprovalExecutor } from '../controls/maker-checker/executors.js';
import { bankSettings, impactReports, settingChanges } from '../db/schema/index.js';
import { checkText } from '../domain/customers/customer.validation.js';
import { badInput, notFound } from '../graphql/errors.js';
import { numericIdOf, toGlobalId } from '../graphql/relay/global-id.js';
import { text } from '../i18n/localized.js';
import type { SettingChange } from './impact.types.js';
import { checkProposal } from './proposal.js';
import { notifySettingsChanged } from '../settings/settings-sync.js';

/** A setting change as the API receives it. */
export interface ChangeSettingRequest {
  key: string;
  value: unknown;
  reason: string;
  impactReportId: string;
}

/**
 * Applies a bank setting change that a DONE impact report previewed, on the settings version the report read
 * (checked again under a table lock), recorded in setting_changes and audited. Held for a second person when
 * core.makerChecker lists CHANGE_SETTING: the approval re-runs every check, so a change made meanwhile
 * refuses it (preview again).
 */
export async function changeSetting(ctx: HostContext, input: ChangeSettingRequest): Promise<SettingChange | ApprovalRow> {
  requireRole(ctx, 'HEAD_OFFICE');
  const reason = checkText(input.reason, 'reason', 500);
  const reportId = numericIdOf(input.impactReportId, 'ImpactReport');
  if (!reportId) throw badInput(text('影响分析编号无效', 'impactReportId is not an impact report id'), 'impactReportId');
  let value: unknown;
  try {
    value = ctx.host.settings.check(input.key, input.value);
  } catch (e) {
    throw badInput(text(`设置值无效：${(e as Error).message}`, `Invalid setting: ${(e as Error).message}`), 'value');
  }
  const [report] = await ctx.db.select().from(impactReports).where(eq(impactReports.id, reportId));
  if (!report) throw notFound(text('影响分析', 'impact report'));
  if (report.status !== 'DONE') throw badInput(text('影响分析尚未完成', 'The impact report is not DONE'), 'impactReportId');
  const proposed = (report.proposal.settings as { key: string; value: unknown }[]) ?? [];
  const rules = { disable: (report.proposal.disableRules as string[]) ?? [], enable: (report.proposal.enableRules as string[]) ?? [] };
  const previewed =
    input.key === 'core.disabledRules'
      ? rules.disable.length + rules.enable.length > 0 &&
        isDeepStrictEqual(
          value,
          checkProposal({ settings: [], disableRules: rules.disable, enableRules: rules.enable }, ctx.host.settings, ctx.host.rules).disabled,
        )
      : proposed.some((s) => s.key === input.key && isDeepStrictEqual(s.value, value));
  if (!previewed)
    throw badInput(text('该影响分析未预览这一变更，请先预览', 'This impact report did not preview this change: preview it first'), 'impactReportId');
  // A report older than this node's settings is stale for sure; one newer means this node has not heard a change yet,
  // and the check under the lock below decides.
  if (report.settingsVersion < ctx.host.settings.version)
    throw badInput(text('设置在影响分析后已有变更，请重新预览', 'Settings changed since the report: preview again'), 'impactReportId');
  const held = await holdForApproval(ctx, {
    action: 'CHANGE_SETTING',
    targetType: 'Setting',
    targetId: input.key,
    branchId: null,
    input: { key: input.key, value: input.value, reason, impactReportId: input.impactReportId },
  });
  if (held) return held;
  // This node's registry counts every change it has seen; the table counts them all.
  const { change, oldValue } = await ctx.db.transaction(async (tx) => {
    // One change at a time, each on the version its report read: a change made meanwhile (here or on another node) needs a new preview.
    await tx.execute(sql`lock table ${settingChanges} in exclusive mode`);
    const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(settingChanges);
    if (Number(n) !== report.settingsVersion)
      throw badInput(text('设置在影响分析后已有变更，请重新预览', 'Settings changed since the report: preview again'), 'impactReportId');
    // The value before, as stored (under the lock): this node's copy may not have heard another node's change yet.
    const [stored] = await tx.select({ value: bankSettings.value }).from(bankSettings).where(eq(bankSettings.key, input.key));
    const oldValue = stored ? stored.value : ctx.host.settings.definitions().find((d) => d.key === input.key)!.default;
    await tx
      .insert(bankSettings)
      .values({ key: input.key, value, updatedAt: ctx.now, updatedBy: ctx.principal.subject })
      .onConflictDoUpdate({ target: bankSettings.key, set: { value, updatedAt: ctx.now, updatedBy: ctx.principal.subject } });
    const [row] = await tx
      .insert(settingChanges)
      .values({ key: input.key, oldValue, newValue: value, reason, impactReportId: reportId, changedBy: ctx.principal.subject, changedAt: ctx.now })
      .returning();
    await recordAudit(
      { db: tx, principal: ctx.principal, requestId: ctx.requestId },
      { action: 'SETTING_CHANGED', targetType: 'Setting', targetId: input.key, details: { impactReportId: reportId, reason } },
    );
    // Every node reloads its settings when this commits (settings-sync.ts); never for a change rolled back.
    await notifySettingsChanged(tx, input.key);
    return { change: row!, oldValue };
  });
  // In force here once committed, without waiting for the notification; the version is the one the lock checked, plus this change.
  const version = report.settingsVersion + 1;
  ctx.host.settings.applyCommitted(input.key, value, version);
  return {
    key: change.key,
    oldValue,
    newValue: value,
    reason,
    impactReportId: toGlobalId('ImpactReport', reportId),
    changedBy: change.changedBy,
    changedAt: change.changedAt,
    version,
  };
}

registerApprovalExecutor('CHANGE_SETTING', async (ctx, input) => {
  const change = produced(await changeSetting(ctx, input as unknown as ChangeSettingRequest));
  return { type: 'SettingChange', id: change.key };
});
