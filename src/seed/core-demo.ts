/**
 * Deterministic demo bank for the core tables: branches, managers, customers,
 * risk assessments, contacts and complaints. Plugins seed their own products
 * and holdings afterwards (and revalue `customers.assets_cny`).
 *
 * Everything derives from the seed and `now`, never from the clock, so two runs
 * with the same options produce the same rows (and, into a fresh database, the
 * same ids). Rare-but-important cases — boundary ages, foreign nationals,
 * students, complaints in every status — are placed by quota rather than left
 * to chance so that even a small demo contains them.
 */
import type { PgDatabase } from 'drizzle-orm/pg-core';
import { branches, complaints, contacts, customers, managers, riskAssessments } from '../db/schema/index.js';
import { chineseName, foreignName, passportNumber, type ForeignNationality, type Gender } from './names.js';
import { createRandom, type Random, type Weighted } from './random.js';
import type { SettingsReader } from '../settings/reader.js';
import { coreSettings } from '../settings/core-settings.js';
import { tierFor } from '../domain/customers/classification.js';
import { gradeRank, minimumGradeFor } from '../domain/organisation/grades.js';
import { residentIdCheckDigit } from '../domain/customers/customer.validation.js';
import { DEFAULT_RESPONSE_HOURS, respondByOf, type Severity } from '../domain/complaints/complaint.settings.js';

/** Options for {@link seedCoreDemo}. */
export interface CoreDemoOptions {
  /** How many customers to create (50 … 200,000 is the tested range). */
  customers: number;
  /** PRNG seed; default 20261123. */
  seed?: number;
  /** The demo's "today"; default 2026-11-23 09:00 Beijing time. */
  now?: Date;
  /** The bank's settings (tiers and 对等配置 grades); default: the core settings' defaults. */
  settings?: SettingsReader;
}

/** The core settings' defaults, for a seed run without a host. */
const DEFAULT_SETTINGS: SettingsReader = {
  get: <T>(key: string) => {
    const def = coreSettings.find((d) => d.key === key);
    if (!def) throw new Error(`Unknown setting ${key}`);
    return def.default as T;
  },
};

/** Ids of the rows created, in creation order. */
export interface CoreDemoResult {
  branchIds: number[];
  managerIds: number[];
  customerIds: number[];
}

/** Seed used when {@link CoreDemoOptions.seed} is omitted. */
export const DEFAULT_SEED = 20261123;
/** The demo's fixed "today" when {@link CoreDemoOptions.now} is omitted; never the real clock. */
export const DEFAULT_NOW = new Date('2026-11-23T09:00:00+08:00');

/** Rows per INSERT; keeps every statement far below Postgres' 65,535-parameter limit. */
const BATCH = 500;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Beijing time has no DST, so a fixed offset is exact. */
const CST_OFFSET = 8 * HOUR;

type Grade = 'JUNIOR' | 'INTERMEDIATE' | 'SENIOR' | 'PRINCIPAL';
const GRADES: readonly Grade[] = ['JUNIOR', 'INTERMEDIATE', 'SENIOR', 'PRINCIPAL'];

