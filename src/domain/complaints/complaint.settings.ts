import { z } from 'zod';
import { text } from '../../i18n/localized.js';
import type { SettingDefinition } from '../../settings/registry.js';

export const SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const RESPONSE_HOURS_KEY = 'core.complaintResponseHours';

/**
 * Default response targets. 银行业保险业消费投诉处理管理办法 gives 15 days to
 * decide and tell the complainant; the bank answers graver complaints faster.
 */
export const DEFAULT_RESPONSE_HOURS: Readonly<Record<Severity, number>> = { LOW: 360, MEDIUM: 168, HIGH: 72, CRITICAL: 24 };

const hours = z
  .number()
  .int()
  .min(1)
  .max(24 * 90);

/** Complaint-handling settings of the core. */
export const complaintSettings: SettingDefinition[] = [
  {
    key: RESPONSE_HOURS_KEY,
    description: text(
      '投诉答复时限（小时，按严重程度）：登记时间加时限即答复期限，在登记时确定',
      'Complaint response target in hours per severity: respondBy = filing time + target, fixed when the complaint is filed',
    ),
    schema: z.object({ LOW: hours, MEDIUM: hours, HIGH: hours, CRITICAL: hours }),
    default: { ...DEFAULT_RESPONSE_HOURS },
  },
];

/** The deadline of a complaint filed at `recordedAt` with `severity`, under the targets given. */
export function respondByOf(recordedAt: Date, severity: Severity, targets: Readonly<Record<Severity, number>>): Date {
  return new Date(recordedAt.getTime() + targets[severity] * 3_600_000);
}
