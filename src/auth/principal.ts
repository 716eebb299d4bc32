/** The roles of API.md. */
export const ROLES = ['RELATIONSHIP_MANAGER', 'BRANCH_MANAGER', 'HEAD_OFFICE', 'PARTNER', 'AUDITOR', 'CHECKER'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Who is calling. Every request has one; every data access reads it to decide
 * what is in scope.
 */
export interface Principal {
  /** Stable subject (JWT `sub`), recorded in audit and decision records. */
  subject: string;
  role: Role;
  /** Database id of the manager, for RELATIONSHIP_MANAGER. */
  managerId?: number;
  /** Database id of the branch, for BRANCH_MANAGER (and a manager's own branch). */
  branchId?: number;
  /** Plugin code of the partner, for PARTNER. */
  partnerCode?: string;
  /**
   * The checker permission (复核权限, JWT claim `checker: true`): a head-office or branch-manager principal
   * holding it may approve or reject what others made (maker-checker). The CHECKER role holds it always and
   * may do nothing else.
   */
  checker?: boolean;
}

/** Roles that may change data at all. */
export const WRITER_ROLES: readonly Role[] = ['RELATIONSHIP_MANAGER', 'BRANCH_MANAGER', 'HEAD_OFFICE'];

/** Roles that may see customer personal data (masked by default). */
export const CUSTOMER_READER_ROLES: readonly Role[] = ['RELATIONSHIP_MANAGER', 'BRANCH_MANAGER', 'HEAD_OFFICE', 'AUDITOR'];
