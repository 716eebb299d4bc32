import { registerEnumType } from 'type-graphql';

export enum ComplaintSeverityEnum { LOW = 'LOW', MEDIUM = 'MEDIUM', HIGH = 'HIGH', CRITICAL = 'CRITICAL' }
registerEnumType(ComplaintSeverityEnum, {
  name: 'ComplaintSeverity',
  description: '投诉严重程度（决定答复时限） / Complaint severity; each has a response target in hours (bank setting core.complaintResponseHours)',
});

/** Escalation levels, stored as 0, 1, 2: the index in this list. */
export const ESCALATION_LEVELS = ['NONE', 'BRANCH', 'HEAD_OFFICE'] as const;
export enum ComplaintEscalationEnum { NONE = 'NONE', BRANCH = 'BRANCH', HEAD_OFFICE = 'HEAD_OFFICE' }
registerEnumType(ComplaintEscalationEnum, {
  name: 'ComplaintEscalation',
  description: '投诉升级层级 / Escalation level: NONE (the responsible manager handles it), BRANCH (branch head), HEAD_OFFICE; it only goes up',
});

export enum ComplaintStatsGroupEnum { BRANCH = 'BRANCH', MANAGER = 'MANAGER', CATEGORY = 'CATEGORY', PRODUCT_LINE = 'PRODUCT_LINE' }
registerEnumType(ComplaintStatsGroupEnum, {
  name: 'ComplaintStatsGroup',
  description:
    '投诉统计分组 / How complaintStats groups: BRANCH and MANAGER as recorded at filing, CATEGORY, PRODUCT_LINE (of the linked order; complaints without an order form the group with a null key)',
});