interface BranchDef {
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
const LEAD_INDUSTRY_ROTATION = [
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

const BRANCHES: readonly BranchDef[] = [
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
const CITY_INCOME: Readonly<Record<string, number>> = { Shanghai: 1.15, Beijing: 1.15, Shenzhen: 1.1, Hangzhou: 1 };

/** Ages that eligibility rules hinge on (minors, retirement, elderly-customer rules, the oldest). */
const BOUNDARY_AGES = [17, 18, 59, 60, 64, 65, 88] as const;
const BOUNDARY_BLOCK = 100;

/** Days since account opening; most of the book is several years old. */
const OPENED_DAYS_AGO: readonly Weighted<readonly [number, number]>[] = [
  [[60, 365], 15],
  [[366, 1095], 25],
  [[1096, 2920], 35],
  [[2921, 5475], 25],
];

const AGE_BANDS: readonly Weighted<readonly [number, number]>[] = [
  [[17, 24], 8],
  [[25, 34], 20],
  [[35, 44], 22],
  [[45, 54], 20],
  [[55, 64], 16],
  [[65, 74], 9],
  [[75, 88], 5],
];

type Occupation = 'TEACHER' | 'ENGINEER' | 'DOCTOR' | 'CIVIL_SERVANT' | 'SELF_EMPLOYED' | 'RETIRED' | 'STUDENT' | 'FINANCE' | 'SALES' | 'FARMER' | 'EXECUTIVE';
type Sector = 'GOVERNMENT' | 'STATE_OWNED' | 'PRIVATE' | 'FOREIGN_OWNED' | 'SELF' | 'NONE';

/** Median annual pay (CNY) and log-space spread per occupation. */
const PAY: Readonly<Record<Exclude<Occupation, 'RETIRED' | 'STUDENT'>, readonly [number, number]>> = {
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
const UNSTABLE: Readonly<Partial<Record<Occupation, number>>> = {
  SELF_EMPLOYED: 0.15,
  FARMER: 0.25,
  SALES: 0.08,
};

const RISK_LEVELS = ['C1', 'C2', 'C3', 'C4', 'C5'] as const;
type RiskLevel = (typeof RISK_LEVELS)[number];
/**
 * Vulnerable customers (elderly, students, no stable income, limited capacity)
 * skew cautious; the rest are weighted so the overall mix lands near
 * C1 10% / C2 25% / C3 35% / C4 20% / C5 10%.
 */
const RISK_VULNERABLE: readonly Weighted<RiskLevel>[] = [
  ['C1', 30],
  ['C2', 35],
  ['C3', 25],
  ['C4', 8],
  ['C5', 2],
];
const RISK_OTHERS: readonly Weighted<RiskLevel>[] = [
  ['C1', 6.7],
  ['C2', 23.4],
  ['C3', 36.6],
  ['C4', 22],
  ['C5', 11.3],
];

type Channel = 'PHONE' | 'VISIT' | 'SMS' | 'WECHAT' | 'EMAIL';
type Outcome = 'REACHED' | 'NO_ANSWER' | 'FOLLOW_UP' | 'DECLINED';

const CONTACT_CHANNELS: readonly Weighted<Channel>[] = [
  ['PHONE', 35],
  ['WECHAT', 25],
  ['VISIT', 15],
  ['SMS', 15],
  ['EMAIL', 10],
];

const CONTACT_SUMMARIES: Readonly<Record<Channel, readonly string[]>> = {
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

const OUTCOMES_BY_CHANNEL: Readonly<Record<Channel, readonly Weighted<Outcome>[]>> = {
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

type ComplaintStatus = 'RECORDED' | 'ACCEPTED' | 'ANALYSED' | 'HANDLED' | 'FEEDBACK_GIVEN';
const COMPLAINT_STATUSES: readonly ComplaintStatus[] = ['RECORDED', 'ACCEPTED', 'ANALYSED', 'HANDLED', 'FEEDBACK_GIVEN'];
const COMPLAINT_STATUS_WEIGHTS: readonly Weighted<ComplaintStatus>[] = [
  ['RECORDED', 8],
  ['ACCEPTED', 12],
  ['ANALYSED', 15],
  ['HANDLED', 20],
  ['FEEDBACK_GIVEN', 45],
];
/** The first complaints cycle through every status so each one appears even in a small bank. */
const COMPLAINT_ROUND_ROBIN = 25;

type ComplaintCategory = 'MIS_SELLING' | 'SERVICE' | 'FEES' | 'SYSTEM' | 'OTHER';
const COMPLAINT_CATEGORIES: readonly Weighted<ComplaintCategory>[] = [
  ['SERVICE', 35],
  ['MIS_SELLING', 20],
  ['FEES', 20],
  ['SYSTEM', 15],
  ['OTHER', 10],
];

interface ComplaintText {
  description: readonly string[];
  analysis: readonly string[];
  resolution: readonly string[];
}

const COMPLAINT_TEXT: Readonly<Record<ComplaintCategory, ComplaintText>> = {
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

const COMPLAINT_FEEDBACK = ['客户表示认可处理结果', '客户基本满意，希望后续持续跟进', '客户对处理结果仍有保留意见', '客户表示满意，不再追究'];

/** Real mainland mobile prefixes (all of the form 1[3-9]x). */
const PHONE_PREFIXES = [
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

interface Ymd {
  y: number;
  m: number;
  d: number;
}

const dayNumber = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / DAY;
const ymdOfDay = (day: number): Ymd => {
  const dt = new Date(day * DAY);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
};
const isoOfDay = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);
const ageOn = (birth: Ymd, today: Ymd): number => today.y - birth.y - (today.m < birth.m || (today.m === birth.m && today.d < birth.d) ? 1 : 0);

/** Picks a birth day so that the person is exactly `age` on `today`. */
function birthDayForAge(rng: Random, age: number, today: Ymd): number {
  const todayDay = dayNumber(today.y, today.m, today.d);
  let latest = Math.min(dayNumber(today.y - age, today.m, today.d), todayDay);
  while (ageOn(ymdOfDay(latest), today) < age) latest--;
  let earliest = dayNumber(today.y - age - 1, today.m, today.d) + 1;
  while (ageOn(ymdOfDay(earliest), today) > age) earliest++;
  while (ageOn(ymdOfDay(earliest - 1), today) === age) earliest--;
  return rng.int(earliest, latest);
}

// ---------------------------------------------------------------------------

/**
 * Selects exactly one item in every block of `size` consecutive calls, at a
 * random position within the block: an exact long-run rate without the
 * give-away regularity of "every n-th".
 */
class OnePerBlock {
  private seen = 0;
  private target: number;

  constructor(
    private readonly rng: Random,
    private readonly size: number,
  ) {
    this.target = rng.int(0, size - 1);
  }

  hit(): boolean {
    const pos = this.seen % this.size;
    if (pos === 0 && this.seen > 0) this.target = this.rng.int(0, this.size - 1);
    this.seen++;
    return pos === this.target;
  }
}

type CustomerInsert = typeof customers.$inferInsert;
type AssessmentInsert = typeof riskAssessments.$inferInsert;
type ContactInsert = typeof contacts.$inferInsert;
type ComplaintInsert = typeof complaints.$inferInsert;

/** A customer and its dependent rows, before the customer has an id. */
interface Draft {
  customer: CustomerInsert & { phone: string };
  assessments: Omit<AssessmentInsert, 'customerId'>[];
  contacts: Omit<ContactInsert, 'customerId'>[];
  complaint: Omit<ComplaintInsert, 'customerId'> | null;
}

interface Ctx {
  settings: SettingsReader;
  rng: Random;
  now: number;
  today: Ymd;
  /** Beijing midnight at the start of `today`, as epoch ms. */
  midnight: number;
  total: number;
  branchIds: readonly number[];
  /** managerIds[branchIndex][gradeIndex] */
  managerIds: readonly (readonly number[])[];
  usedPhones: Set<string>;
  usedIds: Set<string>;
  foreignPicker: OnePerBlock;
  studentPicker: OnePerBlock;
  complaintPicker: OnePerBlock;
  complaintCount: number;
  /** Boundary ages for the current block of customers, by offset within the block. */
  boundaryPlan: Map<number, number>;
}

const roundTo = (x: number, step: number): number => Math.round(x / step) * step;
const money = (x: number): string => x.toFixed(2);

/** A timestamp `daysAgo` Beijing calendar days before today, between the given hours, never after now. */
function timeAt(ctx: Ctx, daysAgo: number, fromHour = 9, toHour = 18): Date {
  const { rng } = ctx;
  let ms = ctx.midnight - daysAgo * DAY + rng.int(fromHour * 60, toHour * 60 - 1) * MINUTE + rng.int(0, 59) * 1000;
  if (ms > ctx.now - MINUTE) ms = ctx.now - rng.int(1, 120) * MINUTE;
  return new Date(ms);
}

function uniquePhone(rng: Random, used: Set<string>): string {
  for (;;) {
    const phone = rng.pick(PHONE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0');
    if (!used.has(phone)) {
      used.add(phone);
      return phone;
    }
  }
}

function residentId(ctx: Ctx, branch: BranchDef, birthDay: number, gender: Gender): string {
  const region = ctx.rng.pick(branch.regions);
  const birth = isoOfDay(birthDay).replaceAll('-', '');
  for (;;) {
    // The 17th digit is odd for men and even for women.
    const seq = ctx.rng.int(0, 99) * 10 + (gender === 'MALE' ? ctx.rng.pick([1, 3, 5, 7, 9]) : ctx.rng.pick([0, 2, 4, 6, 8]));
    if (seq === 0) continue; // 000 is not issued
    const first17 = region + birth + String(seq).padStart(3, '0');
    const id = first17 + residentIdCheckDigit(first17);
    if (!ctx.usedIds.has(id)) {
      ctx.usedIds.add(id);
      return id;
    }
  }
}

function uniquePassport(ctx: Ctx, nationality: ForeignNationality): string {
  for (;;) {
    const id = passportNumber(ctx.rng, nationality);
    if (!ctx.usedIds.has(id)) {
      ctx.usedIds.add(id);
      return id;
    }
  }
}

function chooseOccupation(rng: Random, age: number, gender: Gender, student: boolean, foreign: boolean): Occupation {
  if (student) return 'STUDENT';
  // Statutory retirement: men 60; women 50 (workers) or 55 (cadres).
  const retireChance = age >= 65 ? 0.95 : age >= 60 ? 0.85 : gender === 'FEMALE' && age >= 55 ? 0.5 : gender === 'FEMALE' && age >= 50 ? 0.25 : 0;
  if (rng.chance(retireChance)) return 'RETIRED';
  if (age >= 60)
    return rng.weighted<Occupation>([
      ['SELF_EMPLOYED', 40],
      ['FARMER', 25],
      ['EXECUTIVE', 20],
      ['DOCTOR', 15],
    ]);
  if (age < 20)
    return rng.weighted<Occupation>([
      ['SALES', 50],
      ['SELF_EMPLOYED', 30],
      ['FARMER', 20],
    ]);
  if (foreign) {
    return rng.weighted<Occupation>([
      ['EXECUTIVE', age >= 30 ? 25 : 0],
      ['ENGINEER', 25],
      ['FINANCE', 20],
      ['TEACHER', 15],
      ['SALES', 10],
      ['SELF_EMPLOYED', 5],
    ]);
  }
  return rng.weighted<Occupation>([
    ['TEACHER', 10],
    ['ENGINEER', 15],
    ['DOCTOR', age >= 25 ? 6 : 0],
    ['CIVIL_SERVANT', 8],
    ['SELF_EMPLOYED', 15],
    ['FINANCE', 8],
    ['SALES', 17],
    ['FARMER', 6],
    ['EXECUTIVE', age >= 30 ? 5 : 0],
  ]);
}

function chooseSector(rng: Random, occupation: Occupation, foreign: boolean): Sector {
  const foreignEmployer = foreign && rng.chance(0.7);
  switch (occupation) {
    case 'STUDENT':
    case 'RETIRED':
      return 'NONE';
    case 'CIVIL_SERVANT':
      return 'GOVERNMENT';
    case 'SELF_EMPLOYED':
    case 'FARMER':
      return 'SELF';
    case 'TEACHER':
      return foreign
        ? 'PRIVATE'
        : rng.weighted<Sector>([
            ['GOVERNMENT', 70],
            ['PRIVATE', 30],
          ]);
    case 'DOCTOR':
      return rng.weighted<Sector>([
        ['GOVERNMENT', 60],
        ['PRIVATE', 30],
        ['FOREIGN_OWNED', 10],
      ]);
    case 'ENGINEER':
    case 'FINANCE':
    case 'EXECUTIVE':
    case 'SALES':
      if (foreignEmployer) return 'FOREIGN_OWNED';
      return rng.weighted<Sector>([
        ['STATE_OWNED', 35],
        ['PRIVATE', 50],
        ['FOREIGN_OWNED', 15],
      ]);
  }
}

/** Folds the log-normal tail back below `cap` instead of piling it up on the cap itself. */
function softCap(rng: Random, x: number, cap: number): number {
  return x <= cap ? x : cap * (0.5 + 0.5 * rng.next());
}

function ageIncomeFactor(age: number): number {
  return age < 25 ? 0.6 : age < 35 ? 0.9 : age < 55 ? 1.1 : 1;
}

function ageWealthFactor(age: number): number {
  return age < 25 ? 0.25 : age < 35 ? 0.6 : age < 45 ? 1 : age < 60 ? 1.5 : 1.8;
}

interface Finances {
  personal: number;
  household: number;
  assets: number;
  threeYear: number;
  stable: boolean;
}

function finances(rng: Random, occupation: Occupation, age: number, city: string, foreign: boolean): Finances {
  const cityFactor = (CITY_INCOME[city] ?? 1) * (foreign ? 1.5 : 1);
  let personal: number;
  let threeYear: number;
  let stable = true;
  let household: number;
  if (occupation === 'STUDENT') {
    personal = rng.chance(0.6) ? 0 : roundTo(rng.int(2_000, 15_000), 100);
    threeYear = roundTo(personal * (0.5 + 0.4 * rng.next()), 100);
    stable = false;
    // A student's household is the parents'.
    household = personal + roundTo(rng.logNormal(180_000 * cityFactor, 0.6), 100);
  } else {
    if (occupation === 'RETIRED') {
      personal = rng.chance(0.04) ? 0 : roundTo(rng.logNormal(55_000 * cityFactor, 0.45), 100);
      threeYear = roundTo(personal * (0.93 + 0.07 * rng.next()), 100);
    } else {
      const [median, sigma] = PAY[occupation];
      const lossYear = (occupation === 'SELF_EMPLOYED' || occupation === 'FARMER') && rng.chance(0.04);
      const typical = softCap(rng, rng.logNormal(median * cityFactor * ageIncomeFactor(age), sigma), 5_000_000);
      personal = lossYear ? 0 : roundTo(typical, 100);
      // Career starters earned less in the years before; a loss year still has a past.
      threeYear = roundTo((lossYear ? typical * 0.7 : personal) * (age < 27 ? 0.75 : 0.8 + 0.35 * rng.next()), 100);
      if (rng.chance(UNSTABLE[occupation] ?? 0.015)) stable = false;
    }
    const married = age >= 25 && rng.chance(age < 30 ? 0.5 : 0.8);
    const spouse = married && rng.chance(0.85) ? roundTo(rng.logNormal(Math.max(personal, 60_000) * 0.7, 0.5), 100) : 0;
    household = personal + spouse;
  }
  if (personal === 0) stable = false;

  let assets: number;
  if (occupation === 'STUDENT') {
    assets = rng.chance(0.6) ? 0 : rng.int(1_000, 50_000) + rng.int(0, 99) / 100;
  } else if (rng.chance(0.02)) {
    assets = 0;
  } else {
    const base = 250_000 * (Math.max(household, 30_000) / 200_000) ** 0.8 * ageWealthFactor(age);
    assets = softCap(rng, rng.logNormal(base, 1.0), 30_000_000);
    assets = Math.round(assets * 100) / 100;
  }
  return { personal, household, assets, threeYear, stable };
}

/**
 * 对等配置: the customer's tier decides the manager's grade (setting
 * core.minimumManagerGradeByTier), the tier read under core.tierBasis from the
 * declared financial assets — a new customer has no contribution yet (no
 * orders, no positions), so under CONTRIBUTION it starts STANDARD.
 */
function managerGradeFor(assets: number, settings: SettingsReader): number {
  const tier = tierFor({ assetsCny: assets.toFixed(2), contributionCny: '0' }, settings);
  return gradeRank(minimumGradeFor(tier, settings));
}

function planBoundaryAges(ctx: Ctx, blockStart: number): void {
  const len = Math.min(BOUNDARY_BLOCK, ctx.total - blockStart);
  const offsets = ctx.rng.shuffle(Array.from({ length: len }, (_, i) => i));
  ctx.boundaryPlan = new Map();
  BOUNDARY_AGES.forEach((age, i) => {
    if (i < offsets.length) ctx.boundaryPlan.set(offsets[i]!, age);
  });
}

function makeCustomer(ctx: Ctx, index: number): Draft {
  const { rng } = ctx;
  if (index % BOUNDARY_BLOCK === 0) planBoundaryAges(ctx, index);

  const forcedAge = ctx.boundaryPlan.get(index % BOUNDARY_BLOCK);
  let age = forcedAge;
  if (age === undefined) {
    const [lo, hi] = rng.weighted(AGE_BANDS);
    age = rng.int(lo, hi);
  }
  const birthDay = birthDayForAge(rng, age, ctx.today);
  const birthYear = ymdOfDay(birthDay).y;
  const foreign = ctx.foreignPicker.hit();

  let gender: Gender = rng.chance(age >= 75 ? 0.56 : 0.5) ? 'FEMALE' : 'MALE';
  let name: string;
  let nationality: string;
  let branchIndex: number;
  let idType: string;
  let idNumber: string;
  if (foreign) {
    const f = foreignName(rng, gender);
    name = f.name;
    nationality = f.nationality;
    branchIndex = rng.weighted(BRANCHES.map((b, i) => [i, b.foreignWeight] as const));
    idType = 'PASSPORT';
    idNumber = uniquePassport(ctx, f.nationality);
    gender = f.gender;
  } else {
    name = chineseName(rng, gender, birthYear);
    nationality = 'CN';
    branchIndex = rng.weighted(BRANCHES.map((b, i) => [i, b.weight] as const));
    idType = 'RESIDENT_ID';
    idNumber = residentId(ctx, BRANCHES[branchIndex]!, birthDay, gender);
  }
  const branch = BRANCHES[branchIndex]!;
  const phone = uniquePhone(rng, ctx.usedPhones);

  const student = age >= 17 && age <= 24 && ctx.studentPicker.hit();
  const occupation = chooseOccupation(rng, age, gender, student, foreign);
  const employerSector = chooseSector(rng, occupation, foreign);
  const fin = finances(rng, occupation, age, branch.city, foreign);

  const legalCapacity = rng.weighted([
    ['FULL', 993],
    ['LIMITED', 5],
    ['NONE', 2],
  ] as const);
  const idVerified = !rng.chance(0.02);
  const fxWatchList = rng.chance(0.01);

  // Account opening: at least 60 days ago (so complaint timelines fit), not before age 16.
  const todayDay = dayNumber(ctx.today.y, ctx.today.m, ctx.today.d);
  const sinceSixteen = todayDay - dayNumber(birthYear + 16, ymdOfDay(birthDay).m, ymdOfDay(birthDay).d);
  const [openLo, openHi] = rng.weighted(OPENED_DAYS_AGO);
  const openedDaysAgo = Math.max(60, Math.min(sinceSixteen, rng.int(openLo, openHi)));
  const openedAt = timeAt(ctx, openedDaysAgo);

  // --- risk assessments -------------------------------------------------
  const vulnerable = age >= 70 || student || !fin.stable || legalCapacity !== 'FULL';
  const assessments: Draft['assessments'] = [];
  let investorType: 'ORDINARY' | 'PROFESSIONAL' = 'ORDINARY';
  let investorTypeBasis: string | null = null;
  let riskLevel: RiskLevel | null = null;
  let riskAssessedAt: Date | null = null;
  if (!rng.chance(0.07)) {
    const level = rng.weighted(vulnerable ? RISK_VULNERABLE : RISK_OTHERS);
    const maxExperience = Math.min(20, Math.max(0, age - 18));
    const wealthy = fin.assets >= 1_000_000 || fin.threeYear >= 300_000;
    const experienceYears = maxExperience === 0 || rng.chance(wealthy ? 0.1 : 0.3) ? 0 : rng.int(1, maxExperience);

    const eligible = (fin.assets >= 5_000_000 || fin.threeYear >= 500_000) && experienceYears >= 2 && age >= 18 && legalCapacity === 'FULL';
    if (eligible && rng.chance(0.5)) {
      investorType = 'PROFESSIONAL';
      investorTypeBasis = fin.assets >= 5_000_000 ? 'FINANCIAL_ASSETS_5M' : 'INCOME_500K';
    }
    const lowestCategory = level === 'C1' && investorType === 'ORDINARY' && rng.chance(vulnerable ? 0.55 : 0.35);

    // Newest first; ~15% are past their one-year validity. An expired one needs an old enough account.
    const canExpire = openedDaysAgo > 400;
    const newestDaysAgo = canExpire && rng.chance(0.19) ? rng.int(366, Math.min(1100, openedDaysAgo - 1)) : rng.int(0, Math.min(364, openedDaysAgo - 1));
    const history = rng.weighted<number>([
      [1, 45],
      [2, 35],
      [3, 20],
    ]);
    let daysAgo = newestDaysAgo;
    let rowLevel: RiskLevel = level;
    let rowExperience = experienceYears;
    for (let k = 0; k < history; k++) {
      const channel =
        k === 0
          ? rng.weighted([
              ['MOBILE', 40],
              ['COUNTER', 35],
              ['ONLINE', 25],
            ] as const)
          : rng.weighted([
              ['COUNTER', 55],
              ['ONLINE', 30],
              ['MOBILE', 15],
            ] as const);
      const assessedAt = channel === 'COUNTER' ? timeAt(ctx, daysAgo) : timeAt(ctx, daysAgo, 7, 23);
      assessments.push({
        level: rowLevel,
        lowestCategory: k === 0 ? lowestCategory : rowLevel === 'C1' && rng.chance(0.3),
        investorType: k === 0 ? investorType : 'ORDINARY',
        experienceYears: rowExperience,
        channel,
        assessedAt,
        recordedBy: 'seed',
        createdAt: assessedAt,
      });
      if (k === 0) riskAssessedAt = assessedAt;
      const gap = rng.int(330, 760);
      if (daysAgo + gap >= openedDaysAgo) break;
      daysAgo += gap;
      rowExperience = Math.max(0, rowExperience - Math.round(gap / 365));
      if (rng.chance(0.3)) {
        const shifted = RISK_LEVELS.indexOf(rowLevel) + (rng.chance(0.5) ? 1 : -1);
        rowLevel = RISK_LEVELS[Math.min(4, Math.max(0, shifted))]!;
      }
    }
    riskLevel = level;
    assessments.reverse(); // insert oldest first so ids follow time
  }

  // --- manager ------------------------------------------------------------
  const managerId = rng.chance(0.9) ? ctx.managerIds[branchIndex]![managerGradeFor(fin.assets, ctx.settings)]! : null;

  // --- contacts ----------------------------------------------------------
  const contactRows: Draft['contacts'] = [];
  const windowDays = Math.min(730, openedDaysAgo - 1);
  const segment = rng.weighted<'NONE' | 'ACTIVE' | 'RECENT' | 'DORMANT'>(
    managerId === null
      ? [
          ['NONE', 40],
          ['ACTIVE', 15],
          ['RECENT', 20],
          ['DORMANT', 25],
        ]
      : [
          ['NONE', 8],
          ['ACTIVE', 42],
          ['RECENT', 30],
          ['DORMANT', 20],
        ],
  );
  if (segment !== 'NONE') {
    const [lo, hi] = segment === 'ACTIVE' ? [0, 89] : segment === 'RECENT' ? [90, 364] : [366, 729];
    const newest = rng.int(Math.min(lo, windowDays), Math.min(hi, windowDays));
    const count = rng.weighted<number>([
      [1, 25],
      [2, 25],
      [3, 20],
      [4, 15],
      [5, 10],
      [6, 5],
    ]);
    const days = [newest];
    for (let k = 1; k < count; k++) days.push(rng.int(newest, windowDays));
    days.sort((a, b) => b - a); // oldest first
    for (const d of days) {
      const channel = rng.weighted(CONTACT_CHANNELS);
      const occurredAt = channel === 'VISIT' || channel === 'PHONE' ? timeAt(ctx, d) : timeAt(ctx, d, 8, 22);
      const outcome = rng.weighted(OUTCOMES_BY_CHANNEL[channel]);
      contactRows.push({
        managerId,
        channel,
        occurredAt,
        summary: rng.pick(CONTACT_SUMMARIES[channel]),
        outcome,
        nextContactAt: outcome === 'FOLLOW_UP' ? new Date(occurredAt.getTime() + rng.int(3, 21) * DAY) : null,
        createdAt: occurredAt,
      });
    }
  }
  let lastActivityAt: Date | null = null;
  for (const c of contactRows) {
    if (!lastActivityAt || c.occurredAt! > lastActivityAt) lastActivityAt = c.occurredAt!;
  }

  // --- complaint ---------------------------------------------------------
  let complaint: Draft['complaint'] = null;
  if (ctx.complaintPicker.hit()) {
    const n = ctx.complaintCount++;
    const status = n < COMPLAINT_ROUND_ROBIN ? COMPLAINT_STATUSES[n % COMPLAINT_STATUSES.length]! : rng.weighted(COMPLAINT_STATUS_WEIGHTS);
    complaint = makeComplaint(ctx, status, managerId, ctx.branchIds[branchIndex]!, openedDaysAgo, n);
  }

  const updatedAt = [openedAt, riskAssessedAt, lastActivityAt].reduce<Date>((a, b) => (b && b > a ? b : a), openedAt);

  return {
    customer: {
      name,
      idType,
      idNumber,
      phone,
      birthDate: isoOfDay(birthDay),
      gender,
      residency: foreign ? 'FOREIGN' : 'ONSHORE',
      nationality,
      occupation,
      employerSector,
      personalAnnualIncome: money(fin.personal),
      householdAnnualIncome: money(fin.household),
      householdFinancialAssets: money(fin.assets),
      incomeThreeYearAverage: money(fin.threeYear),
      hasStableIncome: fin.stable,
      student,
      legalCapacity,
      idVerified,
      investorType,
      investorTypeBasis,
      fxWatchList,
      managerId,
      branchId: ctx.branchIds[branchIndex]!,
      riskLevel,
      riskAssessedAt,
      lastActivityAt,
      assetsCny: '0',
      createdAt: openedAt,
      updatedAt,
    },
    assessments,
    contacts: contactRows,
    complaint,
  };
}

/**
 * Severities by complaint number, not drawn from the PRNG: adding them left
 * every other seeded value as it was. Mis-selling is never below HIGH.
 */
const SEVERITY_CYCLE: readonly Severity[] = ['MEDIUM', 'LOW', 'HIGH', 'MEDIUM', 'CRITICAL', 'MEDIUM', 'LOW', 'HIGH'];
const severityOf = (n: number, category: ComplaintCategory): Severity =>
  category === 'MIS_SELLING' ? (n % 3 === 0 ? 'CRITICAL' : 'HIGH') : SEVERITY_CYCLE[n % SEVERITY_CYCLE.length]!;
/** Escalation by complaint number too: every 4th to the branch, every 12th (from the 6th) to head office. */
const escalationOf = (n: number): number => (n % 12 === 5 ? 2 : n % 4 === 1 ? 1 : 0);
const ESCALATION_REASONS = ['', '客户对处理进度不满，升级至支行负责人', '涉及销售合规问题，升级至总行消费者权益保护部'];

function makeComplaint(ctx: Ctx, status: ComplaintStatus, managerId: number | null, branchId: number, openedDaysAgo: number, n: number): Draft['complaint'] {
  const { rng } = ctx;
  const category = rng.weighted(COMPLAINT_CATEGORIES);
  const text = COMPLAINT_TEXT[category];
  const stage = COMPLAINT_STATUSES.indexOf(status);
  // Minutes from one lifecycle step to the next: accept, analyse, handle, give feedback.
  const gaps = [rng.int(30, 2 * 24 * 60), rng.int(24 * 60, 10 * 24 * 60), rng.int(24 * 60, 15 * 24 * 60), rng.int(4 * 60, 7 * 24 * 60)].slice(0, stage);
  // How long the complaint has sat in its current status.
  const [idleLo, idleHi] = (
    [
      [10, 3 * 24 * 60],
      [60, 8 * 24 * 60],
      [60, 10 * 24 * 60],
      [60, 15 * 24 * 60],
      [24 * 60, 300 * 24 * 60],
    ] as const
  )[stage]!;
  const busy = gaps.reduce((a, b) => a + b, 0);
  const maxIdle = Math.max(idleLo, Math.min(idleHi, (openedDaysAgo - 1) * 24 * 60 - busy));
  const idle = rng.int(idleLo, maxIdle);

  const at: Date[] = [new Date(ctx.now - (busy + idle) * MINUTE)];
  for (const g of gaps) at.push(new Date(at[at.length - 1]!.getTime() + g * MINUTE));
  const severity = severityOf(n, category);
  const escalationLevel = escalationOf(n);
  // Escalated halfway between filing and the answer (or now, while open).
  const until = (at[4] ?? new Date(ctx.now)).getTime();
  const escalatedAt = escalationLevel > 0 ? new Date(at[0]!.getTime() + Math.floor((until - at[0]!.getTime()) / 2)) : null;
  return {
    managerId,
    branchId,
    severity,
    // The targets a fresh bank has (its default settings).
    respondBy: respondByOf(at[0]!, severity, DEFAULT_RESPONSE_HOURS),
    escalationLevel,
    escalatedAt,
    escalationReason: escalationLevel > 0 ? ESCALATION_REASONS[escalationLevel]! : null,
    category,
    description: rng.pick(text.description),
    status,
    recordedAt: at[0]!,
    acceptedAt: at[1] ?? null,
    analysedAt: at[2] ?? null,
    handledAt: at[3] ?? null,
    feedbackAt: at[4] ?? null,
    analysis: stage >= 2 ? rng.pick(text.analysis) : null,
    resolution: stage >= 3 ? rng.pick(text.resolution) : null,
    feedback: stage >= 4 ? rng.pick(COMPLAINT_FEEDBACK) : null,
    // Optimistic-lock version counts the changes made so far (status transitions, escalations).
    version: 1 + stage + escalationLevel,
  };
}

/**
 * Seeds the demo bank's core tables inside one transaction: 4 branches, 16
 * managers (one of each grade per branch) and `opts.customers` customers with
 * their risk-assessment history, contacts and complaints.
 *
 * Deterministic: the same `seed` and `now` yield identical rows, and identical
 * ids when run against an empty database. Customers are generated and inserted
 * in batches of 500 rows, so memory stays flat apart from the uniqueness
 * sets for phones and ID numbers.
 *
 * @returns the ids of the rows created, in creation order
 */
export async function seedCoreDemo(db: PgDatabase<any>, opts: CoreDemoOptions): Promise<CoreDemoResult> {
  const total = opts.customers;
  if (!Number.isInteger(total) || total < 1) throw new RangeError('customers must be a positive integer');
  const seed = opts.seed ?? DEFAULT_SEED;
  const nowMs = (opts.now ?? DEFAULT_NOW).getTime();
  if (Number.isNaN(nowMs)) throw new RangeError('now is not a valid date');

  const root = createRandom(seed);
  // Separate streams: the organisation does not shift if the customer logic changes.
  const orgRng = root.fork();
  const rng = root.fork();

  const cst = new Date(nowMs + CST_OFFSET);
  const today: Ymd = { y: cst.getUTCFullYear(), m: cst.getUTCMonth() + 1, d: cst.getUTCDate() };
  const midnight = dayNumber(today.y, today.m, today.d) * DAY - CST_OFFSET;

  return db.transaction(async (tx) => {
    const usedPhones = new Set<string>();

    const branchRows = await tx
      .insert(branches)
      .values(
        BRANCHES.map((b, i) => ({
          code: b.code,
          nameZh: b.nameZh,
          nameEn: b.nameEn,
          city: b.city,
          latitude: b.latitude,
          longitude: b.longitude,
          createdAt: new Date(midnight - (18 + i) * 365 * DAY + 9 * HOUR),
        })),
      )
      .returning({ id: branches.id });
    const branchIds = branchRows.map((r) => r.id);

    const managerValues: (typeof managers.$inferInsert)[] = [];
    BRANCHES.forEach((_, b) => {
      GRADES.forEach((grade, g) => {
        const gender: Gender = orgRng.chance(0.5) ? 'MALE' : 'FEMALE';
        const yearsOfService = orgRng.int(1 + g * 3, 3 + g * 4);
        managerValues.push({
          code: `M${String(managerValues.length + 1).padStart(4, '0')}`,
          name: chineseName(orgRng, gender, today.y - 24 - yearsOfService - orgRng.int(0, 4)),
          grade,
          branchId: branchIds[b]!,
          phone: uniquePhone(orgRng, usedPhones),
          // Two industries each, in rotation (no draw from orgRng: the roster stays what it was).
          industries: [
            LEAD_INDUSTRY_ROTATION[(managerValues.length * 2) % LEAD_INDUSTRY_ROTATION.length]!,
            LEAD_INDUSTRY_ROTATION[(managerValues.length * 2 + 1) % LEAD_INDUSTRY_ROTATION.length]!,
          ],
          createdAt: new Date(midnight - yearsOfService * 365 * DAY - orgRng.int(0, 300) * DAY + 9 * HOUR),
        });
      });
    });
    const managerRows = await tx.insert(managers).values(managerValues).returning({ id: managers.id });
    const managerIds = managerRows.map((r) => r.id);
    const managerGrid = BRANCHES.map((_, b) => GRADES.map((_, g) => managerIds[b * GRADES.length + g]!));

    const ctx: Ctx = {
      settings: opts.settings ?? DEFAULT_SETTINGS,
      rng,
      now: nowMs,
      today,
      midnight,
      total,
      branchIds,
      managerIds: managerGrid,
      usedPhones,
      usedIds: new Set<string>(),
      foreignPicker: new OnePerBlock(rng, 33),
      studentPicker: new OnePerBlock(rng, 20),
      complaintPicker: new OnePerBlock(rng, 25),
      complaintCount: 0,
      boundaryPlan: new Map(),
    };

    const customerIds: number[] = [];
    for (let start = 0; start < total; start += BATCH) {
      const drafts: Draft[] = [];
      for (let i = start; i < Math.min(total, start + BATCH); i++) drafts.push(makeCustomer(ctx, i));

      const inserted = await tx
        .insert(customers)
        .values(drafts.map((d) => d.customer))
        .returning({ id: customers.id, phone: customers.phone });
      // Phones are unique, so map by phone rather than trusting RETURNING order.
      const idByPhone = new Map(inserted.map((r) => [r.phone, r.id]));

      const assessmentRows: AssessmentInsert[] = [];
      const contactRows: ContactInsert[] = [];
      const complaintRows: ComplaintInsert[] = [];
      for (const d of drafts) {
        const customerId = idByPhone.get(d.customer.phone)!;
        customerIds.push(customerId);
        for (const a of d.assessments) assessmentRows.push({ ...a, customerId });
        for (const c of d.contacts) contactRows.push({ ...c, customerId });
        if (d.complaint) complaintRows.push({ ...d.complaint, customerId });
      }
      for (let k = 0; k < assessmentRows.length; k += BATCH) {
        await tx.insert(riskAssessments).values(assessmentRows.slice(k, k + BATCH));
      }
      for (let k = 0; k < contactRows.length; k += BATCH) {
        await tx.insert(contacts).values(contactRows.slice(k, k + BATCH));
      }
      for (let k = 0; k < complaintRows.length; k += BATCH) {
        await tx.insert(complaints).values(complaintRows.slice(k, k + BATCH));
      }
    }

    return { branchIds, managerIds, customerIds };
  });
}
