import { errorSummary } from '../error-summary.js';

/** True when a statement failed on a unique index (SQLSTATE 23505), whichever driver raised it. */
export const isUniqueViolation = (e: unknown): boolean => errorSummary(e).code === '23505';
