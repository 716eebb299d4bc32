import type { SuitabilityRule } from '../../../sdk/contract/suitability.js';
import { amount } from './amount.js';
import { audioVideoRecording } from './audio-video-recording.js';
import { highRiskCare } from './high-risk-care.js';
import { productOnSale } from './product-on-sale.js';
import { professionalInvestor } from './professional-investor.js';
import { riskAssessment } from './risk-assessment.js';
import { riskMatching } from './risk-matching.js';
import { seniorCustomer } from './senior-customer.js';
import { sellerQualification } from './seller-qualification.js';

export { amount, audioVideoRecording, highRiskCare, productOnSale, professionalInvestor, riskAssessment, riskMatching, sellerQualification, seniorCustomer };
export { QUALIFICATION_LABELS } from './seller-qualification.js';
export { assessProfessionalInvestor, isProfessionalInvestor } from './professional.js';
export type { ProfessionalAssessment, ProfessionalBasis, ProfessionalInvestorThresholds } from './professional.js';

/** The core suitability rules (the "Common to all lines" table), in the order their reasons are listed. */
export const coreRules: SuitabilityRule[] = [
  productOnSale,
  amount,
  riskAssessment,
  professionalInvestor,
  riskMatching,
  highRiskCare,
  seniorCustomer,
  audioVideoRecording,
  sellerQualification,
];
