/** One GraphQL request as the bench sends it. */
export interface BenchRequest {
  query: string;
  variables: Record<string, unknown>;
  /** Key of the canonical response this one must equal. */
  key: string;
}

/** What one response cost. */
export interface Sample {
  ms: number;
  bytes: number;
  statements: number;
  ok: boolean;
  data: unknown;
  key: string;
}

/** Sends one request with the node global fetch (undici, keep-alive). */
export async function send(url: string, token: string, r: BenchRequest): Promise<Sample> {
  const started = performance.now();
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}`, 'accept-language': 'en' },
    body: JSON.stringify({ query: r.query, variables: r.variables }),
  });
  const buf = Buffer.from(await res.arrayBuffer());
  const ms = performance.now() - started;
  let data: unknown = null;
  let ok = res.status === 200;
  try {
    const body = JSON.parse(buf.toString('utf8')) as { data?: unknown; errors?: unknown[] };
    data = body.data ?? null;
    if (body.errors?.length) {
      ok = false;
      // A failed answer says why (the bench stops on it).
      data = { errors: body.errors };
    }
  } catch {
    ok = false;
  }
  return { ms, bytes: buf.length, statements: Number(res.headers.get('x-sql-statements') ?? NaN), ok, data, key: r.key };
}

/** One batch: `count` requests (stopping early after `maxMs`) at a fixed concurrency. */
export async function runBatch(
  url: string,
  token: string,
  requests: BenchRequest[],
  opts: { count: number; concurrency: number; maxMs: number },
): Promise<{ samples: Sample[]; elapsedMs: number }> {
  const samples: Sample[] = [];
  let next = 0;
  const started = performance.now();
  const deadline = started + opts.maxMs;
  const worker = async () => {
    while (next < opts.count && performance.now() < deadline) {
      const r = requests[next++ % requests.length];
      samples.push(await send(url, token, r));
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  return { samples, elapsedMs: performance.now() - started };
}
