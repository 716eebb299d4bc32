import { asc, sql } from 'drizzle-orm';
import type { Host } from '../app/host.js';
import type { Principal } from '../auth/principal.js';
import { approve, reject } from '../controls/maker-checker/decide.js';
import { APPROVAL_ACTIONS, MAKER_CHECKER_SETTING, type MakerCheckerSetting } from '../controls/maker-checker/maker-checker.settings.js';
import { bankSettings, customers, managers } from '../db/schema/index.js';
import { changeManagerGrade } from '../domain/organisation/grade-change.js';
import { toGlobalId } from '../graphql/relay/global-id.js';
import { createRequestContext } from '../http/context.js';
import { adjustPoints } from '../points/adjust.js';
import { notifySettingsChanged } from '../settings/settings-sync.js';

const OPERATIONS: Principal = { subject: 'demo:ho-operations', role: 'HEAD_OFFICE' };
const CHECKER: Principal = { subject: 'demo:checker-hq', role: 'CHECKER', checker: true };

/**
 * The demo bank runs with maker-checker on for every action it can hold (orders from CNY 1,000,000), and shows
 * an approval in each state: a point grant awaiting a checker, one approved (and booked), a grade change
 * rejected with a reason. Made through the same functions the API calls. Only the demo server and
 * `npm run seed` ask for it: test banks start with the setting's default (off).
 */
export async function seedMakerChecker(host: Host, now: Date): Promise<void> {
  const { runtime } = host;
  const db = runtime.database.db;
  const value: MakerCheckerSetting = { actions: [...APPROVAL_ACTIONS], orderAmountFromCny: '1000000' };
  await db.transaction(async (tx) => {
    await tx.insert(bankSettings).values({ key: MAKER_CHECKER_SETTING, value, updatedAt: now, updatedBy: 'system:seed' }).onConflictDoNothing();
    // Like every write of bank_settings: nodes already serving this database reload on commit.
    await notifySettingsChanged(tx, MAKER_CHECKER_SETTING);
  });
  runtime.settings.set(MAKER_CHECKER_SETTING, value);

  const ctx = (p: Principal, n: number) => createRequestContext(runtime, p, 'zh-CN', `seed-maker-checker-${n}`, now);
  const two = await db.select({ id: customers.id }).from(customers).orderBy(asc(customers.id)).limit(2);
  const [manager] = await db
    .select()
    .from(managers)
    .where(sql`${managers.grade} <> 'PRINCIPAL'`)
    .orderBy(asc(managers.id))
    .limit(1);
  if (two.length < 2 || !manager) return;
  await adjustPoints(ctx(OPERATIONS, 1), { customerId: toGlobalId('Customer', two[0]!.id), points: 500, reason: '客户生日关怀积分 / birthday goodwill' });
  const granted = await adjustPoints(ctx(OPERATIONS, 2), {
    customerId: toGlobalId('Customer', two[1]!.id),
    points: 1000,
    reason: '投诉处理补偿 / complaint goodwill',
  });
  await approve(ctx(CHECKER, 3), toGlobalId('Approval', granted.id));
  const promotion = await changeManagerGrade(ctx(OPERATIONS, 4), {
    managerId: toGlobalId('CustomerManager', manager.id),
    grade: 'PRINCIPAL',
    reason: '年度评定晋升 / annual review',
  });
  await reject(ctx(CHECKER, 5), toGlobalId('Approval', promotion.id), '考核材料不全，请补充后重新提交 / review file incomplete');
}
