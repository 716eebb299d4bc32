import { and, inArray } from 'drizzle-orm';
import type { HostContext } from '../../graphql/context.js';
import { leads } from '../../db/schema/index.js';
import { LEAD_ROLES } from './lead-roles.js';
import { leadScope } from './lead.scope.js';
import type { LeadRow } from './lead.resolver.js';

/** Leads by id in the caller's scope, batched per request (null: out of scope, or the caller never sees leads). */
export const leadLoader = (ctx: HostContext) =>
  ctx.loader<number, LeadRow | null>('core.lead', async (ids) => {
    if (!LEAD_ROLES.includes(ctx.principal.role)) return ids.map(() => null);
    const rows = await ctx.db
      .select()
      .from(leads)
      .where(and(inArray(leads.id, [...ids]), leadScope(ctx.principal)));
    return ids.map((id) => rows.find((r) => r.id === id) ?? null);
  });
