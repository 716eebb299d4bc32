import type { RequestContext } from '../graphql/context.js';
import { forbidden } from '../graphql/errors.js';
import type { Role } from './principal.js';

/** Throws FORBIDDEN unless the caller has one of `roles`. */
export function requireRole(ctx: Pick<RequestContext, 'principal'>, ...roles: Role[]): void {
  if (!roles.includes(ctx.principal.role)) throw forbidden();
}
