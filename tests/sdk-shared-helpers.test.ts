import { describe, expect, it } from 'vitest';
import { beijingTimeOfDay, beijingYmd, startOfBeijingDay } from '../src/domain/common/beijing-time.js';
import { bankDay, bankDayStart, bankYear, BATCH_ROWS, createRandom, decimalOrNull, insertInBatches, mulberry32, randomOf } from '../src/sdk/index.js';

/** The helpers the SDK gives plugins instead of the copies each line used to carry. */
describe('decimalOrNull', () => {
  it('reads plain decimal text exactly as written, and finite numbers', () => {
    expect(decimalOrNull('1500')?.toFixed()).toBe('1500');
    expect(decimalOrNull('-0.25')?.toFixed()).toBe('-0.25');
    expect(decimalOrNull('865.20')?.toFixed(2)).toBe('865.20');
    expect(decimalOrNull('0')?.isZero()).toBe(true);
    expect(decimalOrNull(12.5)?.toFixed()).toBe('12.5');
  });

  it('answers null for whatever the host never writes as a decimal', () => {
    for (const v of ['', ' ', 'abc', 'n/a', 'NaN', 'Infinity', '-Infinity', ' 1500', '1500 ', '1e3', '0x10', '.5', '5.', '+5', '1_000'])
      expect(decimalOrNull(v), JSON.stringify(v)).toBeNull();
    for (const v of [null, undefined, true, {}, ['1'], Number.NaN, Number.POSITIVE_INFINITY, 1e21]) expect(decimalOrNull(v), String(v)).toBeNull();
  });
});

describe('insertInBatches', () => {
  it('writes consecutive batches of at most the size, in order, and nothing for no rows', async () => {
    const rows = Array.from({ length: 2 * BATCH_ROWS + 1 }, (_, i) => i);
    const seen: number[][] = [];
    await insertInBatches(rows, async (b) => seen.push(b));
    expect(seen.map((b) => b.length)).toEqual([BATCH_ROWS, BATCH_ROWS, 1]);
    expect(seen.flat()).toEqual(rows);
    const sized: number[] = [];
    await insertInBatches(rows.slice(0, 7), async (b) => sized.push(b.length), 3);
    expect(sized).toEqual([3, 3, 1]);
    let calls = 0;
    await insertInBatches([], async () => calls++);
    expect(calls).toBe(0);
    await expect(insertInBatches(rows, async () => {}, 0)).rejects.toThrow(RangeError);
  });
});

describe('randomOf', () => {
  it('is the host helper set over a given stream: the same draws as createRandom on the same seed', () => {
    const a = randomOf(mulberry32(42));
    const b = createRandom(42);
    const draws = (r: typeof a) => [
      r.int(1, 6),
      r.pick(['x', 'y', 'z']),
      r.chance(0.3),
      r.weighted([
        ['p', 1],
        ['q', 3],
      ] as const),
      r.normal(),
      r.next(),
    ];
    expect(draws(a)).toEqual(draws(b));
  });

  it('takes one draw for int, pick and chance, two for normal — as a hand-written seed does', () => {
    const stream = mulberry32(7);
    const same = mulberry32(7);
    const r = randomOf(stream);
    expect(r.int(3, 9)).toBe(3 + Math.floor(same() * 7));
    expect(r.pick(['a', 'b', 'c', 'd'])).toBe(['a', 'b', 'c', 'd'][Math.floor(same() * 4)]);
    expect(r.chance(0.5)).toBe(same() < 0.5);
    expect(r.normal()).toBe(Math.sqrt(-2 * Math.log(1 - same())) * Math.cos(2 * Math.PI * same()));
    expect(stream()).toBe(same());
  });
});

describe("the bank's clock (Beijing, UTC+8)", () => {
  it('turns the day and the year at 16:00 UTC', () => {
    expect(bankDay(new Date('2026-12-31T15:59:59Z'))).toBe('2026-12-31');
    expect(bankDay(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    expect(bankYear(new Date('2026-12-31T15:59:59Z'))).toBe(2026);
    expect(bankYear(new Date('2026-12-31T16:00:00Z'))).toBe(2027);
    expect(beijingYmd(new Date('2026-02-28T16:00:00Z'))).toEqual({ y: 2026, m: 3, d: 1 });
  });

  it('starts a bank day at 00:00 Beijing, and tells the wall-clock time', () => {
    expect(bankDayStart('2026-11-23').toISOString()).toBe('2026-11-22T16:00:00.000Z');
    expect(startOfBeijingDay(new Date('2026-11-23T15:59:00Z')).toISOString()).toBe('2026-11-22T16:00:00.000Z');
    expect(startOfBeijingDay(new Date('2026-11-23T16:00:00Z')).toISOString()).toBe('2026-11-23T16:00:00.000Z');
    expect(beijingTimeOfDay(new Date('2026-11-23T01:05:00Z'))).toBe('09:05');
  });
});
