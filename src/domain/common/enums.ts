import { registerEnumType } from 'type-graphql';

export enum RiskLevelEnum {
  C1 = 'C1',
  C2 = 'C2',
  C3 = 'C3',
  C4 = 'C4',
  C5 = 'C5',
}
export enum ProductRiskEnum {
  R1 = 'R1',
  R2 = 'R2',
  R3 = 'R3',
  R4 = 'R4',
  R5 = 'R5',
}
export enum SuitabilityOutcomeEnum {
  ALLOW = 'ALLOW',
  WARN = 'WARN',
  REQUIRE = 'REQUIRE',
  BLOCK = 'BLOCK',
}
export enum SaleChannelEnum {
  COUNTER = 'COUNTER',
  WEALTH_CENTER = 'WEALTH_CENTER',
  ONLINE = 'ONLINE',
  MOBILE = 'MOBILE',
}
export enum InitiatorEnum {
  CUSTOMER = 'CUSTOMER',
  STAFF = 'STAFF',
}
export enum ProductStatusEnum {
  DRAFT = 'DRAFT',
  ON_SALE = 'ON_SALE',
  SUSPENDED = 'SUSPENDED',
  CLOSED = 'CLOSED',
}
export enum LiquidityEnum {
  HIGH = 'HIGH',
  MEDIUM = 'MEDIUM',
  LOW = 'LOW',
}
export enum ProductFunctionEnum {
  PRESERVATION = 'PRESERVATION',
  TAX_ADVANTAGED = 'TAX_ADVANTAGED',
  INVESTMENT = 'INVESTMENT',
}
export enum TierEnum {
  STANDARD = 'STANDARD',
  GOLD = 'GOLD',
  PLATINUM = 'PLATINUM',
  DIAMOND = 'DIAMOND',
  PRIVATE_BANKING = 'PRIVATE_BANKING',
}
export enum ActivityEnum {
  FREQUENT = 'FREQUENT',
  OCCASIONAL = 'OCCASIONAL',
  DORMANT = 'DORMANT',
}
export enum LifeStageEnum {
  YOUNG = 'YOUNG',
  MIDDLE_AGED = 'MIDDLE_AGED',
  SENIOR = 'SENIOR',
}
export enum SizeClassEnum {
  LARGE = 'LARGE',
  MEDIUM = 'MEDIUM',
  SMALL = 'SMALL',
}
export enum RiskAttitudeEnum {
  CONSERVATIVE = 'CONSERVATIVE',
  BALANCED = 'BALANCED',
  AGGRESSIVE = 'AGGRESSIVE',
}
export enum IncomeBandEnum {
  ULTRA_HIGH = 'ULTRA_HIGH',
  MIDDLE_HIGH = 'MIDDLE_HIGH',
  GENERAL = 'GENERAL',
}
export enum TierMeasureEnum {
  ASSETS = 'ASSETS',
  CONTRIBUTION = 'CONTRIBUTION',
}
export enum ManagerGradeEnum {
  JUNIOR = 'JUNIOR',
  INTERMEDIATE = 'INTERMEDIATE',
  SENIOR = 'SENIOR',
  PRINCIPAL = 'PRINCIPAL',
}
export enum ResidencyEnum {
  ONSHORE = 'ONSHORE',
  FOREIGN = 'FOREIGN',
}
export enum InvestorTypeEnum {
  ORDINARY = 'ORDINARY',
  PROFESSIONAL = 'PROFESSIONAL',
}
export enum GenderEnum {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}
export enum LegalCapacityEnum {
  FULL = 'FULL',
  LIMITED = 'LIMITED',
  NONE = 'NONE',
}
export enum IdTypeEnum {
  RESIDENT_ID = 'RESIDENT_ID',
  PASSPORT = 'PASSPORT',
  HK_MACAO_PERMIT = 'HK_MACAO_PERMIT',
  FOREIGN_PERMANENT_RESIDENT = 'FOREIGN_PERMANENT_RESIDENT',
}
export enum ComplaintStatusEnum {
  RECORDED = 'RECORDED',
  ACCEPTED = 'ACCEPTED',
  ANALYSED = 'ANALYSED',
  HANDLED = 'HANDLED',
  FEEDBACK_GIVEN = 'FEEDBACK_GIVEN',
}
export enum ContactOutcomeEnum {
  REACHED = 'REACHED',
  NO_ANSWER = 'NO_ANSWER',
  FOLLOW_UP = 'FOLLOW_UP',
  DECLINED = 'DECLINED',
}
export enum ContactChannelEnum {
  PHONE = 'PHONE',
  VISIT = 'VISIT',
  SMS = 'SMS',
  WECHAT = 'WECHAT',
  EMAIL = 'EMAIL',
}
export enum RoleEnum {
  RELATIONSHIP_MANAGER = 'RELATIONSHIP_MANAGER',
  BRANCH_MANAGER = 'BRANCH_MANAGER',
  HEAD_OFFICE = 'HEAD_OFFICE',
  PARTNER = 'PARTNER',
  AUDITOR = 'AUDITOR',
  CHECKER = 'CHECKER',
}

