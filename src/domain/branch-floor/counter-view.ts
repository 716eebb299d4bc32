import { text, type LocalizedText } from '../../i18n/localized.js';
import { BEIJING_OFFSET_MS, beijingYmd } from '../common/beijing-time.js';
import type { Tier } from '../customers/derived.js';
import { explanationOf, type WorkItemKind } from '../workbench/work-item-kinds.js';
import type { CounterSetting } from './counter.settings.js';

/** What is worth saying at the counter about an identified customer. */
export const COUNTER_ALERT_KINDS = [
  'RISK_ASSESSMENT_EXPIRED',
  'RISK_ASSESSMENT_EXPIRING',
  'COMPLAINT_OPEN',
  'COOLING_OFF_ENDING',
  'PRODUCT_MATURING',
  'BIRTHDAY',
  'BUNDLE_OFFER',
] as const;
export type CounterAlertKind = (typeof COUNTER_ALERT_KINDS)[number];

/** The branch queue's lanes: the fast lane (贵宾通道) for the tiers setting core.counter names. */
export type QueuePriority = 'FAST_LANE' | 'STANDARD';

/** One alert, language-neutral (the resolver picks the caller's language). */
export interface CounterAlert {
  kind: CounterAlertKind;
  message: LocalizedText;
  /** When it falls due (the birthday, the maturity, the end of the cooling-off…). */
  dueAt: Date;
  /** What it is about: the customer, complaint, order, position, loan or bundle (database id). */
  subjectId: number;
}

export const queuePriority = (tier: Tier, s: CounterSetting): QueuePriority => (s.fastLaneTiers.includes(tier) ? 'FAST_LANE' : 'STANDARD');

/**
 * The customer's next birthday (China date, at 00:00 China time) when it falls within the setting's days
 * from `now` (today included); else null. A 29 February birthday is kept on 1 March in other years.
 */
export function upcomingBirthday(birthDate: string, now: Date, withinDays: number): Date | null {
  const [, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const today = beijingYmd(now);
  const startOfToday = Date.UTC(today.y, today.m - 1, today.d);
  for (const year of [today.y, today.y + 1]) {
    const leapless = bm === 2 && bd === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0));
    const at = leapless ? Date.UTC(year, 2, 1) : Date.UTC(year, bm - 1, bd);
    if (at < startOfToday) continue;
    const days = Math.round((at - startOfToday) / 86_400_000);
    return days <= withinDays ? new Date(at - BEIJING_OFFSET_MS) : null;
  }
  return null;
}

/** A birthday alert's words. */
export function birthdayMessage(at: Date, now: Date): LocalizedText {
  const d = beijingYmd(at);
  const t = beijingYmd(now);
  const today = d.y === t.y && d.m === t.m && d.d === t.d;
  return today
    ? text('今天是客户生日，请致以问候', "It is the customer's birthday today: wish them well")
    : text(
        `客户生日在 ${d.m} 月 ${d.d} 日，可致以问候`,
        `The customer's birthday is on ${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}: a word of greeting`,
      );
}

/** A work-queue item about the customer as a counter alert (the same words the manager's queue shows). */
export function alertOfItem(kind: WorkItemKind & CounterAlertKind, dueAt: Date, subjectId: number): CounterAlert {
  const message =
    kind === 'COMPLAINT_OPEN'
      ? text('客户有未办结的投诉，请先了解处理进展', 'The customer has an open complaint: check how it stands first')
      : explanationOf(kind, dueAt);
  return { kind, message, dueAt, subjectId };
}

/** Alerts in the order the counter reads them: by kind as listed in {@link COUNTER_ALERT_KINDS}, then due date. */
export function orderAlerts(alerts: CounterAlert[]): CounterAlert[] {
  const rank = (k: CounterAlertKind) => COUNTER_ALERT_KINDS.indexOf(k);
  return [...alerts].sort((a, b) => rank(a.kind) - rank(b.kind) || a.dueAt.getTime() - b.dueAt.getTime() || a.subjectId - b.subjectId);
}
