/**
 * The demo bank's generators: one customer with its assessments, contacts and complaint, from the seeded
 * random stream and the demo's "today" — never the clock.
 */
import { complaints, contacts, customers, riskAssessments } from '../../db/schema/index.js';
import { chineseName, foreignName, passportNumber, type ForeignNationality, type Gender } from '../names.js';
import type { Random } from '../random.js';
import type { SettingsReader } from '../../settings/reader.js';
import { tierFor } from '../../domain/customers/classification.js';
import { gradeRank, minimumGradeFor } from '../../domain/organisation/grades.js';
import { residentIdCheckDigit } from '../../domain/customers/customer.validation.js';
import { DEFAULT_RESPONSE_HOURS, respondByOf, type Severity } from '../../domain/complaints/complaint.settings.js';
import {
  AGE_BANDS,
  BOUNDARY_AGES,
  BOUNDARY_BLOCK,
  type BranchDef,
  BRANCHES,
  CITY_INCOME,
  COMPLAINT_CATEGORIES,
  COMPLAINT_FEEDBACK,
  COMPLAINT_ROUND_ROBIN,
  COMPLAINT_STATUS_WEIGHTS,
  COMPLAINT_STATUSES,
  COMPLAINT_TEXT,
  type ComplaintCategory,
  type ComplaintStatus,
  CONTACT_CHANNELS,
  CONTACT_SUMMARIES,
  DAY,
  MINUTE,
  type Occupation,
  OPENED_DAYS_AGO,
  OUTCOMES_BY_CHANNEL,
  PAY,
  PHONE_PREFIXES,
  RISK_LEVELS,
  RISK_OTHERS,
  RISK_VULNERABLE,
  type RiskLevel,
  type Sector,
  UNSTABLE,
} from './tables.js';

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export const dayNumber = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / DAY;
export const ymdOfDay = (day: number): Ymd => {
  const dt = new Date(day * DAY);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
};
export const isoOfDay = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);
export const ageOn = (birth: Ymd, today: Ymd): number => today.y - birth.y - (today.m < birth.m || (today.m === birth.m && today.d < birth.d) ? 1 : 0);

/** Picks a birth day so that the person is exactly `age` on `today`. */
export function birthDayForAge(rng: Random, age: number, today: Ymd): number {
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
export class OnePerBlock {
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

export type CustomerInsert = typeof customers.$inferInsert;
export type AssessmentInsert = typeof riskAssessments.$inferInsert;
export type ContactInsert = typeof contacts.$inferInsert;
export type ComplaintInsert = typeof complaints.$inferInsert;

/** A customer and its dependent rows, before the customer has an id. */
export interface Draft {
  customer: CustomerInsert & { phone: string };
  assessments: Omit<AssessmentInsert, 'customerId'>[];
  contacts: Omit<ContactInsert, 'customerId'>[];
  complaint: Omit<ComplaintInsert, 'customerId'> | null;
}

export interface Ctx {
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

export const roundTo = (x: number, step: number): number => Math.round(x / step) * step;
export const money = (x: number): string => x.toFixed(2);

/** A timestamp `daysAgo` Beijing calendar days before today, between the given hours, never after now. */
export function timeAt(ctx: Ctx, daysAgo: number, fromHour = 9, toHour = 18): Date {
  const { rng } = ctx;
  let ms = ctx.midnight - daysAgo * DAY + rng.int(fromHour * 60, toHour * 60 - 1) * MINUTE + rng.int(0, 59) * 1000;
  if (ms > ctx.now - MINUTE) ms = ctx.now - rng.int(1, 120) * MINUTE;
  return new Date(ms);
}

export function uniquePhone(rng: Random, used: Set<string>): string {
  for (;;) {
    const phone = rng.pick(PHONE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0');
    if (!used.has(phone)) {
      used.add(phone);
      return phone;
    }
  }
}

export function residentId(ctx: Ctx, branch: BranchDef, birthDay: number, gender: Gender): string {
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

export function uniquePassport(ctx: Ctx, nationality: ForeignNationality): string {
  for (;;) {
    const id = passportNumber(ctx.rng, nationality);
    if (!ctx.usedIds.has(id)) {
      ctx.usedIds.add(id);
      return id;
    }
  }
}

export function chooseOccupation(rng: Random, age: number, gender: Gender, student: boolean, foreign: boolean): Occupation {
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

export function chooseSector(rng: Random, occupation: Occupation, foreign: boolean): Sector {
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
export function softCap(rng: Random, x: number, cap: number): number {
  return x <= cap ? x : cap * (0.5 + 0.5 * rng.next());
}

export function ageIncomeFactor(age: number): number {
  return age < 25 ? 0.6 : age < 35 ? 0.9 : age < 55 ? 1.1 : 1;
}

export function ageWealthFactor(age: number): number {
  return age < 25 ? 0.25 : age < 35 ? 0.6 : age < 45 ? 1 : age < 60 ? 1.5 : 1.8;
}

export interface Finances {
  personal: number;
  household: number;
  assets: number;
  threeYear: number;
  stable: boolean;
}

export function finances(rng: Random, occupation: Occupation, age: number, city: string, foreign: boolean): Finances {
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
export function managerGradeFor(assets: number, settings: SettingsReader): number {
  const tier = tierFor({ assetsCny: assets.toFixed(2), contributionCny: '0' }, settings);
  return gradeRank(minimumGradeFor(tier, settings));
}

export function planBoundaryAges(ctx: Ctx, blockStart: number): void {
  const len = Math.min(BOUNDARY_BLOCK, ctx.total - blockStart);
  const offsets = ctx.rng.shuffle(Array.from({ length: len }, (_, i) => i));
  ctx.boundaryPlan = new Map();
  BOUNDARY_AGES.forEach((age, i) => {
    if (i < offsets.length) ctx.boundaryPlan.set(offsets[i]!, age);
  });
}

export function makeCustomer(ctx: Ctx, index: number): Draft {
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
export const SEVERITY_CYCLE: readonly Severity[] = ['MEDIUM', 'LOW', 'HIGH', 'MEDIUM', 'CRITICAL', 'MEDIUM', 'LOW', 'HIGH'];
export const severityOf = (n: number, category: ComplaintCategory): Severity =>
  category === 'MIS_SELLING' ? (n % 3 === 0 ? 'CRITICAL' : 'HIGH') : SEVERITY_CYCLE[n % SEVERITY_CYCLE.length]!;
/** Escalation by complaint number too: every 4th to the branch, every 12th (from the 6th) to head office. */
export const escalationOf = (n: number): number => (n % 12 === 5 ? 2 : n % 4 === 1 ? 1 : 0);
export const ESCALATION_REASONS = ['', '客户对处理进度不满，升级至支行负责人', '涉及销售合规问题，升级至总行消费者权益保护部'];

export function makeComplaint(
  ctx: Ctx,
  status: ComplaintStatus,
  managerId: number | null,
  branchId: number,
  openedDaysAgo: number,
  n: number,
): Draft['complaint'] {
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
