import { Decimal } from 'decimal.js';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Principal } from '../auth/principal.js';
import type { Tx } from '../db/client.js';
import { caseParticipants } from '../db/schema/index.js';
import { FinmartError } from '../graphql/errors.js';
import { text } from '../i18n/localized.js';
import type { SettingDefinition } from '../settings/registry.js';
import type { SettingsReader } from '../settings/reader.js';

/** A case a plugin opened: its type (`loans.application`) and id. */
export interface CaseRef {
  type: string;
  id: string;
}

export type CaseRole = 'MARKETED' | 'INVESTIGATED';

export const APPROVAL_AUTHORITY_SETTING = 'core.approvalAuthority';

export interface ApprovalAuthority {
  /** A branch manager decides cases up to this amount (CNY); head office decides any. */
  branchManagerUpToCny: string;
}

export const approvalAuthoritySettings: SettingDefinition[] = [
  {
    key: APPROVAL_AUTHORITY_SETTING,
    description: text(
      '审批权限：支行负责人可审批的单笔金额上限（元），以上由总行审批',
      'Approval authority: the largest amount (CNY) a branch manager decides; head office decides above it',
    ),
    schema: z.object({ branchManagerUpToCny: z.string().regex(/^\d{1,14}(\.\d{1,2})?$/) }),
    default: { branchManagerUpToCny: '3000000' },
  } satisfies SettingDefinition<ApprovalAuthority>,
] as SettingDefinition[];

/** Records that the caller took part in a case (in the caller's transaction). */
export async function recordParticipation(tx: Tx, principal: Principal, ref: CaseRef, role: CaseRole, at: Date): Promise<void> {
  await tx.insert(caseParticipants).values({ caseType: ref.type, caseId: ref.id, subject: principal.subject, role, at });
}

/**
 * 审贷分离 / four eyes: refuses (FORBIDDEN) a decision on a case by anyone who
 * marketed or investigated it, and by anyone without the authority for its
 * amount (a branch manager up to core.approvalAuthority, head office above;
 * nobody else decides). On success records the caller as its decider, in the
 * same transaction as the decision. Enforced here, in the host, so every
 * plugin that opens cases inherits it.
 */
export async function assertIndependentDecision(
  tx: Tx,
  principal: Principal,
  ref: CaseRef,
  amountCny: string,
  settings: SettingsReader,
  at: Date,
): Promise<void> {
  const authority = settings.get<ApprovalAuthority>(APPROVAL_AUTHORITY_SETTING);
  const within = principal.role === 'HEAD_OFFICE' || (principal.role === 'BRANCH_MANAGER' && new Decimal(amountCny).lte(authority.branchManagerUpToCny));
  if (!within) {
    throw new FinmartError(
      'FORBIDDEN',
      principal.role === 'BRANCH_MANAGER'
        ? text(
            `金额 ${amountCny} 元超过支行审批权限（${authority.branchManagerUpToCny} 元），须由总行审批`,
            `CNY ${amountCny} is above a branch manager's authority (CNY ${authority.branchManagerUpToCny}): head office decides it`,
          )
        : text('只有支行负责人或总行可以审批', 'Only a branch manager or head office decides'),
      { reason: 'APPROVAL_AUTHORITY' },
    );
  }
  const took = await tx
    .select({ role: caseParticipants.role })
    .from(caseParticipants)
    .where(and(eq(caseParticipants.caseType, ref.type), eq(caseParticipants.caseId, ref.id), eq(caseParticipants.subject, principal.subject)));
  const roles = [...new Set(took.map((r) => r.role).filter((r) => r === 'MARKETED' || r === 'INVESTIGATED'))];
  if (roles.length > 0) {
    throw new FinmartError(
      'FORBIDDEN',
      text(`审贷分离：您已参与本案（${roles.join('、')}），不能审批`, `Four eyes: you took part in this case (${roles.join(', ')}) and may not decide it`),
      { reason: 'SELF_APPROVAL', roles },
    );
  }
  await tx.insert(caseParticipants).values({ caseType: ref.type, caseId: ref.id, subject: principal.subject, role: 'DECIDED', at });
}
