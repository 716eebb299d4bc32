import type { Db } from '../../../src/sdk/index.js';
import { seedContext } from './support.js';

/** A seed context for the gold plugin (settings overridable, customer count adjustable). */
export const goldSeedContext = (db: Db, overrides: Record<string, unknown> = {}, customerCount = 1000) =>
  seedContext(db, overrides, customerCount);
