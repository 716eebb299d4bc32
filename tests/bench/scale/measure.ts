import { runBatch, type BenchRequest } from '../load.js';
import { median, percentile } from '../stats.js';

/** Medians over rounds of one query at one concurrency. */
export interface Latency {
  query: string;
  concurrency: number;
  p50: number;
  p99: number;
  rps: number;
  statements: number;
  /** Median response bytes. */
  bytes: number;
  requests: number;
  failures: number;
}

export interface MeasureOptions {
  rounds: number;
  /** Requests per batch, by concurrency. */
  perBatch: (concurrency: number) => number;
  maxMs: number;
}

/**
 * Latency of each query at each concurrency: a warm-up batch, then `rounds`
 * interleaved rounds (query × concurrency order rotates), medians across
 * rounds of each round's p50 and p99.
 */
export async function measureLatency(
  url: string,
  token: string,
  queries: { name: string; requests: BenchRequest[] }[],
  concurrencies: number[],
  opts: MeasureOptions,
  progress: (m: string) => void,
): Promise<Latency[]> {
  const cells = queries.flatMap((q) => concurrencies.map((c) => ({ q, c })));
  for (const { q, c } of cells) await runBatch(url, token, q.requests, { count: Math.max(4, c), concurrency: c, maxMs: 2000 });
  const acc = new Map<string, { p50: number[]; p99: number[]; rps: number[]; statements: number[]; bytes: number[]; requests: number; failures: number }>();
  for (let round = 0; round < opts.rounds; round++) {
    for (let i = 0; i < cells.length; i++) {
      const { q, c } = cells[(i + round) % cells.length];
      const { samples, elapsedMs } = await runBatch(url, token, q.requests, { count: opts.perBatch(c), concurrency: c, maxMs: opts.maxMs });
      const key = `${q.name}|${c}`;
      const a = acc.get(key) ?? { p50: [], p99: [], rps: [], statements: [], bytes: [], requests: 0, failures: 0 };
      const ms = samples.map((s) => s.ms);
      a.p50.push(percentile(ms, 50));
      a.p99.push(percentile(ms, 99));
      a.rps.push(samples.length / (elapsedMs / 1000));
      a.statements.push(median(samples.map((s) => s.statements)));
      a.bytes.push(median(samples.map((s) => s.bytes)));
      a.requests += samples.length;
      a.failures += samples.filter((s) => !s.ok).length;
      acc.set(key, a);
    }
    progress(`round ${round + 1}/${opts.rounds}`);
  }
  return cells.map(({ q, c }) => {
    const a = acc.get(`${q.name}|${c}`)!;
    return {
      query: q.name,
      concurrency: c,
      p50: median(a.p50),
      p99: median(a.p99),
      rps: median(a.rps),
      statements: median(a.statements),
      bytes: median(a.bytes),
      requests: a.requests,
      failures: a.failures,
    };
  });
}
