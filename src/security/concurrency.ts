/**
 * Requests in flight per caller on this instance. What one caller can take
 * from the others is the event loop and the database pool of this process, so
 * the count is per instance on purpose (no shared store): beyond the limit a
 * request is refused at once, before any parsing or database work.
 */
export interface ConcurrencyLimiter {
  readonly limit: number;
  /** A release function when the caller is under its limit (call it once the response is done); undefined otherwise. */
  tryAcquire(key: string): (() => void) | undefined;
  /** Requests in flight for `key` (for tests and metrics). */
  inFlight(key: string): number;
}

export function createConcurrencyLimiter(limit: number): ConcurrencyLimiter {
  const counts = new Map<string, number>();
  return {
    limit,
    tryAcquire(key) {
      const n = counts.get(key) ?? 0;
      if (n >= limit) return undefined;
      counts.set(key, n + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (counts.get(key) ?? 1) - 1;
        if (left <= 0) counts.delete(key);
        else counts.set(key, left);
      };
    },
    inFlight: (key) => counts.get(key) ?? 0,
  };
}
