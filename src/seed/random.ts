/**
 * A small seeded pseudo-random generator for demo data. Nothing here touches
 * `Math.random` or the clock, so a given seed always yields the same sequence —
 * that is what makes two seed runs produce byte-identical banks.
 */

const TWO_POW_32 = 0x1_0000_0000;

/**
 * mulberry32: a 32-bit state generator, fast and good enough for demo data
 * (not for anything security-related).
 *
 * @param seed any integer; only its low 32 bits are used
 * @returns a function yielding floats in [0, 1) with 32 bits of resolution
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / TWO_POW_32;
  };
}

/** A `[value, weight]` pair for {@link Random.weighted}. */
export type Weighted<T> = readonly [value: T, weight: number];

/** Seeded random helpers; create one with {@link createRandom}. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** A uniformly chosen element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** A value chosen with probability proportional to its weight (weights ≥ 0, not all 0). */
  weighted<T>(entries: readonly Weighted<T>[]): T;
  /** `true` with probability `p`. */
  chance(p: number): boolean;
  /**
   * A uniformly distributed decimal in [min, max] with exactly `scale`
   * fraction digits, as a string (for `numeric` columns).
   */
  decimal(min: number, max: number, scale: number): string;
  /** A normally distributed float (Box–Muller). */
  normal(mean?: number, sd?: number): number;
  /** A log-normally distributed float with the given median and log-space sigma. */
  logNormal(median: number, sigma: number): number;
  /** A new array with the items in random order. */
  shuffle<T>(items: readonly T[]): T[];
  /** An independent generator derived from this one, so sub-streams don't disturb each other. */
  fork(): Random;
}

/**
 * Creates the seeded helper set.
 *
 * @param seed any integer; the same seed always gives the same sequence
 */
export function createRandom(seed: number): Random {
  return randomOf(mulberry32(seed));
}

/**
 * The helper set over an existing stream of floats in [0, 1): a plugin's seed
 * is handed its own stream (`SeedContext.random`) and draws from it through
 * these. `int` (over at most 2^32 values), `pick`, `chance` and `weighted` take
 * one draw each, `normal` two, in the textbook way — the same draws a seed
 * written by hand would take, so moving one onto these keeps its data.
 */
export function randomOf(next: () => number): Random {
  // Ranges wider than 2^32 need more than one draw or most values are unreachable.
  const unit53 = (): number => {
    const hi = Math.floor(next() * 0x20_0000); // 21 bits
    const lo = Math.floor(next() * TWO_POW_32); // 32 bits
    return (hi * TWO_POW_32 + lo) / 2 ** 53;
  };

  const int = (min: number, max: number): number => {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new RangeError(`int(${min}, ${max}): need integers with min ≤ max`);
    }
    const span = max - min + 1;
    const u = span > TWO_POW_32 ? unit53() : next();
    return min + Math.floor(u * span);
  };

  const random: Random = {
    next,
    int,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('pick() from an empty array');
      return items[int(0, items.length - 1)] as T;
    },
    weighted<T>(entries: readonly Weighted<T>[]): T {
      let total = 0;
      for (const [, w] of entries) {
        if (!(w >= 0)) throw new RangeError('weighted(): weights must be ≥ 0');
        total += w;
      }
      if (total <= 0) throw new RangeError('weighted(): no positive weight');
      let r = next() * total;
      for (const [value, w] of entries) {
        if (r < w) return value;
        r -= w;
      }
      // Float rounding can leave r a hair above the last weight.
      for (let i = entries.length - 1; i >= 0; i--) {
        const entry = entries[i]!;
        if (entry[1] > 0) return entry[0];
      }
      throw new RangeError('weighted(): unreachable');
    },
    chance(p: number): boolean {
      return next() < p;
    },
    decimal(min: number, max: number, scale: number): string {
      if (!Number.isInteger(scale) || scale < 0 || scale > 8) {
        throw new RangeError('decimal(): scale must be an integer in 0..8');
      }
      // Draw in integer minor units so the string is exact, not a float's approximation.
      const factor = 10 ** scale;
      const units = int(Math.ceil(min * factor), Math.floor(max * factor));
      return formatUnits(units, scale);
    },
    normal(mean = 0, sd = 1): number {
      const u1 = 1 - next(); // (0, 1], keeps log() finite
      const u2 = next();
      return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    },
    logNormal(median: number, sigma: number): number {
      return median * Math.exp(random.normal(0, sigma));
    },
    shuffle<T>(items: readonly T[]): T[] {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(0, i);
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
    fork(): Random {
      return createRandom(Math.floor(next() * TWO_POW_32));
    },
  };
  return random;
}

/**
 * Formats an integer count of minor units as a fixed-scale decimal string,
 * e.g. `formatUnits(-1234, 2)` → `"-12.34"`.
 */
export function formatUnits(units: number, scale: number): string {
  const negative = units < 0;
  const digits = Math.abs(units)
    .toString()
    .padStart(scale + 1, '0');
  const whole = scale === 0 ? digits : digits.slice(0, -scale);
  const frac = scale === 0 ? '' : `.${digits.slice(-scale)}`;
  return `${negative ? '-' : ''}${whole}${frac}`;
}
