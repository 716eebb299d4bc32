/** The demo bank's fixed data: branches, cities, ages, occupations and pay, risk levels, contact and complaint wording. */
import type { Weighted } from '../random.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export type Grade = 'JUNIOR' | 'INTERMEDIATE' | 'SENIOR' | 'PRINCIPAL';
export const GRADES: readonly Grade[] = ['JUNIOR', 'INTERMEDIATE', 'SENIOR', 'PRINCIPAL'];

export interface BranchDef {
  code: string;
  nameZh: string;
  nameEn: string;
  city: string;
  /** Share of onshore / foreign customers booked here. */
  weight: number;
  foreignWeight: number;
  /** 行政区划代码 of districts in the city; resident ID numbers start with one. */
  regions: readonly string[];
  /** Where the branch is (WGS 84), for NEAREST lead distribution. */
  latitude: string;
  longitude: string;
}

/** Industry codes (core.leadIndustries) the demo managers cover, two each in turn. */
export const LEAD_INDUSTRY_ROTATION = [
  'MANUFACTURING',
  'REAL_ESTATE',
  'WHOLESALE_RETAIL',
  'IT_SERVICES',
  'CONSTRUCTION',
  'HEALTHCARE',
  'TRANSPORT',
  'EDUCATION',
  'PUBLIC_SECTOR',
  'AGRICULTURE',
  'MANUFACTURING',
  'IT_SERVICES',
  'REAL_ESTATE',
];

export const BRANCHES: readonly BranchDef[] = [
  {
    code: 'SH001',
    nameZh: '上海陆家嘴支行',
    nameEn: 'Shanghai Lujiazui Sub-branch',
    city: 'Shanghai',
    weight: 32,
    foreignWeight: 45,
    regions: ['310115', '310101', '310104', '310105', '310106', '310107', '310109', '310110', '310112'],
    latitude: '31.239700',
    longitude: '121.499800',
  },
  {
    code: 'BJ001',
    nameZh: '北京金融街支行',
    nameEn: 'Beijing Financial Street Sub-branch',
    city: 'Beijing',
    weight: 30,
    foreignWeight: 30,
    regions: ['110102', '110101', '110105', '110106', '110107', '110108', '110114'],
    latitude: '39.915500',
    longitude: '116.359000',
  },
  {
    code: 'SZ001',
    nameZh: '深圳福田支行',
    nameEn: 'Shenzhen Futian Sub-branch',
    city: 'Shenzhen',
    weight: 20,
    foreignWeight: 17,
    regions: ['440304', '440303', '440305', '440306', '440307'],
    latitude: '22.543100',
    longitude: '114.057900',
  },
  {
    code: 'HZ001',
    nameZh: '杭州西湖支行',
    nameEn: 'Hangzhou Xihu Sub-branch',
    city: 'Hangzhou',
    weight: 18,
    foreignWeight: 8,
    regions: ['330106', '330102', '330105', '330108', '330109', '330110'],
    latitude: '30.259200',
    longitude: '120.130000',
  },
];

/** Income level of each city relative to Hangzhou. */
export const CITY_INCOME: Readonly<Record<string, number>> = { Shanghai: 1.15, Beijing: 1.15, Shenzhen: 1.1, Hangzhou: 1 };

/** Ages that eligibility rules hinge on (minors, retirement, elderly-customer rules, the oldest). */
export const BOUNDARY_AGES = [17, 18, 59, 60, 64, 65, 88] as const;
export const BOUNDARY_BLOCK = 100;

/** Days since account opening; most of the book is several years old. */
export const OPENED_DAYS_AGO: readonly Weighted<readonly [number, number]>[] = [
  [[60, 365], 15],
  [[366, 1095], 25],
  [[1096, 2920], 35],
  [[2921, 5475], 25],
];

export const AGE_BANDS: readonly Weighted<readonly [number, number]>[] = [
  [[17, 24], 8],
  [[25, 34], 20],
  [[35, 44], 22],
  [[45, 54], 20],
  [[55, 64], 16],
  [[65, 74], 9],
  [[75, 88], 5],
];

export type Occupation =
  'TEACHER' | 'ENGINEER' | 'DOCTOR' | 'CIVIL_SERVANT' | 'SELF_EMPLOYED' | 'RETIRED' | 'STUDENT' | 'FINANCE' | 'SALES' | 'FARMER' | 'EXECUTIVE';
