/**
 * One GraphQL call to a remote line, bounded in time. Whatever goes wrong comes back as a
 * {@link RemoteCallError} with a kind (never the partner's own message, which could quote data), so the
 * caller can fail closed and log the kind.
 */

/** Why a call to a remote line gave nothing usable. */
export type RemoteProblem =
  /** No answer within the timeout. */
  | 'timeout'
  /** Connection refused or reset, DNS, TLS: the partner could not be reached. */
  | 'network'
  /** An HTTP status other than 200 (401: the partner refused the forwarded token). */
  | 'status'
  /** Not JSON, or JSON of the wrong shape. */
  | 'malformed'
  /** The answer carried GraphQL `errors`. */
  | 'graphql-errors'
  /** The partner's contract asks for facts the host does not disclose, or is otherwise unusable. */
  | 'contract'
  /** A verdict with an outcome that is not ALLOW, WARN, REQUIRE or BLOCK. */
  | 'outcome'
  /** A reason code not prefixed with the line (`INSURANCE_…`), or not in the partner's contract. */
  | 'code'
  /** The batch answered without this request's key. */
  | 'missing';

/** A failed call: the kind, and the HTTP status when there was one. */
export class RemoteCallError extends Error {
  constructor(
    readonly problem: RemoteProblem,
    readonly status?: number,
  ) {
    super(`remote line call failed: ${problem}${status ? ` (HTTP ${status})` : ''}`);
    this.name = 'RemoteCallError';
  }
}

/** Headers the host adds to a call (the caller's bearer token, the request id, the language). */
export interface CallHeaders {
  authorization?: string;
  requestId?: string;
  lang?: string;
}

/** The largest answer the host reads from a partner (a batch of verdicts is far smaller). */
const MAX_ANSWER_BYTES = 2 * 1024 * 1024;

/**
 * POSTs `{ query, variables }` to `url` and returns `data`. Throws {@link RemoteCallError} on timeout, network
 * failure, a status other than 200, an answer that is not a JSON object with `data`, or GraphQL `errors`.
 */
export async function postGraphQL(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  timeoutMs: number,
  headers: CallHeaders = {},
): Promise<unknown> {
  const signal = AbortSignal.timeout(timeoutMs);
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(headers.authorization ? { authorization: headers.authorization } : {}),
        ...(headers.requestId ? { 'x-request-id': headers.requestId } : {}),
        ...(headers.lang ? { 'accept-language': headers.lang } : {}),
      },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (e) {
    throw new RemoteCallError(signal.aborted || (e as Error).name === 'TimeoutError' ? 'timeout' : 'network');
  }
  let raw: string;
  try {
    raw = await res.text();
  } catch {
    throw new RemoteCallError(signal.aborted ? 'timeout' : 'network');
  }
  if (res.status !== 200) throw new RemoteCallError('status', res.status);
  if (raw.length > MAX_ANSWER_BYTES) throw new RemoteCallError('malformed');
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new RemoteCallError('malformed');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new RemoteCallError('malformed');
  const { data, errors } = body as { data?: unknown; errors?: unknown };
  if (errors !== undefined && errors !== null) throw new RemoteCallError('graphql-errors');
  if (typeof data !== 'object' || data === null) throw new RemoteCallError('malformed');
  return data;
}
