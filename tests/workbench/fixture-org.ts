import { branches, managers } from '../../src/db/schema/index.js';
import type { Db } from '../../src/db/client.js';

/** Two fixture branches B and C and three principal managers: M1 and M2 at B, M3 at C. Codes start with `prefix`. */
export async function fixtureOrg(db: Db, prefix: string, label: { zh: string; en: string }, phoneBase: number) {
  const [b, c] = await db
    .insert(branches)
    .values([
      { code: `${prefix}-B`, nameZh: `${label.zh}乙`, nameEn: `${label.en} B`, city: '杭州' },
      { code: `${prefix}-C`, nameZh: `${label.zh}丙`, nameEn: `${label.en} C`, city: '宁波' },
    ])
    .returning({ id: branches.id });
  const [m1, m2, m3] = await db
    .insert(managers)
    .values([
      { code: `${prefix}-M1`, name: '一', grade: 'PRINCIPAL', branchId: b!.id, phone: `1390000${String(phoneBase + 1).padStart(4, '0')}` },
      { code: `${prefix}-M2`, name: '二', grade: 'PRINCIPAL', branchId: b!.id, phone: `1390000${String(phoneBase + 2).padStart(4, '0')}` },
      { code: `${prefix}-M3`, name: '三', grade: 'PRINCIPAL', branchId: c!.id, phone: `1390000${String(phoneBase + 3).padStart(4, '0')}` },
    ])
    .returning({ id: managers.id });
  return { B: b!.id, C: c!.id, M1: m1!.id, M2: m2!.id, M3: m3!.id };
}
