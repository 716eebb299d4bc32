const DAY_MS = 86_400_000;
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/**
 * A PRC resident ID (18 characters) for a `YYYY-MM-DD` birth date: region 110105,
 * the birth date, a 3-digit sequence and the ISO 7064 MOD 11-2 check character,
 * as `createCustomer` validates it.
 */
export function residentId(birthDate: string, sequence: number): string {
  const body = `110105${birthDate.replaceAll('-', '')}${String(sequence % 1000).padStart(3, '0')}`;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(body[i]), 0);
  return body + ID_CHECK[sum % 11];
}

/** Today's calendar date in China (UTC+8), where the bank counts ages. */
function chinaToday(now = Date.now()): { y: number; m: number; d: number } {
  const local = new Date(now + 8 * 3_600_000);
  return { y: local.getUTCFullYear(), m: local.getUTCMonth() + 1, d: local.getUTCDate() };
}

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The birth date of someone who turns `years` today (China date), or — with
 * `daysLater` 1 — tomorrow, so is still `years - 1` today. A 29 February
 * birthday that does not exist `years` back becomes 28 February (already that age).
 */
export function birthDateTurning(years: number, daysLater = 0): string {
  const { y, m, d } = chinaToday();
  let base = Date.UTC(y - years, m - 1, d);
  if (new Date(base).getUTCMonth() !== m - 1) base = Date.UTC(y - years, m - 1, d - 1);
  return isoDate(base + daysLater * DAY_MS);
}

/** An ISO instant `days` whole days (plus `extraMs`) before the real clock. */
export const daysAgo = (days: number, extraMs = 0): string => new Date(Date.now() - days * DAY_MS - extraMs).toISOString();
