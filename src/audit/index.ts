/** The audit trail: recording, the 360-read plugin, identity reveal and the auditor's query. */
export { recordAudit, recordAuditBatch, type AuditEntry, type AuditAction } from './record.js';
export { customer360AuditPlugin } from './customer-360-audit.plugin.js';
export { deferAudit } from './request-audit.js';
export { CustomerIdentityResolver, CustomerIdentity, IDENTITY_REVEAL_ROLES, checkPurpose } from './identity.resolver.js';
export { AuditEventResolver, AuditEvent, AUDIT_READER_ROLES } from './audit-events.query.js';
