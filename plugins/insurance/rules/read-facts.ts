import { perObject, type SuitabilityFacts } from '../../../src/sdk/index.js';
import {
  AGE_OF_MAJORITY,
  isGuaranteedType,
  isInsuranceType,
  isPremiumMode,
  type InsuranceProductDetails,
  type InsuranceType,
  type PremiumMode,
} from '../domain.js';

/** The product's terms; `complete` is false when the details row is missing or malformed. */
export interface ProductTerms extends InsuranceProductDetails {
  complete: boolean;
}

const int = (v: unknown): number | null => {
  if (Number.isInteger(v)) return v as number; // false for anything but a whole number
  if (typeof v === 'string' && /^\d{1,4}$/.test(v)) return Number(v);
  return null;
};
const bool = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null);

/**
 * Reads `facts.product.details`. Anything missing falls back to the strictest
 * reading — non-guaranteed, personal cover over one year with death cover — so
 * a product whose terms are not on file is not treated more leniently than a
 * real one, and `insurance.insured-age-band` blocks its sale outright.
 */
export function productTerms(facts: SuitabilityFacts): ProductTerms {
  return termsOfProduct(facts.product);
}

// Seven rules read the terms on every evaluation: once per product facts object (frozen, shared).
const termsOfProduct = perObject((p: SuitabilityFacts['product']) => Object.freeze(productTermsOf(p.details ?? {}, p.partnerCode)));

/** {@link productTerms} from a product's line details (`facts.products` of the manifest). */
export function productTermsOf(d: Record<string, unknown>, partnerCode: string | null): ProductTerms {
  const type: InsuranceType | null = isInsuranceType(d.insuranceType) ? d.insuranceType : null;
  const modes = Array.isArray(d.premiumModes) ? d.premiumModes.filter(isPremiumMode) : [];
  // Malformed options (null) and zero years are dropped.
  const years = Array.isArray(d.paymentYearsOptions) ? d.paymentYearsOptions.map((v) => int(v) ?? 0).filter((n) => n > 0) : [];
  const ageMin = int(d.insuredAgeMin);
  const ageMax = int(d.insuredAgeMax);
  const complete = type !== null && modes.length > 0 && years.length > 0 && ageMin !== null && ageMax !== null;
  return {
    complete,
    insurer: typeof d.insurer === 'string' ? d.insurer : (partnerCode ?? ''),
    insuranceType: type ?? 'TRADITIONAL',
    // A contradicting flag (guaranteed participating) loses to the type: the regulation is about the benefit design.
    // Without a known type the flag proves nothing: the strict reading (non-guaranteed) holds.
    guaranteed: d.guaranteed === true && type !== null && isGuaranteedType(type),
    coverTermYears: int(d.coverTermYears),
    premiumModes: modes,
    paymentYearsOptions: years,
    insuredAgeMin: ageMin ?? 0,
    insuredAgeMax: ageMax ?? 0,
    coolingOffDays: int(d.coolingOffDays) ?? 0,
    deathCover: bool(d.deathCover) ?? true,
    lifeOrHealth: bool(d.lifeOrHealth) ?? true,
    coverOverOneYear: bool(d.coverOverOneYear) ?? true,
  };
}

/** The sale's insurance details (`facts.sale.details`), with defaults filled in. */
export interface SaleTerms {
  premiumMode: PremiumMode;
  /** True when the sale did not say and the rule assumed the stricter mode. */
  premiumModeAssumed: boolean;
  /** 1 for a single premium. */
  paymentYears: number;
  paymentYearsAssumed: boolean;
  insuredAge: number;
  insuredIsPolicyholder: boolean;
  insuredIsMinorChildOfPolicyholder: boolean;
  insuredHasLegalCapacity: boolean;
}

/**
 * Reads `facts.sale.details`: `premiumMode`, `paymentYears`, `insuredAge`,
 * `insuredHasLegalCapacity`, `insuredIsMinorChildOfPolicyholder` and optionally
 * `insuredIsPolicyholder`. Missing values: the policyholder insures self
 * (insured age and capacity are the customer's); the premium mode is the only
 * one the product offers, else REGULAR (the stricter: lower age limit, lower
 * income share); the payment period is 1 for a single premium, else the longest
 * the product offers (the stricter for the age + payment years test).
 */
export function saleTerms(facts: SuitabilityFacts, product: ProductTerms): SaleTerms {
  const d = facts.sale.details ?? {};
  const givenMode = isPremiumMode(d.premiumMode) ? d.premiumMode : null;
  const offered = product.premiumModes;
  const premiumMode: PremiumMode = givenMode ?? (offered.length === 1 ? offered[0] : 'REGULAR');
  // Malformed (null) or zero payment years are not a stated period.
  const givenYears = int(d.paymentYears) ?? 0;
  const yearsGiven = givenYears > 0;
  const paymentYears = yearsGiven ? givenYears : premiumMode === 'SINGLE' ? 1 : Math.max(1, ...product.paymentYearsOptions);
  const minorChild = d.insuredIsMinorChildOfPolicyholder === true;
  const insuredIsPolicyholder = bool(d.insuredIsPolicyholder) ?? !minorChild;
  const givenAge = int(d.insuredAge);
  const customerCapable = facts.customer.legalCapacity === 'FULL';
  return {
    premiumMode,
    premiumModeAssumed: givenMode === null && offered.length !== 1,
    paymentYears,
    paymentYearsAssumed: !yearsGiven,
    insuredAge: givenAge ?? facts.customer.age,
    insuredIsPolicyholder,
    insuredIsMinorChildOfPolicyholder: minorChild,
    // A child is presumed to lack full capacity; anyone else defaults to the customer's.
    insuredHasLegalCapacity: bool(d.insuredHasLegalCapacity) ?? (minorChild ? false : customerCapable),
  };
}

/** Whether a minor-child exception is real: the insured must actually be under age. */
export const isMinorChild = (sale: SaleTerms): boolean => sale.insuredIsMinorChildOfPolicyholder && sale.insuredAge < AGE_OF_MAJORITY;
