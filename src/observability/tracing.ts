import type { IncomingHttpHeaders } from 'node:http';
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes, type Span, type Tracer } from '@opentelemetry/api';
import type { ApolloServerPlugin } from '@apollo/server';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider, SimpleSpanProcessor, type SpanExporter, type SpanProcessor } from '@opentelemetry/sdk-trace-node';
import {
  ATTR_DB_OPERATION_NAME,
  ATTR_DB_QUERY_TEXT,
  ATTR_DB_RESPONSE_STATUS_CODE,
  ATTR_DB_SYSTEM_NAME,
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_SERVICE_NAME,
  ATTR_SERVICE_VERSION,
  ATTR_URL_PATH,
  ATTR_URL_SCHEME,
  DB_SYSTEM_NAME_VALUE_POSTGRESQL,
} from '@opentelemetry/semantic-conventions';
import { PglitePreparedQuery } from 'drizzle-orm/pglite';
import { PostgresJsPreparedQuery } from 'drizzle-orm/postgres-js';
import { defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { HostContext } from '../graphql/context.js';
import { currentStatementLog } from '../db/statement-counter.js';
import { asyncScope, type RequestTrace } from './async-scope.js';

/**
 * OpenTelemetry traces of the host: HTTP request (server span) → GraphQL
 * operation → resolvers → SQL statements.
 *
 * What a span may carry: the HTTP method, the route (`/graphql`), the status,
 * the request id, the operation's type and name, field names, error CODES
 * (never error messages: graphql-js and PostgreSQL quote input values in
 * theirs), the SQL text truncated and with any string literal replaced by `?`
 * (drizzle sends values as parameters; parameters are never recorded). Never a
 * query string, a body, variables, a GraphQL document, a token or a customer's
 * data.
 */
export interface Tracing {
  readonly tracer: Tracer;
  readonly provider: NodeTracerProvider;
  /** Exports what is buffered (tests, shutdown). */
  forceFlush(): Promise<void>;
  /** Flushes and stops; the process's API registration is undone with the last host that made it. */
  shutdown(): Promise<void>;
}

export interface StartTracingOptions {
  /** OTLP/HTTP base URL (OTEL_EXPORTER_OTLP_ENDPOINT): spans go to `<endpoint>/v1/traces` in batches. */
  endpoint?: string;
  /** An exporter of the caller's (tests: InMemorySpanExporter), fed span by span. */
  exporter?: SpanExporter;
  /** Feed `exporter` in batches, as OTLP is fed (measurements); default: span by span. */
  batch?: boolean;
  serviceName: string;
  serviceVersion?: string;
}

/** Nested resolver spans one request may open (root fields always get theirs): a page of 100 customers must not make a 5,000-span trace. */
export const NESTED_RESOLVER_SPANS_PER_REQUEST = 100;
/** SQL text recorded per statement, at most. */
export const MAX_SQL_TEXT = 500;

export type { SpanExporter } from '@opentelemetry/sdk-trace-node';

let registeredBy: NodeTracerProvider | undefined;

/**
 * A tracer provider when an endpoint or an exporter is given, undefined
 * otherwise (tracing off: no context manager, no wrapped resolvers, nothing on
 * the request path). The first provider of the process registers the
 * AsyncLocalStorage context manager and the W3C trace-context propagator with
 * the API; each host keeps its own tracer (tests boot several hosts).
 */
export function startTracing(opts: StartTracingOptions): Tracing | undefined {
  const processors: SpanProcessor[] = [];
  if (opts.exporter) processors.push(opts.batch ? new BatchSpanProcessor(opts.exporter) : new SimpleSpanProcessor(opts.exporter));
  if (opts.endpoint) {
    const url = `${opts.endpoint.replace(/\/+$/, '')}/v1/traces`;
    processors.push(new BatchSpanProcessor(new OTLPTraceExporter({ url }) as unknown as SpanExporter));
  }
  if (processors.length === 0) return undefined;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      [ATTR_SERVICE_NAME]: opts.serviceName,
      ...(opts.serviceVersion ? { [ATTR_SERVICE_VERSION]: opts.serviceVersion } : {}),
    }),
    spanProcessors: processors,
  });
  if (!registeredBy) {
    provider.register();
    registeredBy = provider;
  }
  instrumentDrizzle();
  const tracer = provider.getTracer('finmart', opts.serviceVersion);
  return {
    tracer,
    provider,
    forceFlush: () => provider.forceFlush(),
    async shutdown() {
      await provider.shutdown();
      if (registeredBy === provider) {
        registeredBy = undefined;
        trace.disable();
        context.disable();
        propagation.disable();
      }
    },
  };
}

