import { z } from 'zod';
import { text } from '../../i18n/localized.js';
import type { SettingDefinition } from '../../settings/registry.js';
import type { SettingsReader } from '../../settings/reader.js';
import { TIERS, type Tier } from '../customers/derived.js';

/** `core.counter`: how the branch counter treats an identified customer. */
export interface CounterSetting {
  /** Tiers that take the fast lane of the branch queue (贵宾通道). */
  fastLaneTiers: Tier[];
  /** A birthday within this many days is worth a word at the counter. */
  birthdayWithinDays: number;
  /** The assigned manager's queue shows the visit (CUSTOMER_AT_BRANCH) for this many hours. */
  visitNoticeHours: number;
}

export const COUNTER_SETTING = 'core.counter';

export const counterSetting: SettingDefinition<CounterSetting> = {
  key: COUNTER_SETTING,
  description: text(
    '网点客户识别：走贵宾通道的客户等级、提示生日的天数、到店提醒在客户经理待办中保留的小时数',
    "Branch customer identification: tiers that take the fast lane, days ahead a birthday is mentioned, hours a visit stays in the manager's queue",
  ),
  schema: z.object({
    fastLaneTiers: z.array(z.enum(TIERS)).max(TIERS.length),
    birthdayWithinDays: z.number().int().min(0).max(31),
    visitNoticeHours: z.number().int().min(1).max(72),
  }),
  default: { fastLaneTiers: ['DIAMOND', 'PRIVATE_BANKING'], birthdayWithinDays: 7, visitNoticeHours: 4 },
};

export const counterConfig = (settings: SettingsReader): CounterSetting => settings.get<CounterSetting>(COUNTER_SETTING);
