import { registerEnumType } from 'type-graphql';

export enum ComplaintSeverityEnum {
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
  CRITICAL = 'CRITICAL',
}
registerEnumType(ComplaintSeverityEnum, {
  name: 'ComplaintSeverity',
  description: '投诉严重程度（决定答复时限） / Complaint severity; each has a response target in hours (bank setting core.complaintResponseHours)',
  valuesConfig: {
    LOW: { description: '低 / Low: answer within 360 hours (15 days) by default.' },
    MEDIUM: { description: '中 / Medium, the default at filing: 168 hours by default.' },
    HIGH: { description: '高 / High: 72 hours by default.' },
    CRITICAL: { description: '严重 / Critical: 24 hours by default.' },
  },
});

/** The complaint categories; the values are the strings stored in `complaints.category`. */
export enum ComplaintCategoryEnum {
  MIS_SELLING = 'MIS_SELLING',
  SERVICE = 'SERVICE',
  FEES = 'FEES',
  SYSTEM = 'SYSTEM',
  OTHER = 'OTHER',
}
registerEnumType(ComplaintCategoryEnum, {
  name: 'ComplaintCategory',
  description: '投诉类别 / What a complaint is about',
  valuesConfig: {
    MIS_SELLING: { description: '销售误导 / Mis-selling: the complaint names the order (orderId) and is checked against its suitability decision record.' },
    SERVICE: { description: '服务 / Service: waiting times, staff attitude, advice.' },
    FEES: { description: '收费 / Fees and charges.' },
    SYSTEM: { description: '系统 / Systems: online or mobile banking, cards, outages.' },
    OTHER: { description: '其他 / Anything else.' },
  },
});

/** Escalation levels, stored as 0, 1, 2: the index in this list. */
export const ESCALATION_LEVELS = ['NONE', 'BRANCH', 'HEAD_OFFICE'] as const;
export enum ComplaintEscalationEnum {
  NONE = 'NONE',
  BRANCH = 'BRANCH',
  HEAD_OFFICE = 'HEAD_OFFICE',
}
registerEnumType(ComplaintEscalationEnum, {
  name: 'ComplaintEscalation',
  description: '投诉升级层级 / Escalation level: NONE (the responsible manager handles it), BRANCH (branch head), HEAD_OFFICE; it only goes up',
  valuesConfig: {
    NONE: { description: '未升级 / Not escalated: the responsible manager handles it.' },
    BRANCH: { description: '支行 / Escalated to the branch head.' },
    HEAD_OFFICE: { description: '总行 / Escalated to head office (the top level).' },
  },
});

export enum ComplaintStatsGroupEnum {
  BRANCH = 'BRANCH',
  MANAGER = 'MANAGER',
  CATEGORY = 'CATEGORY',
  PRODUCT_LINE = 'PRODUCT_LINE',
}
registerEnumType(ComplaintStatsGroupEnum, {
  name: 'ComplaintStatsGroup',
  description:
    '投诉统计分组 / How complaintStats groups: BRANCH and MANAGER as recorded at filing, CATEGORY, PRODUCT_LINE (of the linked order; complaints without an order form the group with a null key)',
  valuesConfig: {
    BRANCH: { description: '按支行 / By the branch recorded at filing.' },
    MANAGER: { description: '按客户经理 / By the manager recorded at filing (null key: no manager).' },
    CATEGORY: { description: '按类别 / By ComplaintCategory.' },
    PRODUCT_LINE: { description: '按产品线 / By the product line of the linked order (null key: no order linked).' },
  },
});
