import type { products } from '../../db/schema/index.js';

/** A product's core row, the source object of every `Product` implementation. */
export type ProductRecord = typeof products.$inferSelect;
