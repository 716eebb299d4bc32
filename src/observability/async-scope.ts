import { AsyncLocalStorage } from 'node:async_hooks';
import type { Tracer } from '@opentelemetry/api';
import type { Lang } from '../i18n/localized.js';

/** SQL statements seen in one scope (a request, a test). */
export interface StatementLog {
  count: number;
  statements: string[];
}

/** What every async step of one request (or one measured block) can see. */
export interface AsyncScope {
  requestId?: string;
  lang?: Lang;
  /** Where the drizzle logger counts this scope's statements. */
  statements?: StatementLog;
  /** Set when the host traces: SQL statements and resolvers of this request open spans with it. */
  trace?: RequestTrace;
  /** What the request log line says of the GraphQL operation (filled in once the operation is known). */
  operation?: { name?: string; type?: string };
  /**
   * The read replica this scope's reads go to (src/db/replicas.ts; set for a query operation by
   * src/http/read-routing.ts, cleared by the scope's first write). Unset: every statement on the primary.
   */
  readReplica?: string;
}

/** A traced request's tracer and how many nested resolver spans it may still open. */
export interface RequestTrace {
  tracer: Tracer;
  resolverSpansLeft: number;
}

/**
 * The process's one AsyncLocalStorage. Node (20, 22) propagates each store
 * through an async hook on every promise a request creates; one store instead
 * of one per concern (language and request id, statement counting) halves
 * that work on the hot path.
 */
export const asyncScope = new AsyncLocalStorage<AsyncScope>();
