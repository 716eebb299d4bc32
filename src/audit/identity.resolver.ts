import { Arg, Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import type { HostContext } from '../graphql/context.js';
import { requireRole } from '../auth/guards.js';
import type { Role } from '../auth/principal.js';
import { Customer } from '../domain/customers/customer.type.js';
import type { CustomerRecord } from '../domain/customers/customer.record.js';
import { badInput } from '../graphql/errors.js';
import { toGlobalId } from '../graphql/relay/global-id.js';
import { text } from '../i18n/localized.js';
import { recordAuditBatch, type AuditEntry } from './record.js';

/**
 * Roles that may see a full identity. Least privilege (JR/T 0171—2020): the
 * staff who serve the customer. AUDITOR is left out on purpose — auditing
 * needs who looked and why (the trail), not the identifiers themselves;
 * PARTNER never reaches a Customer at all.
 */
export const IDENTITY_REVEAL_ROLES: readonly Role[] = ['RELATIONSHIP_MANAGER', 'BRANCH_MANAGER', 'HEAD_OFFICE'];

/** A stated purpose must say something: at least this many characters (trimmed). */
export const PURPOSE_MIN_LENGTH = 4;
export const PURPOSE_MAX_LENGTH = 200;

@ObjectType('CustomerIdentity', { description: 'Unmasked personal identifiers. Every read is audited with its purpose.' })
export class CustomerIdentity {
  @Field(() => String, { description: '证件号码 / The full ID number.' }) idNumber!: string;
  @Field(() => String, { description: '手机号码 / The full mobile number.' }) phone!: string;
}

/** Checks and normalises a stated purpose; BAD_USER_INPUT otherwise. */
export function checkPurpose(purpose: string): string {
  const p = purpose.trim();
  if (p.length < PURPOSE_MIN_LENGTH || p.length > PURPOSE_MAX_LENGTH) {
    throw badInput(
      text(`查询用途须为 ${PURPOSE_MIN_LENGTH} 到 ${PURPOSE_MAX_LENGTH} 个字符`, `purpose must be ${PURPOSE_MIN_LENGTH} to ${PURPOSE_MAX_LENGTH} characters`),
      'purpose',
    );
  }
  return p;
}

/** Batches PII_REVEAL entries of one request into one insert; a failed write fails every reveal. */
const revealAudit = (ctx: HostContext) =>
  ctx.loader<string, true>('audit.piiReveal', async (keys) => {
    const entries: AuditEntry[] = keys.map((k) => {
      const [id, purpose] = JSON.parse(k) as [number, string];
      return { action: 'PII_REVEAL', targetType: 'Customer', targetId: toGlobalId('Customer', id), purpose, details: { fields: ['idNumber', 'phone'] } };
    });
    await recordAuditBatch(ctx, entries);
    return keys.map(() => true as const);
  });

@Resolver(() => Customer)
export class CustomerIdentityResolver {
  @FieldResolver(() => CustomerIdentity, {
    description:
      'Full ID number and phone. Needs a stated purpose (≥ 4 characters) and a serving role (relationship manager, branch manager, head office); audited as PII_REVEAL.',
  })
  async identity(
    @Root() c: CustomerRecord,
    @Arg('purpose', () => String, { description: 'Why the full identity is needed (at least 4 characters); kept in the audit trail with the reveal.' })
    purpose: string,
    @Ctx() ctx: HostContext,
  ): Promise<CustomerIdentity> {
    requireRole(ctx, ...IDENTITY_REVEAL_ROLES);
    const p = checkPurpose(purpose);
    // The audit record is written before the value is returned: no record, no value.
    await revealAudit(ctx).load(JSON.stringify([c.id, p]));
    return { idNumber: c.idNumber, phone: c.phone };
  }
}
