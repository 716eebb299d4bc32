import { sql } from 'drizzle-orm';
import type { HostRuntime } from '../app/runtime.js';
import { resultRows } from '../db/result-rows.js';
import { satisfactionResponses } from '../db/schema/index.js';
import { insertInBatches } from '../sdk/batches.js';
import { createRandom, type Random, type Weighted } from './random.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Contacts and orders of this many days before the demo's today are surveyed (the KPIs' recent periods). */
const SURVEY_DAYS = 180;
/** Shares of reached contacts and of orders that have a response; share of closed complaints closed without one. */
const CONTACT_SHARE = 0.4;
const ORDER_SHARE = 0.2;
const WAIVED_SHARE = 0.15;
/** Share of responses that carry a recommend value (NPS), and a comment. */
const RECOMMEND_SHARE = 0.7;
const COMMENT_SHARE = 0.3;

type Subject = 'CONTACT' | 'COMPLAINT' | 'ORDER';

/** Scores by subject: contacts and sales mostly satisfied, complaint handling less so. */
const SCORES: Readonly<Record<Subject, readonly Weighted<number>[]>> = {
  CONTACT: [
    [5, 40],
    [4, 35],
    [3, 15],
    [2, 6],
    [1, 4],
  ],
  ORDER: [
    [5, 35],
    [4, 35],
    [3, 18],
    [2, 8],
    [1, 4],
  ],
  COMPLAINT: [
    [5, 15],
    [4, 30],
    [3, 25],
    [2, 18],
    [1, 12],
  ],
};
/** The recommend value given a score: the two move together, loosely. */
const RECOMMEND_BY_SCORE: Readonly<Record<number, readonly Weighted<number>[]>> = {
  5: [
    [10, 45],
    [9, 40],
    [8, 15],
  ],
  4: [
    [9, 25],
    [8, 40],
    [7, 25],
    [6, 10],
  ],
  3: [
    [7, 25],
    [6, 35],
    [5, 25],
    [4, 15],
  ],
  2: [
    [5, 20],
    [4, 30],
    [3, 30],
    [2, 20],
  ],
  1: [
    [0, 30],
    [1, 30],
    [2, 25],
    [3, 15],
  ],
};
const COMMENTS: Readonly<Record<number, readonly string[]>> = {
  5: ['客户经理非常专业，讲解清楚', '服务周到，非常满意', '响应及时，态度很好'],
  4: ['整体满意，希望办理再快一些', '讲解比较清楚'],
  3: ['一般，等待时间偏长', '产品说明还可以更详细'],
  2: ['沟通不够及时', '处理过程较慢'],
  1: ['多次联系无人回复，很不满意', '对处理结果不认可'],
};
const WAIVER_REASONS = ['客户电话多次未接通，已短信告知处理结果', '客户表示不愿参与满意度回访'];

/** One response to insert. */
type ResponseInsert = typeof satisfactionResponses.$inferInsert;

function answer(rng: Random, subject: Subject): Pick<ResponseInsert, 'score' | 'recommend' | 'comment'> {
  const score = rng.weighted(SCORES[subject]);
  const recommend = rng.chance(RECOMMEND_SHARE) ? rng.weighted(RECOMMEND_BY_SCORE[score]!) : null;
  const comment = rng.chance(COMMENT_SHARE) ? rng.pick(COMMENTS[score]!) : null;
  return { score, recommend, comment };
}

const num = (v: unknown): number | null => (v == null ? null : Number(v));
const date = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));

/**
 * The demo's satisfaction surveys (客户满意度追踪调查): a response for a share of
 * the contacts that reached a customer and of the orders of the last 180 days
 * (the first order always),
 * and for every closed complaint but a few closed with a reason the feedback could
 * not be had — so every closed complaint satisfies the rule advanceComplaint
 * enforces, and the KPIs and complaint analysis show CSAT and NPS. Manager and
 * branch as recordSatisfaction records them. Deterministic (own PRNG, candidates
 * by id, anchored at the demo's `now`); three reads and a few batched inserts.
 */
