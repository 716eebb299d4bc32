import { asc, desc, inArray } from 'drizzle-orm';
import { managerGradeChanges, managerQualifications } from '../../db/schema/index.js';
import type { RequestContext } from '../../graphql/context.js';
import { groupByKey } from '../../graphql/loaders.js';

type Ctx = Pick<RequestContext, 'loader' | 'db'>;
export type QualificationRow = typeof managerQualifications.$inferSelect;
export type GradeChangeRow = typeof managerGradeChanges.$inferSelect;

/** Qualifications per manager, by kind then expiry: one statement for a whole page of managers. */
export const qualificationsByManagerLoader = (ctx: Ctx) =>
  ctx.loader<number, QualificationRow[]>('core.managerQualifications', async (ids) => {
    const rows = await ctx.db
      .select()
      .from(managerQualifications)
      .where(inArray(managerQualifications.managerId, [...ids]))
      .orderBy(asc(managerQualifications.kind), asc(managerQualifications.expiresAt), asc(managerQualifications.id));
    return groupByKey(ids, rows, (r) => r.managerId);
  });

/** Grade changes per manager, newest first: one statement for a whole page of managers. */
export const gradeChangesByManagerLoader = (ctx: Ctx) =>
  ctx.loader<number, GradeChangeRow[]>('core.managerGradeChanges', async (ids) => {
    const rows = await ctx.db
      .select()
      .from(managerGradeChanges)
      .where(inArray(managerGradeChanges.managerId, [...ids]))
      .orderBy(desc(managerGradeChanges.id));
    return groupByKey(ids, rows, (r) => r.managerId);
  });

/** Whether a qualification is valid at `now`: it lapses at its expiry instant. */
export const qualificationValid = (q: { expiresAt: Date }, now: Date): boolean => q.expiresAt.getTime() > now.getTime();