/** What a request scope carries when the host traces. */
export const requestTrace = (tracing: Tracing): RequestTrace => ({ tracer: tracing.tracer, resolverSpansLeft: NESTED_RESOLVER_SPANS_PER_REQUEST });

// ---------------------------------------------------------------- errors

/** An error's code for a span: a GraphQL code, a SQLSTATE or the class name — never its message. */
function errorCode(e: unknown): string {
  const err = e as { extensions?: { code?: unknown }; code?: unknown; name?: unknown } | null;
  const code = err?.extensions?.code ?? err?.code;
  if (typeof code === 'string' && /^[A-Z0-9_]{1,64}$/.test(code)) return code;
  return typeof err?.name === 'string' && /^[A-Za-z]{1,64}$/.test(err.name) ? err.name : 'Error';
}

function fail(span: Span, e: unknown): void {
  const code = errorCode(e);
  span.setAttribute(ATTR_ERROR_TYPE, code);
  span.setStatus({ code: SpanStatusCode.ERROR, message: code });
}

const isThenable = (v: unknown): v is PromiseLike<unknown> => v !== null && typeof v === 'object' && typeof (v as { then?: unknown }).then === 'function';

/** Runs `fn` and ends `span` when it has settled (synchronously or not); returns what `fn` returned. */
function settle<T>(span: Span, fn: () => T, onError: (span: Span, e: unknown) => void = fail): T {
  let result: T;
  try {
    result = fn();
  } catch (e) {
    onError(span, e);
    span.end();
    throw e;
  }
  if (isThenable(result)) {
    result.then(
      () => span.end(),
      (e: unknown) => {
        onError(span, e);
        span.end();
      },
    );
  } else span.end();
  return result;
}

// ---------------------------------------------------------------- HTTP

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
/** Routes that get a server span; probes and /metrics are not traced. */
const TRACED_ROUTES = new Set(['/graphql']);

/**
 * Opens the server span of an HTTP request (continuing a W3C `traceparent`
 * from the caller) and runs `next` inside it; the span ends with the response.
 * Untraced routes run `next` as is.
 */
export function traceHttpRequest(
  tracing: Tracing,
  req: { method: string; path: string; headers: IncomingHttpHeaders },
  res: { statusCode: number; once(event: 'finish' | 'close', listener: () => void): unknown },
  requestId: string,
  next: (traced: boolean) => void,
): Span | undefined {
  const route = TRACED_ROUTES.has(req.path) ? req.path : undefined;
  if (!route) {
    next(false);
    return undefined;
  }
  const method = METHODS.has(req.method) ? req.method : '_OTHER';
  const parent = propagation.extract(ROOT_CONTEXT, req.headers);
  const span = tracing.tracer.startSpan(
    `${method} ${route}`,
    {
      kind: SpanKind.SERVER,
      attributes: {
        [ATTR_HTTP_REQUEST_METHOD]: method,
        [ATTR_HTTP_ROUTE]: route,
        [ATTR_URL_PATH]: route,
        [ATTR_URL_SCHEME]: 'http',
        'finmart.request_id': requestId,
      },
    },
    parent,
  );
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, res.statusCode);
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  };
  res.once('finish', end);
  res.once('close', end);
  context.with(trace.setSpan(parent, span), () => next(true));
  return span;
}

// ---------------------------------------------------------------- GraphQL operation

const operationSpans = new WeakSet<Span>();