export async function seedSatisfaction(runtime: HostRuntime, now: Date): Promise<number> {
  const db = runtime.database.db;
  const rng = createRandom(20261201);
  const since = new Date(now.getTime() - SURVEY_DAYS * DAY).toISOString();
  const latest = now.getTime() - 60_000;
  const rows: ResponseInsert[] = [];
  const push = (scale: Subject, r: Record<string, unknown>, at: number, subject: Subject = scale) =>
    rows.push({
      customerId: Number(r.customer_id),
      subjectType: subject,
      subjectId: Number(r.id),
      ...answer(rng, scale),
      managerId: num(r.manager_id),
      branchId: num(r.branch_id),
      recordedBy: 'seed',
      recordedAt: new Date(Math.min(at, latest)),
    });

  const closed = resultRows(
    await db.execute(sql`select x.id, x.customer_id, x.manager_id, x.branch_id, x.handled_at, x.feedback_at from complaints x
      where x.status = 'FEEDBACK_GIVEN' and x.feedback_waived_reason is null
        and not exists (select 1 from satisfaction_responses s where s.subject_type = 'COMPLAINT' and s.subject_id = x.id)
      order by x.id`),
  );
  const waived: { id: number; reason: string }[] = [];
  for (const c of closed) {
    if (rng.chance(WAIVED_SHARE)) {
      waived.push({ id: Number(c.id), reason: rng.pick(WAIVER_REASONS) });
      continue;
    }
    // Asked after the handling, before the complaint was closed.
    const handled = date(c.handled_at).getTime();
    const feedback = date(c.feedback_at).getTime();
    push('COMPLAINT', c, handled + Math.floor((feedback - handled) * (0.2 + 0.6 * rng.next())));
  }

  const reached = resultRows(
    await db.execute(sql`select k.id, k.customer_id, k.manager_id, c.branch_id, k.occurred_at from contacts k join customers c on c.id = k.customer_id
      where k.outcome in ('REACHED', 'FOLLOW_UP') and k.occurred_at >= ${since}::timestamptz order by k.id`),
  );
  for (const k of reached) if (rng.chance(CONTACT_SHARE)) push('CONTACT', k, date(k.occurred_at).getTime() + rng.int(1, 72) * HOUR);

  // The demo's plugins seed holdings, not orders: the orders here are the mis-selling case's (demo server, `npm run seed`).
  // The first is always surveyed so the demo shows a sale's response; one complained about is rated as complaints are.
  const sold = resultRows(
    await db.execute(sql`select o.id, o.customer_id, coalesce(o.seller_manager_id, c.manager_id) as manager_id, coalesce(o.seller_branch_id, c.branch_id) as branch_id, o.placed_at,
        exists (select 1 from complaints x where x.order_id = o.id) as complained
      from orders o join customers c on c.id = o.customer_id where o.placed_at >= ${since}::timestamptz and o.placed_at < ${new Date(latest).toISOString()}::timestamptz order by o.id`),
  );
  sold.forEach((o, i) => {
    if (i > 0 && !rng.chance(ORDER_SHARE)) return;
    const complained = o.complained === true || String(o.complained) === 'true';
    push(complained ? 'COMPLAINT' : 'ORDER', o, date(o.placed_at).getTime() + rng.int(1, 7 * 24) * HOUR, 'ORDER');
  });

  if (waived.length > 0) {
    const values = sql.join(
      waived.map((w) => sql`(${w.id}::int, ${w.reason})`),
      sql`, `,
    );
    await db.execute(sql`update complaints c set feedback_waived_reason = v.reason from (values ${values}) as v(id, reason) where c.id = v.id`);
  }
  await insertInBatches(rows, (batch) => db.insert(satisfactionResponses).values(batch).onConflictDoNothing());
  return rows.length;
}
