import type { SuitabilityRule } from '../../../src/sdk/index.js';
import { accountClassLimits } from './account-class-limits.js';
import { cardCap } from './card-cap.js';
import { firstCreditCard } from './first-credit-card.js';
import { primaryCreditAge } from './primary-credit-age.js';
import { realName } from './real-name.js';
import { repaymentSource } from './repayment-source.js';
import { singleClassOne } from './single-class-one.js';
import { studentCard } from './student.js';

export { accountClassLimits, cardCap, firstCreditCard, primaryCreditAge, realName, repaymentSource, singleClassOne, studentCard };

/** Every suitability rule of the cards line (BUY = applying for a card or opening an account). */
export const cardsRules: SuitabilityRule[] = [
  primaryCreditAge,
  studentCard,
  firstCreditCard,
  repaymentSource,
  cardCap,
  realName,
  singleClassOne,
  accountClassLimits,
];
