import { text, type SuitabilityRule } from '../../../src/sdk/index.js';
import { INSURANCE_LINE } from '../domain.js';
import { productTerms, saleTerms } from './read-facts.js';
import { REGULATIONS } from './wording.js';

/** The insured must be within the product's insurable ages; a product without terms on file is not sold. */
export const insuredAgeBand: SuitabilityRule = {
  id: 'insurance.insured-age-band',
  version: '1.0.0',
  lines: [INSURANCE_LINE],
  regulation: REGULATIONS.productTerms,
  description: text('被保险人年龄须在产品投保年龄范围内', "The insured's age must be within the product's insurable ages"),
  reasons: {
    INSURED_AGE_OUT_OF_BAND: {
      outcome: 'BLOCK',
      message: text(
        '被保险人 {age} 岁，不在本产品投保年龄 {min}–{max} 岁范围内',
        'The insured is {age}, outside the insurable ages {min}–{max} of this product',
      ),
    },
    PRODUCT_TERMS_MISSING: {
      outcome: 'BLOCK',
      message: text('本产品的保险条款信息缺失，暂停销售', "This product's policy terms are not on file; the sale is blocked"),
    },
  },
  evaluate(facts) {
    if (facts.sale.side !== 'BUY') return [];
    const product = productTerms(facts);
    if (!product.complete) return [{ code: 'PRODUCT_TERMS_MISSING', saw: { details: facts.product.details ?? null } }];
    const { insuredAge } = saleTerms(facts, product);
    if (insuredAge >= product.insuredAgeMin && insuredAge <= product.insuredAgeMax) return [];
    return [
      {
        code: 'INSURED_AGE_OUT_OF_BAND',
        params: { age: insuredAge, min: product.insuredAgeMin, max: product.insuredAgeMax },
        saw: { insuredAge, insuredAgeMin: product.insuredAgeMin, insuredAgeMax: product.insuredAgeMax },
      },
    ];
  },
};
