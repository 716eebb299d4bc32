import autocannon from 'autocannon';

/** Throughput and latency of one target on one query over one timed run. */
export interface Measured {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** Connection errors, timeouts and non-2xx answers (must be 0). */
  failures: number;
}

/**
 * Drives `url` for `seconds` at `connections` concurrent keep-alive
 * connections with autocannon (a load generator that costs little CPU, which
 * matters on a machine whose cores the server and PostgreSQL share), cycling
 * through `bodies`.
 */
export function measure(url: string, token: string | null, bodies: string[], seconds: number, connections: number): Promise<Measured> {
  let next = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        connections,
        duration: seconds,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'accept-language': 'en',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        requests: [
          {
            setupRequest: (req) => {
              req.body = bodies[next++ % bodies.length];
              return req;
            },
          },
        ],
      },
      (err, r) => {
        if (err) return reject(err);
        resolve({
          rps: r.requests.average,
          p50: r.latency.p50,
          p99: r.latency.p99,
          requests: r.requests.total,
          failures: r.errors + r.timeouts + r.non2xx,
        });
      },
    );
  });
}
