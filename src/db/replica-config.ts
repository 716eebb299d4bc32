/**
 * `DATABASE_REPLICA_URLS`: the streaming replicas (hot standbys) of the primary at `DATABASE_URL` that may
 * serve the reads of query requests (src/db/replicas.ts).
 *
 * Entries separated by commas, each a PostgreSQL URL, optionally named:
 *
 * ```
 * [<name>=]postgres://<user>[:<password>]@<host>:<port>/<database>
 * DATABASE_REPLICA_URLS=pg-b=postgres://finmart@10.0.0.12:5432/finmart,pg-c=postgres://finmart@10.0.0.13:5432/finmart
 * ```
 *
 * The name labels the replica in metrics (`node`), in `/readyz` and in the log; unnamed entries are
 * `replica-1`, `replica-2`… in order. A URL carries credentials, so it never appears in a label, a
 * readiness answer, a log line or a configuration error — only the name or the entry's position does.
 */

/** One replica as configured. */
export interface ReplicaConfig {
  /** Label of the node in metrics, `/readyz` and logs (`[a-z][a-z0-9_-]*`, at most 32 characters). */
  name: string;
  url: string;
}

const NAME = /^[a-z][a-z0-9_-]{0,31}$/;
const URL_SCHEME = /^postgres(ql)?:\/\//;
/** Reserved: the primary's label. */
const PRIMARY = 'primary';

/**
 * Parses `DATABASE_REPLICA_URLS`. Returns the replicas and the problems found (each naming the entry by
 * position or name, never by its URL); the caller turns problems into a configuration error. An empty or
 * unset value is no replica.
 */
export function parseReplicaUrls(value: string | undefined): { replicas: ReplicaConfig[]; problems: string[] } {
  const replicas: ReplicaConfig[] = [];
  const problems: string[] = [];
  if (value === undefined || value.trim() === '') return { replicas, problems };
  const entries = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  entries.forEach((entry, i) => {
    const where = `DATABASE_REPLICA_URLS entry ${i + 1}`;
    // `name=` only when what precedes the first `=` is not itself the start of a URL.
    const eq = entry.indexOf('=');
    const named = eq > 0 && !URL_SCHEME.test(entry) ? { name: entry.slice(0, eq), url: entry.slice(eq + 1) } : { name: undefined, url: entry };
    if (named.name !== undefined && (!NAME.test(named.name) || named.name === PRIMARY)) {
      problems.push(`${where}: the name must match [a-z][a-z0-9_-]* (at most 32 characters) and not be "${PRIMARY}"`);
      return;
    }
    if (!URL_SCHEME.test(named.url)) {
      problems.push(`${where}${named.name ? ` (${named.name})` : ''}: must be a postgres:// URL`);
      return;
    }
    try {
      new URL(named.url);
    } catch {
      problems.push(`${where}${named.name ? ` (${named.name})` : ''}: not a valid URL`);
      return;
    }
    const name = named.name ?? `replica-${i + 1}`;
    if (replicas.some((r) => r.name === name)) {
      problems.push(`${where}: the name ${name} is used twice`);
      return;
    }
    replicas.push({ name, url: named.url });
  });
  return { replicas, problems };
}