/**
 * Runs Apollo's handling of one request inside an operation span (named once
 * the operation is known, by {@link tracingPlugin}): resolvers, loaders and
 * SQL of the request become its descendants.
 */
export function withOperationSpan<T>(tracing: Tracing, fn: () => Promise<T>): Promise<T> {
  const parent = context.active();
  const span = tracing.tracer.startSpan('graphql', { kind: SpanKind.INTERNAL }, parent);
  operationSpans.add(span);
  return context.with(trace.setSpan(parent, span), fn).finally(() => span.end());
}

const NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

/** Names the operation span (`query CustomerPage`) and records the operation's type, name, error codes and statements. */
export function tracingPlugin(): ApolloServerPlugin<HostContext> {
  return {
    async requestDidStart() {
      const span = trace.getSpan(context.active());
      if (!span || !operationSpans.has(span)) return {};
      return {
        async didResolveOperation({ operation }) {
          if (!operation) return;
          const type = operation.operation;
          const name = operation.name?.value;
          const attributes: Attributes = { 'graphql.operation.type': type };
          if (name && NAME.test(name)) attributes['graphql.operation.name'] = name;
          span.setAttributes(attributes);
          span.updateName(name && NAME.test(name) ? `${type} ${name}` : type);
        },
        async willSendResponse({ response }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          if (errors?.length) {
            const codes = [...new Set(errors.map(errorCode))].slice(0, 10);
            span.setAttribute('graphql.error.codes', codes);
            span.setStatus({ code: SpanStatusCode.ERROR, message: codes[0] });
          }
          const log = currentStatementLog();
          if (log) span.setAttribute('finmart.sql.statements', log.count);
        },
      };
    },
  };
}

// ---------------------------------------------------------------- resolvers

const instrumented = new WeakSet<GraphQLSchema>();

/**
 * Wraps the schema's resolvers, once, when the host traces:
 * - every root field (Query, Mutation) gets a span that is the active context
 *   while it runs, so the SQL it issues is its child;
 * - a nested field with a resolver of its own gets a span only when that
 *   resolver returns a promise (work worth seeing: loaders, look-ups), timed
 *   from the call, at most {@link NESTED_RESOLVER_SPANS_PER_REQUEST} per
 *   request; synchronous resolvers and plain properties cost one scope read.
 */
export function instrumentSchema(schema: GraphQLSchema): void {
  if (instrumented.has(schema)) return;
  instrumented.add(schema);
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(Boolean));
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const isRoot = roots.has(type);
    for (const field of Object.values(type.getFields())) {
      if (isRoot) field.resolve = rootFieldResolver(type.name, field.name, field.resolve ?? defaultFieldResolver);
      else if (field.resolve) field.resolve = nestedFieldResolver(type.name, field.name, field.resolve);
    }
  }
}

function rootFieldResolver(parentType: string, fieldName: string, resolve: GraphQLFieldResolver<unknown, unknown>): GraphQLFieldResolver<unknown, unknown> {
  const name = `resolve ${parentType}.${fieldName}`;
  const attributes = { 'graphql.field.name': fieldName, 'graphql.field.parent_type': parentType };
  return (source, args, ctx, info) => {
    const t = asyncScope.getStore()?.trace;
    if (!t) return resolve(source, args, ctx, info);
    const parent = context.active();
    const span = t.tracer.startSpan(name, { attributes }, parent);
    return context.with(trace.setSpan(parent, span), () => settle(span, () => resolve(source, args, ctx, info)));
  };
}

function nestedFieldResolver(parentType: string, fieldName: string, resolve: GraphQLFieldResolver<unknown, unknown>): GraphQLFieldResolver<unknown, unknown> {
  const name = `resolve ${parentType}.${fieldName}`;
  const attributes = { 'graphql.field.name': fieldName, 'graphql.field.parent_type': parentType };
  return (source, args, ctx, info) => {
    const t = asyncScope.getStore()?.trace;
    if (!t || t.resolverSpansLeft <= 0) return resolve(source, args, ctx, info);
    const startTime = performance.now();
    const result = resolve(source, args, ctx, info);
    if (!isThenable(result)) return result;
    t.resolverSpansLeft -= 1;
    const span = t.tracer.startSpan(name, { attributes, startTime }, context.active());
    result.then(
      () => span.end(),
      (e: unknown) => {
        fail(span, e);
        span.end();
      },
    );
    return result;
  };
}

