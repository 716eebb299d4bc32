import type { SuitabilityRule } from '@finmart/sdk';
import { goldMinimum } from './minimum.js';
import { goldPhysicalIdentity } from './physical-identity.js';
import { goldRiskLevel } from './risk-level.js';
import { goldTradingHours } from './trading-hours.js';

/** The gold line's suitability rules. */
export const goldRules: SuitabilityRule[] = [goldRiskLevel, goldMinimum, goldTradingHours, goldPhysicalIdentity];
