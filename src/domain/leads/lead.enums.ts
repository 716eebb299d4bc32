import { registerEnumType } from 'type-graphql';

/** The five steps of the information mechanism, in order, then the way out. */
export const LEAD_STAGES = ['COLLECTED', 'DISTRIBUTED', 'FEEDBACK', 'REFINED', 'CONVERTED', 'DROPPED'] as const;
export type LeadStage = (typeof LEAD_STAGES)[number];
/** Stages a lead can still move from. */
export const OPEN_STAGES: LeadStage[] = ['COLLECTED', 'DISTRIBUTED', 'FEEDBACK', 'REFINED'];
export const stageRank = (s: string): number => LEAD_STAGES.indexOf(s as LeadStage);

export enum LeadStageEnum {
  COLLECTED = 'COLLECTED',
  DISTRIBUTED = 'DISTRIBUTED',
  FEEDBACK = 'FEEDBACK',
  REFINED = 'REFINED',
  CONVERTED = 'CONVERTED',
  DROPPED = 'DROPPED',
}
registerEnumType(LeadStageEnum, {
  name: 'LeadStage',
  description:
    'The information mechanism (信息收集 → 信息发布 → 信息反馈 → 信息修补 → 信息转换), forward only: COLLECTED (信息收集, in the branch pool), DISTRIBUTED (信息发布: ' +
    'claimed or distributed to a manager, or published for claiming), FEEDBACK (信息反馈: the manager reported back, with the people found), REFINED (信息修补: ' +
    'details completed), CONVERTED (信息转换: became a customer); DROPPED (with a reason) from any stage before CONVERTED.',
  valuesConfig: {
    COLLECTED: { description: '信息收集: recorded, in the shared pool of its branch.' },
    DISTRIBUTED: { description: '信息发布: published at the marketing meeting; held by a manager once claimed or distributed.' },
    FEEDBACK: { description: '信息反馈: the manager reported back.' },
    REFINED: { description: '信息修补: the information was completed.' },
    CONVERTED: { description: '信息转换: linked to a customer (and possibly their first order).' },
    DROPPED: { description: 'Given up, with a reason.' },
  },
});

export enum LeadSourceEnum {
  GOVERNMENT = 'GOVERNMENT',
  PUBLIC_CHANNEL = 'PUBLIC_CHANNEL',
  CUSTOMER_REFERRAL = 'CUSTOMER_REFERRAL',
  CHANNEL_PARTNER = 'CHANNEL_PARTNER',
  CAMPAIGN = 'CAMPAIGN',
}
registerEnumType(LeadSourceEnum, {
  name: 'LeadSource',
  description:
    "Where a lead came from: a government body (政府部门), a public channel (公开渠道), an existing customer's referral (客户推荐), a channel partner such as a property developer or car dealer (合作渠道), a campaign (营销活动).",
  valuesConfig: {
    GOVERNMENT: { description: '政府部门 / A government body (e.g. a district office, a development zone).' },
    PUBLIC_CHANNEL: { description: '公开渠道 / Public information (press, registries, listings).' },
    CUSTOMER_REFERRAL: { description: '客户推荐 / Referred by an existing customer (referrerCustomerId).' },
    CHANNEL_PARTNER: { description: '合作渠道 / A channel partner, such as a property developer or car dealer.' },
    CAMPAIGN: { description: '营销活动 / A marketing campaign or event.' },
  },
});

export enum ProspectKindEnum {
  PERSON = 'PERSON',
  BUSINESS_OWNER = 'BUSINESS_OWNER',
}
registerEnumType(ProspectKindEnum, {
  name: 'ProspectKind',
  description: 'A private person, or a business owner (with their company).',
  valuesConfig: {
    PERSON: { description: '个人 / A private person.' },
    BUSINESS_OWNER: { description: '企业主 / A business owner; the company is recorded with them.' },
  },
});

export enum LeadContactRoleEnum {
  DECISION_MAKER = 'DECISION_MAKER',
  INFORMANT = 'INFORMANT',
  OPERATOR = 'OPERATOR',
}
registerEnumType(LeadContactRoleEnum, {
  name: 'LeadContactRole',
  description: 'People found in feedback: DECISION_MAKER (决策人员), INFORMANT (提供线索人员), OPERATOR (具体操作人员).',
  valuesConfig: {
    DECISION_MAKER: { description: '决策人员 / The person who decides.' },
    INFORMANT: { description: '提供线索人员 / The person who gave the lead.' },
    OPERATOR: { description: '具体操作人员 / The person who carries the business out day to day.' },
  },
});

export enum LeadDistributionStrategyEnum {
  CLAIM_FIRST = 'CLAIM_FIRST',
  NEAREST = 'NEAREST',
  INDUSTRY = 'INDUSTRY',
  COMBINED = 'COMBINED',
}
registerEnumType(LeadDistributionStrategyEnum, {
  name: 'LeadDistributionStrategy',
  description:
    'How distributeLeads assigns: CLAIM_FIRST (优先领认: publish to the pool, the first manager to claim it gets it); NEAREST (地理位置就近: the manager of the nearest branch); ' +
    "INDUSTRY (行业归类: a manager covering the lead's industry); COMBINED (the three in the documented order: claims stand, then the nearest branch, within it a manager " +
    'covering the industry, then the least loaded).',
  valuesConfig: {
    CLAIM_FIRST: { description: '优先领认 / Publish the leads to the pool: the first manager to claim one gets it.' },
    NEAREST: { description: '地理位置就近 / To a manager of the branch nearest the prospect.' },
    INDUSTRY: { description: "行业归类 / To a manager covering the lead's industry." },
    COMBINED: { description: 'The three in order: claims stand, then the nearest branch, within it a manager covering the industry, then the least loaded.' },
  },
});
export type LeadStrategy = `${LeadDistributionStrategyEnum}`;