// ---------------------------------------------------------------- SQL

const VERBS = new Set([
  'SELECT',
  'INSERT',
  'UPDATE',
  'DELETE',
  'WITH',
  'BEGIN',
  'COMMIT',
  'ROLLBACK',
  'SAVEPOINT',
  'RELEASE',
  'SET',
  'LOCK',
  'CREATE',
  'ALTER',
  'DROP',
  'TRUNCATE',
  'VALUES',
]);

/** The statement's first keyword (SELECT, INSERT, WITH…), or OTHER. */
export function sqlVerb(text: string): string {
  const m = /^[\s(]*([A-Za-z]+)/.exec(text);
  const verb = m?.[1]?.toUpperCase();
  return verb && VERBS.has(verb) ? verb : 'OTHER';
}

/**
 * The statement text a span may carry: truncated to {@link MAX_SQL_TEXT}
 * characters, every string literal replaced by `'?'` (values travel as `$n`
 * parameters, but a plugin's `sql.raw` could inline one), and a literal cut by
 * the truncation dropped.
 */
export function sanitizeSql(text: string): string {
  const truncated = text.length > MAX_SQL_TEXT;
  const cut = truncated ? text.slice(0, MAX_SQL_TEXT) : text;
  // A literal (quotes doubled inside) up to its closing quote, or to the end when the cut fell inside it.
  const scrubbed = cut.replace(/'(?:[^']|'')*(?:'|$)/g, "'?'").replace(/\$([A-Za-z_]*)\$[\s\S]*?(?:\$\1\$|$)/g, "'?'");
  return truncated ? `${scrubbed}…` : scrubbed;
}

let drizzleInstrumented = false;

/**
 * SQL spans. No maintained instrumentation covers postgres.js or PGlite, and
 * drizzle's own OpenTelemetry hooks are off (and would record parameters), so
 * the execute methods of drizzle's prepared queries for both drivers are
 * wrapped, once per process: a statement run inside a traced request gets a
 * CLIENT span `SQL <verb>` with db.system=postgresql and the sanitized text;
 * outside one (boot, CLI, untraced hosts) the wrapper only reads the scope.
 */
function instrumentDrizzle(): void {
  if (drizzleInstrumented) return;
  drizzleInstrumented = true;
  const targets: [object, string][] = [
    [PostgresJsPreparedQuery.prototype, 'postgres.js'],
    [PglitePreparedQuery.prototype, 'pglite'],
  ];
  for (const [proto, driver] of targets) {
    const p = proto as Record<'execute' | 'all', (...args: unknown[]) => unknown>;
    for (const method of ['execute', 'all'] as const) {
      const original = p[method];
      if (typeof original !== 'function') continue;
      p[method] = function tracedStatement(this: { queryString: string }, ...args: unknown[]) {
        const t = asyncScope.getStore()?.trace;
        if (!t) return original.apply(this, args);
        const text = this.queryString;
        const verb = sqlVerb(text);
        const span = t.tracer.startSpan(
          `SQL ${verb}`,
          {
            kind: SpanKind.CLIENT,
            attributes: {
              'db.system': 'postgresql',
              [ATTR_DB_SYSTEM_NAME]: DB_SYSTEM_NAME_VALUE_POSTGRESQL,
              [ATTR_DB_OPERATION_NAME]: verb,
              [ATTR_DB_QUERY_TEXT]: sanitizeSql(text),
              'finmart.db.driver': driver,
            },
          },
          context.active(),
        );
        return settle(
          span,
          () => original.apply(this, args),
          (s, e) => {
            const code = errorCode(e);
            if (/^[0-9A-Z]{5}$/.test(code)) s.setAttribute(ATTR_DB_RESPONSE_STATUS_CODE, code);
            fail(s, e);
          },
        );
      };
    }
  }
}
