import type { Role } from '../../auth/principal.js';

/** Who works with leads at all: the bank's staff and auditors; never partners. */
export const LEAD_ROLES: Role[] = ['RELATIONSHIP_MANAGER', 'BRANCH_MANAGER', 'HEAD_OFFICE', 'AUDITOR'];
/** Who changes leads. */
export const LEAD_WRITERS: Role[] = ['RELATIONSHIP_MANAGER', 'BRANCH_MANAGER', 'HEAD_OFFICE'];
