import { customers } from '../../src/db/schema/index.js';
import type { TestHost } from '../support/test-host.js';

/** The personal data of every seeded customer: what must never appear in metrics or spans. */
export async function personalData(t: TestHost): Promise<{ names: string[]; idNumbers: string[]; phones: string[] }> {
  const rows = await t.host.runtime.database.db.select({ name: customers.name, idNumber: customers.idNumber, phone: customers.phone }).from(customers);
  if (rows.length === 0) throw new Error('no customers seeded');
  return { names: rows.map((r) => r.name), idNumbers: rows.map((r) => r.idNumber), phones: rows.map((r) => r.phone) };
}

/** The personal values (of `personalData`) found in `text`: names as substrings, ID numbers and phones as whole tokens or substrings of text tokens. */
export function personalDataIn(text: string, pd: { names: string[]; idNumbers: string[]; phones: string[] }): string[] {
  const found: string[] = [];
  for (const n of pd.names) if (text.includes(n)) found.push(n);
  // Digits alone could collide with a number in a sample (a byte count); a value is found when it is a token of its own.
  const tokens = new Set(text.split(/[^0-9A-Za-z]+/));
  for (const v of [...pd.idNumbers, ...pd.phones]) if (tokens.has(v) || tokens.has(v.replace(/\D/g, ''))) found.push(v);
  return found;
}

/** Samples of a Prometheus text exposition: `name{labels} value`, labels parsed. */
export function samples(exposition: string): { name: string; labels: Record<string, string>; value: number }[] {
  const out: { name: string; labels: Record<string, string>; value: number }[] = [];
  for (const line of exposition.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!m) continue;
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]!] = l[2]!;
    out.push({ name: m[1]!, labels, value: Number(m[3]) });
  }
  return out;
}

/** The value of the one sample of `name` whose labels include `labels` (0 when none). */
export function valueOf(exposition: string, name: string, labels: Record<string, string> = {}): number {
  const matching = samples(exposition).filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  if (matching.length > 1) throw new Error(`${matching.length} samples of ${name} match ${JSON.stringify(labels)}`);
  return matching[0]?.value ?? 0;
}

export const metricsUrl = (t: TestHost): string => t.url.replace(/\/graphql$/, '/metrics');
