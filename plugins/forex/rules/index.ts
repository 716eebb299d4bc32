import type { SuitabilityRule } from '../../../src/sdk/index.js';
import { forexAnnualQuota } from './annual-quota.js';
import { forexForeignNational } from './foreign-national.js';
import { forexProhibitedPurpose } from './prohibited-purpose.js';
import { forexWatchList } from './watch-list.js';

/** The forex line's suitability rules. */
export const forexRules: SuitabilityRule[] = [forexProhibitedPurpose, forexAnnualQuota, forexForeignNational, forexWatchList];
