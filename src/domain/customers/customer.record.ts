import type { customers } from '../../db/schema/index.js';

/** A customer's row: the source object of `Customer`. */
export type CustomerRecord = typeof customers.$inferSelect;
