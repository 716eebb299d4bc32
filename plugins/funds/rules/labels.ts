import { text, type LocalizedText } from '../../../src/sdk/index.js';
import type { AssetClassCode } from '../domain.js';

/** Asset class names for messages. */
export const ASSET_CLASS_LABELS: Record<AssetClassCode, LocalizedText> = {
  FIXED_INCOME: text('固定收益类', 'fixed income'),
  MIXED: text('混合类', 'mixed'),
  EQUITY: text('权益类', 'equity'),
  COMMODITY_DERIVATIVES: text('商品及金融衍生品类', 'commodities and derivatives'),
};

/**
 * Message params for a label, one per language (`{xZh}` in the zh-CN message,
 * `{xEn}` in the en one): the engine fills both messages from one params map.
 */
export function labelParams(name: string, label: LocalizedText): Record<string, string> {
  return { [`${name}Zh`]: label['zh-CN'], [`${name}En`]: label.en };
}
