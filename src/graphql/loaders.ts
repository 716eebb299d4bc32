import DataLoader from 'dataloader';

/** Options of {@link createLoaderRegistry}. */
export interface LoaderRegistryOptions {
  /**
   * `false` disables batching and caching: each `load` costs its own statement.
   * Only the benchmark's naive baseline uses it (what a schema without DataLoaders costs).
   */
  batch?: boolean;
}

/** Creates the `loader(name, batch)` function of one request context. */
export function createLoaderRegistry(
  opts: LoaderRegistryOptions = {},
): <K, V>(name: string, batch: (keys: readonly K[]) => Promise<(V | Error)[]>) => DataLoader<K, V> {
  const naive = opts.batch === false;
  const loaders = new Map<string, DataLoader<unknown, unknown>>();
  return <K, V>(name: string, batch: (keys: readonly K[]) => Promise<(V | Error)[]>) => {
    let loader = loaders.get(name) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = naive ? new DataLoader<K, V>(batch, { batch: false, cache: false }) : new DataLoader<K, V>(batch, { maxBatchSize: 1000 });
      loaders.set(name, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  };
}

/** Orders batch results to match keys; missing keys get `null`. */
export function byKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const map = new Map<K, V>();
  for (const row of rows) map.set(keyOf(row), row);
  return keys.map((k) => map.get(k) ?? null);
}

/** Groups batch results per key; missing keys get `[]`. */
export function groupByKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const map = new Map<K, V[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return keys.map((k) => map.get(k) ?? []);
}
