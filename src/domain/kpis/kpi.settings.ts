import { z } from 'zod';
import { text } from '../../i18n/localized.js';
import type { SettingDefinition } from '../../settings/registry.js';
import { TIERS, type Tier } from '../customers/derived.js';
import type { SettingsReader } from '../../settings/reader.js';

export const KPI_SETTING = 'core.kpis';

export interface KpiSettings {
  /** Customers of this tier and above are "high-value" in the KPIs. */
  highValueFromTier: Tier;
}

export const kpiSettings: SettingDefinition[] = [
  {
    key: KPI_SETTING,
    description: text('考核指标：计为高价值客户的最低客户等级', 'KPIs: the lowest tier counted as a high-value customer'),
    schema: z.object({ highValueFromTier: z.enum(TIERS) }),
    // 钻石及以上: the tiers the bank serves with senior managers (core.minimumManagerGradeByTier).
    default: { highValueFromTier: 'DIAMOND' },
  },
];

/** The high-value tiers (core.kpis.highValueFromTier and above). */
export function highValueTiers(settings: SettingsReader): Tier[] {
  const from = settings.get<KpiSettings>(KPI_SETTING).highValueFromTier;
  return TIERS.slice(TIERS.indexOf(from));
}