/**
 * `ProductLine` has one value per loaded plugin, so its values are filled in
 * just before each schema build (see `buildFinmartSchema`).
 */
export const ProductLineValues: Record<string, string> = {};
/** The description of each `ProductLine` value, filled with `ProductLineValues` (the plugin's name). */
export const ProductLineValuesConfig: Record<string, { description: string }> = {};

type Values = Record<string, string>;
/** Registers an enum with a bilingual description and one for each value. */
const reg = (e: object, name: string, zh: string, en: string, values: Values) =>
  registerEnumType(e, {
    name,
    description: `${zh} / ${en}`,
    valuesConfig: Object.fromEntries(Object.entries(values).map(([k, d]) => [k, { description: d }])),
  });

reg(RiskLevelEnum, 'RiskLevel', '客户风险等级', 'Customer risk level from the risk assessment', {
  C1: 'C1 保守型 / Conservative: the lowest risk tolerance; may buy R1 products.',
  C2: 'C2 稳健型 / Cautious: may buy up to R2.',
  C3: 'C3 平衡型 / Balanced: may buy up to R3.',
  C4: 'C4 成长型 / Growth: may buy up to R4.',
  C5: 'C5 进取型 / Aggressive: the highest risk tolerance; may buy up to R5.',
});
reg(ProductRiskEnum, 'ProductRisk', '产品风险等级', 'Product risk rating', {
  R1: 'R1 低风险 / Low risk (suits C1 and above).',
  R2: 'R2 中低风险 / Medium-low risk (suits C2 and above).',
  R3: 'R3 中风险 / Medium risk (suits C3 and above).',
  R4: 'R4 中高风险 / Medium-high risk (suits C4 and above; setting core.highRiskFromRating marks the high-risk ratings).',
  R5: 'R5 高风险 / High risk (suits C5 only).',
});
reg(SuitabilityOutcomeEnum, 'SuitabilityOutcome', '适当性结论（最严格者为准）', 'Suitability outcome (strictest wins)', {
  ALLOW: '允许 / The sale may go ahead.',
  WARN: '提示 / The sale may go ahead; the customer is shown a warning.',
  REQUIRE: '需补充步骤 / The sale may go ahead only once the required steps are done (a signed warning, a recording, a second approval…).',
  BLOCK: '禁止 / The sale may not go ahead.',
});
reg(SaleChannelEnum, 'SaleChannel', '销售渠道', 'Sale channel', {
  COUNTER: '柜面 / At a branch counter.',
  WEALTH_CENTER: '理财中心 / At a branch wealth centre (理财区).',
  ONLINE: '网上银行 / Online banking.',
  MOBILE: '手机银行 / Mobile banking.',
});
reg(InitiatorEnum, 'Initiator', '交易发起方', 'Who initiated the sale', {
  CUSTOMER: '客户主动 / The customer asked for the product themselves.',
  STAFF: '员工推介 / A member of staff recommended it (stricter rules apply).',
});
reg(ProductStatusEnum, 'ProductStatus', '产品状态', 'Product status', {
  DRAFT: '草稿 / Being set up; not yet sold.',
  ON_SALE: '在售 / On sale (within saleStart–saleEnd).',
  SUSPENDED: '暂停销售 / Sale suspended; positions are kept.',
  CLOSED: '已停售 / No longer sold.',
});
reg(LiquidityEnum, 'Liquidity', '流动性', 'Liquidity', {
  HIGH: '高 / Can be turned into cash at once or within a day or two.',
  MEDIUM: '中 / Can be turned into cash within weeks, possibly at a cost.',
  LOW: '低 / Locked up for a long term or costly to exit.',
});
reg(ProductFunctionEnum, 'ProductFunction', '产品功能', 'Product function', {
  PRESERVATION: '保值 / Keeps value (savings, money market, gold).',
  TAX_ADVANTAGED: '避税/节税 / Tax-advantaged (e.g. some insurance and pension products).',
  INVESTMENT: '投资增值 / Seeks growth, with the risk that comes with it.',
});
reg(TierEnum, 'Tier', '客户等级', 'Customer tier from total assets or contribution (setting core.tierBasis)', {
  STANDARD: '普通客户 / Below the GOLD threshold.',
  GOLD: '金卡客户 / From the GOLD threshold (default CNY 50,000 of assets; setting core.tierThresholdsCny).',
  PLATINUM: '白金客户 / From the PLATINUM threshold (default CNY 500,000 of assets).',
  DIAMOND: '钻石客户 / From the DIAMOND threshold (default CNY 2,000,000 of assets).',
  PRIVATE_BANKING: '私人银行客户 / From the PRIVATE_BANKING threshold (default CNY 6,000,000 of assets).',
});
reg(ActivityEnum, 'Activity', '活跃度', 'Activity from contacts and transactions', {
  FREQUENT: '经常联系户 / Business at least frequentFrom times (default 4) in the window of setting core.activityByBusiness (default 365 days).',
  OCCASIONAL: '流动户 / Business at least occasionalFrom times (default 1) in the window, but less than FREQUENT.',
  DORMANT: '休眠户 / No business in the window.',
});
reg(LifeStageEnum, 'LifeStage', '人生阶段', 'Life stage from age', {
  YOUNG: '青年 / Younger than the middle-aged boundary (default 35; setting core.lifeStageAges).',
  MIDDLE_AGED: '中年 / From the middle-aged boundary (default 35) to below the senior one (default 60).',
  SENIOR: '老年 / From the senior boundary (default 60).',
});
reg(
  SizeClassEnum,
  'SizeClass',
  '客户规模（大型/中等/小客户，以业务规模为定量指标）',
  'Size class by assets and business volume (thresholds: setting core.sizeClass)',
  {
    LARGE: '大型客户 / At or above the large threshold of setting core.sizeClass.',
    MEDIUM: '中等客户 / Between the small and large thresholds.',
    SMALL: '小客户 / Below the medium threshold.',
  },
);
reg(
  RiskAttitudeEnum,
  'RiskAttitude',
  '风险态度（保守 C1–C2 / 中庸 C3 / 进取 C4–C5）',
  'Risk attitude from the risk level: CONSERVATIVE C1–C2, BALANCED C3, AGGRESSIVE C4–C5',
  {
    CONSERVATIVE: '保守型 / Risk level C1 or C2.',
    BALANCED: '中庸型 / Risk level C3.',
    AGGRESSIVE: '进取型 / Risk level C4 or C5.',
  },
);
reg(IncomeBandEnum, 'IncomeBand', '收入分层（家庭年收入）', 'Income band from household annual income (thresholds: setting bundles.incomeBandsCny)', {
  ULTRA_HIGH: '超高收入 / Household annual income at or above the ultra-high threshold (setting bundles.incomeBandsCny).',
  MIDDLE_HIGH: '中高收入 / At or above the middle-high threshold, below the ultra-high one.',
  GENERAL: '一般收入 / Below the middle-high threshold.',
});
reg(TierMeasureEnum, 'TierMeasure', '客户等级的衡量口径（资产/贡献度）', 'What a tier is measured on: assets held or contribution to the bank', {
  ASSETS: '按资产 / Total assets held with the bank (market value in CNY).',
  CONTRIBUTION: '按贡献度 / Estimated contribution to the bank: fees on orders and interest margin on positions (setting core.contributionRates).',
});
reg(ManagerGradeEnum, 'ManagerGrade', '客户经理级别', 'Customer manager grade', {
  JUNIOR: '初级客户经理 / Junior manager.',
  INTERMEDIATE: '中级客户经理 / Intermediate manager.',
  SENIOR: '高级客户经理 / Senior manager.',
  PRINCIPAL: '资深客户经理 / Principal manager (private banking).',
});
reg(ResidencyEnum, 'Residency', '居民身份', 'Residency', {
  ONSHORE: '境内居民 / Resident in mainland China.',
  FOREIGN: '非居民 / Not resident in mainland China (some lines, e.g. forex quotas, differ).',
});
reg(InvestorTypeEnum, 'InvestorType', '投资者类型', 'Investor type', {
  ORDINARY: '普通投资者 / Ordinary investor: full suitability protection.',
  PROFESSIONAL: '专业投资者 / Professional investor: meets setting core.professionalInvestor (financial assets, average income, experience).',
});
reg(GenderEnum, 'Gender', '性别', 'Gender', {
  MALE: '男 / Male.',
  FEMALE: '女 / Female.',
});
reg(LegalCapacityEnum, 'LegalCapacity', '民事行为能力', 'Legal capacity', {
  FULL: '完全民事行为能力 / Full legal capacity.',
  LIMITED: '限制民事行为能力 / Limited legal capacity (e.g. a minor aged 8–17); suitability rules restrict some sales (e.g. death cover).',
  NONE: '无民事行为能力 / No legal capacity; suitability rules restrict some sales (e.g. death cover).',
});
reg(IdTypeEnum, 'IdType', '证件类型', 'ID document type', {
  RESIDENT_ID: '居民身份证 / PRC resident identity card (18 characters with a check digit).',
  PASSPORT: '护照 / Passport.',
  HK_MACAO_PERMIT: '港澳居民来往内地通行证 / Mainland travel permit for Hong Kong and Macao residents.',
  FOREIGN_PERMANENT_RESIDENT: '外国人永久居留身份证 / Foreign permanent resident ID card.',
});
reg(ComplaintStatusEnum, 'ComplaintStatus', '投诉处理状态', 'Complaint lifecycle state', {
  RECORDED: '已登记 / Filed; not yet accepted.',
  ACCEPTED: '已受理 / Accepted for handling.',
  ANALYSED: '已分析 / Cause analysed (Complaint.analysis).',
  HANDLED: '已处理 / Resolved (Complaint.resolution); feedback to the customer pending.',
  FEEDBACK_GIVEN: '已反馈 / The customer was told the outcome; the complaint is closed.',
});
reg(ContactChannelEnum, 'ContactChannel', '联系方式', 'Contact channel', {
  PHONE: '电话 / Phone call.',
  VISIT: "面访 / Visit, at the branch or the customer's.",
  SMS: '短信 / Text message.',
  WECHAT: '微信 / WeChat.',
  EMAIL: '电子邮件 / Email.',
});
reg(
  ContactOutcomeEnum,
  'ContactOutcome',
  '联系结果',
  'How a contact with a customer ended; REACHED and FOLLOW_UP count as reaching the customer (activity, contact plan)',
  {
    REACHED: '已联系上 / The customer was reached and the matter dealt with.',
    NO_ANSWER: '未接通 / The customer could not be reached (no answer, no reply); does not count as reaching them.',
    FOLLOW_UP: '需跟进 / The customer was reached; something is to be followed up (see nextContactAt).',
    DECLINED: '客户拒绝 / The customer declined to talk or declined the offer; does not count as reaching them.',
  },
);
registerEnumType(RoleEnum, {
  name: 'Role',
  description: '角色 / Caller role',
  valuesConfig: {
    RELATIONSHIP_MANAGER: { description: '客户经理: their own book of customers.' },
    BRANCH_MANAGER: { description: '支行负责人: their branch.' },
    HEAD_OFFICE: { description: '总行: the whole bank.' },
    PARTNER: { description: 'A partner (product provider): its own products, never customers.' },
    AUDITOR: { description: '审计/合规: reads everything, changes nothing.' },
    CHECKER: {
      description: '复核岗: approves or rejects what others made (maker-checker), for their branch (branch_id claim) or the whole bank; initiates nothing.',
    },
  },
});
registerEnumType(ProductLineValues, {
  name: 'ProductLine',
  description: '产品线（每个已加载插件一个） / Product line, one per loaded plugin',
  valuesConfig: ProductLineValuesConfig,
});
