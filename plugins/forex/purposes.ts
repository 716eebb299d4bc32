import { perObject, text, type LocalizedText } from '../../src/sdk/index.js';

/** Names of the purposes on the SAFE individual purchase declaration (codes are settings). */
export const PURPOSE_NAMES: Record<string, LocalizedText> = {
  TRAVEL: text('因私旅游', 'Private travel'),
  STUDY_ABROAD: text('境外留学', 'Study abroad'),
  BUSINESS_TRAVEL: text('公务及商务出国', 'Business travel'),
  VISITING_RELATIVES: text('探亲', 'Visiting relatives'),
  MEDICAL: text('境外就医', 'Medical treatment abroad'),
  FAMILY_SUPPORT: text('直系亲属赡养', 'Supporting family abroad'),
  GOODS_TRADE: text('货物贸易', 'Trade in goods'),
  NON_INVESTMENT_INSURANCE: text('非投资类保险', 'Non-investment insurance'),
  CONSULTING: text('咨询服务', 'Consulting services'),
  OVERSEAS_PROPERTY: text('境外购房', 'Overseas property'),
  SECURITIES_INVESTMENT: text('境外证券投资', 'Securities investment abroad'),
  LIFE_INSURANCE: text('购买人寿保险', 'Life insurance'),
  INVESTMENT_RETURN_INSURANCE: text('投资性返还分红类保险', 'Investment-return (participating) insurance'),
};

/** A purpose list in both languages, e.g. `TRAVEL（因私旅游）、…` — built once per list (a setting's value). */
export const describePurposes: (codes: readonly string[]) => LocalizedText = perObject((codes: readonly string[]) =>
  text(codes.map((c) => `${c}（${PURPOSE_NAMES[c]?.['zh-CN'] ?? c}）`).join('、'), codes.map((c) => `${c} (${PURPOSE_NAMES[c]?.en ?? c})`).join(', ')),
);
