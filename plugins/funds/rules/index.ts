import type { SuitabilityRule } from '../../../src/sdk/index.js';
import { bankWealthMinimum } from './bank-wealth-minimum.js';
import { privateCoolingOff } from './private-cooling-off.js';
import { privateMinimum } from './private-minimum.js';
import { privateQualifiedInvestor } from './private-qualified-investor.js';
import { qdiiFxDisclosure } from './qdii-fx-disclosure.js';
import { sip } from './sip.js';

/**
 * The funds line's own rules. Risk matching (including the signed special
 * warning for funds bought above level) is the core's `core.risk-matching`,
 * driven by each product's regime.
 */
export const fundsRules: SuitabilityRule[] = [privateQualifiedInvestor, privateMinimum, bankWealthMinimum, privateCoolingOff, sip, qdiiFxDisclosure];

export { bankWealthMinimum, privateCoolingOff, privateMinimum, privateQualifiedInvestor, qdiiFxDisclosure, sip };
