import { asc } from 'drizzle-orm';
import type { HostRuntime } from '../app/runtime.js';
import { branches, customers, leadContacts, leadEvents, leads, managers } from '../db/schema/index.js';
import { createRandom } from './random.js';

const DAY = 86_400_000;
/** Leads per branch pool: enough for every stage and for a distribution demo. */
const PER_BRANCH = 15;
const SOURCES = ['GOVERNMENT', 'PUBLIC_CHANNEL', 'CUSTOMER_REFERRAL', 'CHANNEL_PARTNER', 'CAMPAIGN'] as const;
const PARTNERS = ['万科地产', '比亚迪汽车4S店', '绿城置业', '上汽大众经销商'];
const INDUSTRIES = ['MANUFACTURING', 'REAL_ESTATE', 'WHOLESALE_RETAIL', 'IT_SERVICES', 'CONSTRUCTION', 'HEALTHCARE', 'TRANSPORT', 'EDUCATION'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['建国', '海燕', '志强', '丽华', '文博', '晓东', '秀英', '俊杰'];
/** The stage each lead of a pool reaches, in order: every stage is present in every branch. */
const STAGES = [
  'COLLECTED',
  'COLLECTED',
  'COLLECTED',
  'COLLECTED',
  'DISTRIBUTED',
  'DISTRIBUTED',
  'DISTRIBUTED',
  'FEEDBACK',
  'FEEDBACK',
  'REFINED',
  'REFINED',
  'CONVERTED',
  'CONVERTED',
  'DROPPED',
  'DISTRIBUTED',
] as const;
const PATH = ['COLLECTED', 'DISTRIBUTED', 'FEEDBACK', 'REFINED', 'CONVERTED'];

/**
 * The demo's leads: 15 per branch, around the branch, in every stage with their
 * history (who moved them and why), the people found in feedback, and the
 * converted ones linked to a customer of the holder. Deterministic (own PRNG,
 * anchored at the demo's `now`).
 */
export async function seedLeads(runtime: HostRuntime, now: Date): Promise<number> {
  const db = runtime.database.db;
  const rng = createRandom(20261130);
  const branchRows = await db.select().from(branches).orderBy(asc(branches.id));
  const managerRows = await db.select().from(managers).orderBy(asc(managers.id));
  const customerRows = await db.select({ id: customers.id, managerId: customers.managerId }).from(customers).orderBy(asc(customers.id));
  let made = 0;
  for (const b of branchRows) {
    const staff = managerRows.filter((m) => m.branchId === b.id);
    if (!staff.length || b.latitude === null || b.longitude === null) continue;
    for (let i = 0; i < PER_BRANCH; i += 1) {
      const stage = STAGES[i]!;
      const source = SOURCES[i % SOURCES.length]!;
      const industry = INDUSTRIES[(i + b.id) % INDUSTRIES.length]!;
      const owner = i % 3 === 0;
      const name = `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}`;
      // Spread over 40 days; the last one recent enough that its feedback is not yet due (a LEAD_NEW item).
      const created = new Date(now.getTime() - (i === PER_BRANCH - 1 ? 4 : 40 - i * 2) * DAY);
      const holder = stage === 'COLLECTED' || stage === 'DROPPED' ? null : staff[i % staff.length]!;
      const referrer = source === 'CUSTOMER_REFERRAL' ? customerRows[(i * 7 + b.id) % customerRows.length]!.id : null;
      const converted = stage === 'CONVERTED' ? customerRows.find((c) => c.managerId === holder?.id) : undefined;
      const reach = stage === 'DROPPED' ? 0 : PATH.indexOf(stage);
      const at = (step: number) => new Date(created.getTime() + step * 3 * DAY);
      const [row] = await db
        .insert(leads)
        .values({
          source,
          sourceDetail: source === 'CHANNEL_PARTNER' ? PARTNERS[i % PARTNERS.length]! : source === 'CAMPAIGN' ? '2026 年财富节' : null,
          referrerCustomerId: referrer,
          prospectKind: owner ? 'BUSINESS_OWNER' : 'PERSON',
          prospectName: name,
          companyName: owner ? `${b.nameZh.slice(0, 2)}${rng.pick(['恒达', '华盛', '新源', '中联'])}有限公司` : null,
          prospectPhone: `139${String(10_000_000 + Math.floor(rng.next() * 89_999_999)).slice(0, 8)}`,
          industry,
          district: `${b.nameZh.slice(0, 2)}${rng.pick(['东区', '西区', '南区', '北区', '新区'])}`,
          latitude: (Number(b.latitude) + (rng.next() - 0.5) * 0.2).toFixed(6),
          longitude: (Number(b.longitude) + (rng.next() - 0.5) * 0.2).toFixed(6),
          estimatedValue: String(rng.int(5, 500) * 10_000),
          notes: owner ? '企业主，有资金管理与家族财富需求' : '有理财需求，偏好稳健',
          stage,
          branchId: b.id,
          managerId: holder?.id ?? null,
          assignedAt: holder ? at(1) : null,
          customerId: converted?.id ?? null,
          convertedAt: converted ? at(4) : null,
          dropReason: stage === 'DROPPED' ? '客户明确无意向' : null,
          createdBy: 'seed',
          createdAt: created,
          updatedAt: created,
          version: 1 + (stage === 'DROPPED' ? 1 : reach),
        })
        .returning({ id: leads.id });
      const events: (typeof leadEvents.$inferInsert)[] = [
        { leadId: row.id, fromStage: null, toStage: 'COLLECTED', managerId: null, branchId: b.id, actor: 'seed', reason: 'collected', at: created },
      ];
      for (let s = 1; s <= reach; s += 1) {
        events.push({
          leadId: row.id,
          fromStage: PATH[s - 1]!,
          toStage: PATH[s]!,
          managerId: holder?.id ?? null,
          branchId: b.id,
          actor: 'seed',
          reason: ['', 'claimed (优先领认)', '已联系，约见决策人', '补充资产与需求信息', '已开户'][s]!,
          at: at(s),
        });
      }
      if (stage === 'DROPPED')
        events.push({
          leadId: row.id,
          fromStage: 'COLLECTED',
          toStage: 'DROPPED',
          managerId: null,
          branchId: b.id,
          actor: 'seed',
          reason: '客户明确无意向',
          at: at(1),
        });
      await db.insert(leadEvents).values(events);
      if (reach >= 2) {
        await db.insert(leadContacts).values([
          { leadId: row.id, role: 'DECISION_MAKER', name, title: owner ? '董事长' : null, phone: null, recordedAt: at(2) },
          {
            leadId: row.id,
            role: 'OPERATOR',
            name: `${rng.pick(SURNAMES)}${rng.pick(GIVEN)}`,
            title: '财务经理',
            phone: `137${String(10_000_000 + i * 1_234_567).slice(0, 8)}`,
            recordedAt: at(2),
          },
        ]);
      }
      made += 1;
    }
  }
  return made;
}
