/** Small helpers over the seed's PRNG (`SeedContext.random`), so the demo stays deterministic. */
export interface Rng {
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** `true` with probability `p`. */
  chance(p: number): boolean;
  /** A uniformly chosen element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** A value chosen with probability proportional to its weight (entries with weight 0 never). */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** `n` distinct elements, in random order. */
  sample<T>(items: readonly T[], n: number): T[];
  /** The underlying float in [0, 1). */
  next(): number;
}

/** Wraps a `() => number` PRNG in [0, 1). */
export function rngOf(random: () => number): Rng {
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  return {
    int,
    next: random,
    chance: (p) => random() < p,
    pick: (items) => items[int(0, items.length - 1)]!,
    weighted(entries) {
      const total = entries.reduce((s, [, w]) => s + w, 0);
      let r = random() * total;
      for (const [value, w] of entries) {
        if (w > 0 && r < w) return value;
        r -= w;
      }
      return entries.filter(([, w]) => w > 0).at(-1)![0];
    },
    sample(items, n) {
      const pool = items.slice();
      for (let i = pool.length - 1; i > 0; i--) {
        const j = int(0, i);
        [pool[i], pool[j]] = [pool[j]!, pool[i]!];
      }
      return pool.slice(0, Math.min(n, pool.length));
    },
  };
}
