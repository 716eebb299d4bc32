/**
 * Seeded randomness for a plugin's demo data — the host's own generator.
 *
 * Why the SDK exports it: a seed must be deterministic (only `SeedContext.random`
 * and `ctx.now`), and each line had written its own `int` / `pick` / `weighted` /
 * Box–Muller helpers over that stream (cards a whole `Rng`, forex and gold a
 * `helpers()` each). `randomOf(ctx.random)` gives a seed the host's helper set
 * over its stream; `createRandom(seed)` one over a fresh mulberry32 stream, for
 * tests that plan data without a seed context.
 */
export { createRandom, mulberry32, randomOf, type Random, type Weighted } from '../seed/random.js';
