import { z } from 'zod';
import { text } from '../../i18n/localized.js';
import type { SettingDefinition } from '../../settings/registry.js';
import type { SettingsReader } from '../../settings/reader.js';

/**
 * The actions maker-checker can hold for a second person. Each names one mutation (ASSIGNMENT_OVERRIDE:
 * assignManager below the grade the tier needs; PLACE_ORDER: placeOrder at or above orderAmountFromCny;
 * PLACE_BUNDLE_ORDER: placeBundleOrder whose items come to orderAmountFromCny or more).
 */
export const APPROVAL_ACTIONS = [
  'CHANGE_SETTING',
  'CREATE_BUNDLE',
  'UPDATE_BUNDLE',
  'RETIRE_BUNDLE',
  'CHANGE_MANAGER_GRADE',
  'ASSIGNMENT_OVERRIDE',
  'ADJUST_POINTS',
  'PLACE_ORDER',
  'PLACE_BUNDLE_ORDER',
] as const;
export type ApprovalAction = (typeof APPROVAL_ACTIONS)[number];

/** `core.makerChecker`: which actions take effect only once a second person approves them. */
export interface MakerCheckerSetting {
  actions: ApprovalAction[];
  /** PLACE_ORDER holds orders of at least this amount in CNY (at the reference rate); PLACE_BUNDLE_ORDER, bundle orders whose items sum to it. */
  orderAmountFromCny: string;
}

export const MAKER_CHECKER_SETTING = 'core.makerChecker';

export const makerCheckerSetting: SettingDefinition<MakerCheckerSetting> = {
  key: MAKER_CHECKER_SETTING,
  description: text(
    '双人复核（经办—复核）：须经第二人批准方可生效的操作，以及须复核的订单金额下限（元）',
    'Maker-checker: the actions that take effect only once a second person approves them, and the order amount (CNY) from which an order needs approval',
  ),
  schema: z.object({
    actions: z.array(z.enum(APPROVAL_ACTIONS)).max(APPROVAL_ACTIONS.length),
    orderAmountFromCny: z.string().regex(/^\d{1,14}(\.\d{1,2})?$/),
  }),
  // Off until the bank lists its actions (the demo bank lists them all): switching it on is itself a setting
  // change, previewed and — once CHANGE_SETTING is listed — approved by a second person.
  default: { actions: [], orderAmountFromCny: '1000000' },
};

export const makerCheckerConfig = (settings: SettingsReader): MakerCheckerSetting => settings.get<MakerCheckerSetting>(MAKER_CHECKER_SETTING);
