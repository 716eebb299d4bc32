import { text, type LocalizedText } from '../../../i18n/localized.js';
import type { ProductFacts, SaleChannel } from '../../../sdk/contract/suitability.js';

/** Product status names for messages. */
export const STATUS_LABELS: Record<ProductFacts['status'], LocalizedText> = {
  DRAFT: text('草稿', 'a draft'),
  ON_SALE: text('在售', 'on sale'),
  SUSPENDED: text('暂停销售', 'suspended'),
  CLOSED: text('已关闭', 'closed'),
};

/** Sale channel names for messages. */
export const CHANNEL_LABELS: Record<SaleChannel, LocalizedText> = {
  COUNTER: text('网点柜台', 'branch counter'),
  WEALTH_CENTER: text('财富中心（理财室）', 'wealth centre'),
  ONLINE: text('网上银行', 'online banking'),
  MOBILE: text('手机银行', 'mobile banking'),
};

/** Product regimes for messages. */
export const REGIME_LABELS: Record<ProductFacts['regime'], LocalizedText> = {
  WEALTH: text('银行理财产品', 'bank wealth product'),
  SECURITIES: text('基金/证券类产品', 'fund or securities product'),
  OTHER: text('产品', 'product'),
};

/**
 * Message params for a label, one per language (`{xZh}` in the zh-CN template,
 * `{xEn}` in the en one), since the engine fills both templates from one params map.
 * Unknown keys fall back to the raw code so a new enum value never breaks a message.
 */
export function labelParams(name: string, labels: Record<string, LocalizedText>, key: string): Record<string, string> {
  const label = labels[key];
  return { [`${name}Zh`]: label?.['zh-CN'] ?? key, [`${name}En`]: label?.en ?? key };
}