export type Sector = 'GOVERNMENT' | 'STATE_OWNED' | 'PRIVATE' | 'FOREIGN_OWNED' | 'SELF' | 'NONE';

/** Median annual pay (CNY) and log-space spread per occupation. */
export const PAY: Readonly<Record<Exclude<Occupation, 'RETIRED' | 'STUDENT'>, readonly [number, number]>> = {
  TEACHER: [140_000, 0.35],
  ENGINEER: [250_000, 0.5],
  DOCTOR: [230_000, 0.5],
  CIVIL_SERVANT: [150_000, 0.3],
  SELF_EMPLOYED: [180_000, 1.0],
  FINANCE: [300_000, 0.7],
  SALES: [110_000, 0.7],
  FARMER: [45_000, 0.5],
  EXECUTIVE: [850_000, 0.75],
};

/** Share of each occupation whose income is irregular (commission, harvest, business cycle). */
export const UNSTABLE: Readonly<Partial<Record<Occupation, number>>> = {
  SELF_EMPLOYED: 0.15,
  FARMER: 0.25,
  SALES: 0.08,
};

export const RISK_LEVELS = ['C1', 'C2', 'C3', 'C4', 'C5'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
/**
 * Vulnerable customers (elderly, students, no stable income, limited capacity)
 * skew cautious; the rest are weighted so the overall mix lands near
 * C1 10% / C2 25% / C3 35% / C4 20% / C5 10%.
 */
export const RISK_VULNERABLE: readonly Weighted<RiskLevel>[] = [
  ['C1', 30],
  ['C2', 35],
  ['C3', 25],
  ['C4', 8],
  ['C5', 2],
];
export const RISK_OTHERS: readonly Weighted<RiskLevel>[] = [
  ['C1', 6.7],
  ['C2', 23.4],
  ['C3', 36.6],
  ['C4', 22],
  ['C5', 11.3],
];

export type Channel = 'PHONE' | 'VISIT' | 'SMS' | 'WECHAT' | 'EMAIL';
export type Outcome = 'REACHED' | 'NO_ANSWER' | 'FOLLOW_UP' | 'DECLINED';

export const CONTACT_CHANNELS: readonly Weighted<Channel>[] = [
  ['PHONE', 35],
  ['WECHAT', 25],
  ['VISIT', 15],
  ['SMS', 15],
  ['EMAIL', 10],
];

export const CONTACT_SUMMARIES: Readonly<Record<Channel, readonly string[]>> = {
  PHONE: [
    '电话回访，介绍定投计划',
    '电话提醒风险测评即将到期',
    '电话沟通理财产品到期续作',
    '电话告知大额存单新额度',
    '电话了解客户近期资金安排',
    '电话回访，确认基金赎回到账',
  ],
  VISIT: ['客户到访网点，面谈资产配置', '上门拜访，讨论养老规划', '网点面谈，重新进行风险测评', '邀请客户参加财富讲座', '客户来行咨询保险产品'],
  SMS: ['短信推送新发理财产品', '短信提醒产品即将到期', '短信生日祝福', '短信告知网点营业时间调整'],
  WECHAT: ['企业微信沟通基金定投', '微信发送市场周报', '微信答复保险产品咨询', '微信发送贵金属行情解读', '微信提醒客户更新身份证件'],
  EMAIL: ['邮件发送季度资产报告', '邮件推送私人银行活动邀请', '邮件发送产品说明书'],
};

export const OUTCOMES_BY_CHANNEL: Readonly<Record<Channel, readonly Weighted<Outcome>[]>> = {
  PHONE: [
    ['REACHED', 55],
    ['NO_ANSWER', 25],
    ['FOLLOW_UP', 12],
    ['DECLINED', 8],
  ],
  VISIT: [
    ['REACHED', 70],
    ['FOLLOW_UP', 25],
    ['DECLINED', 5],
  ],
  SMS: [
    ['REACHED', 80],
    ['NO_ANSWER', 15],
    ['DECLINED', 5],
  ],
  WECHAT: [
    ['REACHED', 65],
    ['NO_ANSWER', 15],
    ['FOLLOW_UP', 15],
    ['DECLINED', 5],
  ],
  EMAIL: [
    ['REACHED', 70],
    ['NO_ANSWER', 25],
    ['FOLLOW_UP', 5],
  ],
};

export type ComplaintStatus = 'RECORDED' | 'ACCEPTED' | 'ANALYSED' | 'HANDLED' | 'FEEDBACK_GIVEN';
export const COMPLAINT_STATUSES: readonly ComplaintStatus[] = ['RECORDED', 'ACCEPTED', 'ANALYSED', 'HANDLED', 'FEEDBACK_GIVEN'];
export const COMPLAINT_STATUS_WEIGHTS: readonly Weighted<ComplaintStatus>[] = [
  ['RECORDED', 8],
  ['ACCEPTED', 12],
  ['ANALYSED', 15],
  ['HANDLED', 20],
  ['FEEDBACK_GIVEN', 45],
];
/** The first complaints cycle through every status so each one appears even in a small bank. */
export const COMPLAINT_ROUND_ROBIN = 25;

export type ComplaintCategory = 'MIS_SELLING' | 'SERVICE' | 'FEES' | 'SYSTEM' | 'OTHER';
export const COMPLAINT_CATEGORIES: readonly Weighted<ComplaintCategory>[] = [
  ['SERVICE', 35],
  ['MIS_SELLING', 20],
  ['FEES', 20],
  ['SYSTEM', 15],
  ['OTHER', 10],
];

export interface ComplaintText {
  description: readonly string[];
  analysis: readonly string[];
  resolution: readonly string[];
}

export const COMPLAINT_TEXT: Readonly<Record<ComplaintCategory, ComplaintText>> = {
  MIS_SELLING: {
    description: ['客户反映购买理财产品时未被充分告知风险', '客户称销售人员口头承诺保本保收益', '客户认为所购基金风险等级高于其风险承受能力'],
    analysis: ['经调阅双录视频，风险揭示环节不完整', '核查销售记录，适当性匹配流程执行到位，但沟通存在歧义'],
    resolution: ['向客户致歉，协商退还部分认购费用并加强销售人员培训', '重新向客户解释产品风险，并为其办理赎回'],
  },
  SERVICE: {
    description: ['客户反映网点排队时间过长', '客户对客户经理服务态度不满', '客户称多次来电未获回复'],
    analysis: ['核查服务记录，客户经理回复不及时属实', '调取网点叫号数据，高峰时段窗口不足'],
    resolution: ['对相关人员进行批评教育并调整服务安排', '增设高峰时段服务窗口并向客户致歉'],
  },
  FEES: {
    description: ['客户对基金赎回费用有异议', '客户质疑账户管理费的收取依据', '客户反映转账手续费未提前告知'],
    analysis: ['费用按产品合同收取，但事前告知不够清晰', '系统收费参数配置有误，多收费用属实'],
    resolution: ['向客户详细解释收费标准并减免当期费用', '退还多收费用并修正收费参数'],
  },
  SYSTEM: {
    description: ['手机银行购买理财时页面报错', '网银无法查询持仓明细', '定投扣款失败未收到通知'],
    analysis: ['系统日志显示交易超时，资金已于次日解冻', '消息推送服务故障导致通知未发出'],
    resolution: ['修复系统问题并补偿客户利息损失', '补发通知并为客户手工补扣定投'],
  },
  OTHER: {
    description: ['客户对营销短信过多表示不满', '客户要求更正预留联系地址未及时处理'],
    analysis: ['营销短信频次超出客户偏好设置', '资料变更流程积压，处理超时'],
    resolution: ['调整营销推送偏好，停止发送营销短信', '当日完成资料变更并向客户致歉'],
  },
};

export const COMPLAINT_FEEDBACK = ['客户表示认可处理结果', '客户基本满意，希望后续持续跟进', '客户对处理结果仍有保留意见', '客户表示满意，不再追究'];

/** Real mainland mobile prefixes (all of the form 1[3-9]x). */
export const PHONE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '134',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '166',
  '173',
  '177',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '198',
  '199',
] as const;

// ---------------------------------------------------------------------------
// Calendar helpers. Dates are handled as day numbers (days since 1970-01-01 of
// the Beijing calendar) so that age arithmetic never depends on the host zone.
