import type { ApolloServerPlugin } from '@apollo/server';
import type { HostContext } from '../graphql/context.js';
import { formatLsn, parseLsn } from '../db/replica-health.js';
import type { NodeStatus, ReplicaSet } from '../db/replicas.js';
import { asyncScope } from '../observability/async-scope.js';

/** Request header (and response header of a mutation) carrying the primary's WAL position the caller must see. */
export const LSN_HEADER = 'x-finmart-lsn';
/** The same position as a cookie, for browsers: sent back on the caller's next requests to any node. */
export const LSN_COOKIE = 'finmart_lsn';

/** The newest well-formed LSN among the request's `x-finmart-lsn` header and `finmart_lsn` cookie; malformed values are ignored. */
export function requestedLsn(header: string | undefined, cookie: string | undefined): bigint | undefined {
  let best = parseLsn(header);
  for (const part of (cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== LSN_COOKIE) continue;
    let value = part.slice(eq + 1).trim();
    try {
      value = decodeURIComponent(value);
    } catch {
      continue;
    }
    const lsn = parseLsn(value);
    if (lsn !== undefined && (best === undefined || lsn > best)) best = lsn;
  }
  return best;
}

/**
 * Routes each GraphQL operation's reads (src/db/replicas.ts):
 *
 * - a **query** reads from a replica chosen by {@link ReplicaSet.chooseReplica} — one that is usable and has
 *   replayed both the LSN the request carries and the caller's last mutation on this node within
 *   REPLICA_READ_YOUR_WRITES_MS — or from the primary when none has;
 * - a **mutation** runs on the primary; when it is answered, the primary's WAL position (`pg_current_wal_lsn()`,
 *   past the mutation's commits) is recorded for its caller (the token subject) and returned in the
 *   `x-finmart-lsn` header and the `finmart_lsn` cookie, so that the caller's next request, to this node or
 *   another, reads its writes.
 *
 * The decision is taken once the operation is known (before any resolver runs) and kept in the request's
 * scope; the caller's writes are marked for mutations only (a query's own audit insert does not keep its caller
 * on the primary).
 */
export function readRoutingPlugin(set: ReplicaSet, opts: { readYourWritesMs: number; secureCookie: boolean }): ApolloServerPlugin<HostContext> {
  return {
    async requestDidStart({ request }) {
      let type: string | undefined;
      return {
        async didResolveOperation({ operation, contextValue }) {
          type = operation?.operation;
          const scope = asyncScope.getStore();
          if (type !== 'query') {
            set.routedToPrimary();
            return;
          }
          const headers = request.http?.headers;
          const replica = set.chooseReplica(contextValue.principal.subject, requestedLsn(headers?.get(LSN_HEADER), headers?.get('cookie')));
          if (scope && replica) scope.readReplica = replica;
        },
        async willSendResponse({ response, contextValue }) {
          if (type !== 'mutation') return;
          const lsn = await set.primaryLsn();
          set.noteWrite(contextValue.principal.subject, lsn);
          if (lsn === undefined) return;
          const text = formatLsn(lsn);
          response.http.headers.set(LSN_HEADER, text);
          if (opts.readYourWritesMs > 0) {
            const maxAge = Math.max(1, Math.ceil(opts.readYourWritesMs / 1000));
            // Not a credential (a WAL position): HttpOnly and SameSite all the same, Secure behind TLS in production.
            response.http.headers.set(
              'set-cookie',
              `${LSN_COOKIE}=${text}; Max-Age=${maxAge}; Path=/; HttpOnly; SameSite=Strict${opts.secureCookie ? '; Secure' : ''}`,
            );
          }
        },
      };
    },
  };
}

/** One node in the `/readyz` answer: its state, never its URL. */
export interface NodeReadiness {
  name: string;
  role: 'primary' | 'replica';
  up: boolean;
  /** Replica: whether reads go to it. */
  inUse?: boolean;
  /** Replica: why it is skipped (down, not_standby, lagging, unchecked). */
  reason?: string;
  lagMs?: number;
  checkedAt?: string;
}

/** The nodes of `/readyz`: the primary as the probe found it just now (`primaryUp`), each replica as its last check did. */
export function nodesReadiness(statuses: readonly NodeStatus[], primaryUp: boolean): NodeReadiness[] {
  return statuses.map((s) =>
    s.role === 'primary'
      ? { name: s.name, role: s.role, up: primaryUp }
      : {
          name: s.name,
          role: s.role,
          up: s.up,
          inUse: s.usable,
          ...(s.reason ? { reason: s.reason } : {}),
          ...(s.lagMs !== undefined ? { lagMs: Math.round(s.lagMs) } : {}),
          ...(s.checkedAt ? { checkedAt: s.checkedAt.toISOString() } : {}),
        },
  );
}
