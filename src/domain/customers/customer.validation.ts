import { Decimal } from 'decimal.js';
import { badInput } from '../../graphql/errors.js';
import { text } from '../../i18n/localized.js';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CHECK = '10X98765432';

/**
 * The ISO 7064 MOD 11-2 check character of a PRC resident ID number
 * (GB 11643-1999).
 *
 * @param first17 the first 17 digits
 */
export function residentIdCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('need exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

/** PRC resident ID: 18 characters, valid birth date, ISO 7064 MOD 11-2 check digit. */
export function isValidResidentId(id: string, birthDate?: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  if (residentIdCheckDigit(id.slice(0, 17)) !== id[17]) return false;
  const born = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  return !birthDate || born === birthDate;
}

/** Throws BAD_USER_INPUT naming the field when a value does not fit. */
export function checkText(value: string, field: string, max: number): string {
  const v = value.trim();
  if (v.length === 0 || v.length > max) throw badInput(text(`${field} 长度须为 1 到 ${max}`, `${field} must be 1 to ${max} characters`), field);
  return v;
}

export function checkPhone(phone: string): string {
  if (!/^1[3-9]\d{9}$/.test(phone) && !/^\+\d{7,15}$/.test(phone)) {
    throw badInput(text('手机号码格式不正确', 'phone is not a valid mobile number'), 'phone');
  }
  return phone;
}

export function checkAmount(value: string, field: string): string {
  const d = new Decimal(value);
  if (d.isNegative() || d.gt('1e15')) throw badInput(text(`${field} 必须为非负金额`, `${field} must be a non-negative amount`), field);
  return d.toFixed();
}

export function checkBirthDate(value: string, now: Date): string {
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value || d > now || d.getUTCFullYear() < 1900) {
    throw badInput(text('出生日期无效', 'birthDate is not a valid past date'), 'birthDate');
  }
  return value;
}
