/**
 * `compute`, remembered per string argument, for at most `max` distinct
 * strings (then forgotten all at once and relearned: the working set of a
 * rule run — product dates, minimums, the evaluation instant — is small).
 * Rules parse the same few strings for every product of every customer:
 * parse each once. `compute` must be pure and its answer immutable (a number,
 * a Decimal, a frozen object).
 */
export function perString<V>(compute: (value: string) => V, max = 10_000): (value: string) => V {
  const memo = new Map<string, V>();
  return (value: string) => {
    let v = memo.get(value);
    if (v === undefined && !memo.has(value)) {
      v = compute(value);
      if (memo.size >= max) memo.clear();
      memo.set(value, v);
    }
    return v as V;
  };
}

/**
 * `compute` over any value, remembered for string values only (see
 * {@link perString}); other values — numbers, null — are computed each time.
 * For readers of JSON details, where a value is usually a string.
 */
export function perStringValue<V>(compute: (value: unknown) => V, max = 10_000): (value: unknown) => V {
  const strings = perString(compute as (value: string) => V, max);
  return (value: unknown) => (typeof value === 'string' ? strings(value) : compute(value));
}
