import { Decimal } from 'decimal.js';
import { sql, type SQL } from 'drizzle-orm';

/**
 * The definitions of satisfaction (客户满意度), in one place: what may be
 * recorded, and how the KPIs and the complaint analysis read it.
 *
 * - CSAT: the share of responses scoring 4 or 5 on the 1–5 scale (a fraction,
 *   4 decimals, like every KPI rate); the average score beside it.
 * - NPS: promoters (recommend 9–10) minus detractors (0–6), as a percentage of
 *   the responses that carry a recommend value (−100 … 100, 2 decimals); null
 *   when none does. Passives (7–8) count only in the denominator.
 */

export const SATISFACTION_SUBJECT_TYPES = ['CONTACT', 'COMPLAINT', 'ORDER'] as const;
export type SatisfactionSubjectType = (typeof SATISFACTION_SUBJECT_TYPES)[number];

/** The CSAT scale, and the scores that count as satisfied. */
export const SCORE_MIN = 1;
export const SCORE_MAX = 5;
export const SATISFIED_FROM = 4;
/** The recommend scale (NPS), promoters from and detractors up to. */
export const RECOMMEND_MIN = 0;
export const RECOMMEND_MAX = 10;
export const PROMOTER_FROM = 9;
export const DETRACTOR_UP_TO = 6;
/** Longest comment kept. */
export const COMMENT_MAX = 500;

/** The global id type of each subject type's rows. */
export const SUBJECT_NODE_TYPE: Readonly<Record<SatisfactionSubjectType, string>> = { CONTACT: 'Contact', COMPLAINT: 'Complaint', ORDER: 'Order' };

/**
 * The aggregate columns of a set of responses aliased `alias` (one row per
 * group): responses, satisfied, score sum, responses with a recommend value,
 * promoters, detractors. `where` narrows them (a filter, e.g. "recorded as of").
 */
export function satisfactionAggregates(alias: string, where: SQL = sql`true`): SQL {
  const a = sql.raw(alias);
  return sql`(count(${a}.id) filter (where ${where}))::int as sat_n,
    (count(${a}.id) filter (where ${where} and ${a}.score >= ${sql.raw(String(SATISFIED_FROM))}))::int as sat_satisfied,
    coalesce(sum(${a}.score) filter (where ${where}), 0)::int as sat_score_sum,
    (count(${a}.recommend) filter (where ${where}))::int as sat_rated,
    (count(${a}.id) filter (where ${where} and ${a}.recommend >= ${sql.raw(String(PROMOTER_FROM))}))::int as sat_promoters,
    (count(${a}.id) filter (where ${where} and ${a}.recommend <= ${sql.raw(String(DETRACTOR_UP_TO))}))::int as sat_detractors`;
}

/** The figures of one group, from the aggregate columns of {@link satisfactionAggregates}. */
export interface SatisfactionFigures {
  /** Responses counted. */
  responses: number;
  /** Share of scores 4–5, 4 decimals; null over none. */
  csat: number | null;
  /** Mean score, 2 decimals; null over none. */
  averageScore: number | null;
  /** Responses with a recommend value. */
  npsResponses: number;
  /** (promoters − detractors) × 100 / npsResponses, 2 decimals; null over none. */
  nps: number | null;
}

/** Figures from a row holding the `sat_*` columns (either driver's types). */
export function satisfactionFiguresOf(r: Record<string, unknown>): SatisfactionFigures {
  const n = Number(r.sat_n ?? 0);
  const rated = Number(r.sat_rated ?? 0);
  const round = (v: Decimal, places: number) => v.toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toNumber();
  return {
    responses: n,
    csat: n === 0 ? null : round(new Decimal(Number(r.sat_satisfied)).div(n), 4),
    averageScore: n === 0 ? null : round(new Decimal(Number(r.sat_score_sum)).div(n), 2),
    npsResponses: rated,
    nps: rated === 0 ? null : round(new Decimal(Number(r.sat_promoters) - Number(r.sat_detractors)).mul(100).div(rated), 2),
  };
}
