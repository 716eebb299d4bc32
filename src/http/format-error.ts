import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { databaseUnavailable } from '../db/unavailable.js';
import { FinmartError, ScalarInputError, serviceUnavailable } from '../graphql/errors.js';
import { localizeGraphqlMessage } from '../i18n/graphql-messages.js';
import type { Lang } from '../i18n/localized.js';
import type { Logger } from '../logger.js';
import { currentRequestScope } from './request-scope.js';

const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/** The scalar refusal behind a graphql-js coercion error, if any (it sits one or two `originalError`s deep). */
function scalarRefusal(error: unknown): ScalarInputError | undefined {
  let cur: unknown = error;
  for (let i = 0; i < 4 && cur; i++) {
    if (cur instanceof ScalarInputError) return cur;
    cur = (cur as { originalError?: unknown }).originalError;
  }
  return undefined;
}

/** graphql-js's "where" prefix, then the scalar's message in the request's language. */
function localizedCoercionMessage(message: string, error: unknown, lang: Lang): string {
  const refusal = scalarRefusal(error);
  if (!refusal || !message.endsWith(refusal.message)) return message;
  return message.slice(0, message.length - refusal.message.length) + refusal.messageIn(lang);
}

/**
 * Errors leave in the request's language with a code. Anything we did not mean
 * to show (a bug, a database error) becomes INTERNAL_SERVER_ERROR with the
 * request id, and its detail goes to the log only.
 */
export function createFormatError(log: Logger, opts: { suggestions?: boolean } = {}) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const scope = currentRequestScope();
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    if (original instanceof FinmartError) {
      return { ...formatted, message: original.messageIn(scope?.lang ?? 'zh-CN'), extensions: { ...formatted.extensions, requestId: scope?.requestId } };
    }
    // The database is down, unreachable or too slow: a retryable 503, and the cause (a code) in the log.
    const unavailable = databaseUnavailable(original);
    if (unavailable) {
      log.error({ requestId: scope?.requestId, ...unavailable, path: formatted.path }, 'database unavailable');
      return {
        message: serviceUnavailable().messageIn(scope?.lang ?? 'zh-CN'),
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: 'SERVICE_UNAVAILABLE', requestId: scope?.requestId },
      };
    }
    const code = formatted.extensions?.code as string | undefined;
    if (code && CLIENT_CODES.has(code)) {
      // Parse, validation and coercion errors come from graphql-js (and armor) in English: keep their detail, they
      // describe the caller's input, in the caller's language. A scalar's refusal is bad input wherever the value
      // was written (a literal fails in validation).
      const lang = scope?.lang ?? 'zh-CN';
      const clientCode = code === 'BAD_REQUEST' || scalarRefusal(error) ? 'BAD_USER_INPUT' : code;
      return {
        ...formatted,
        message: localizeGraphqlMessage(localizedCoercionMessage(formatted.message, error, lang), lang, opts.suggestions),
        extensions: { code: clientCode, requestId: scope?.requestId },
      };
    }
    if (original instanceof GraphQLError && original.extensions?.code === 'BAD_USER_INPUT') {
      return {
        message: original.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: 'BAD_USER_INPUT', requestId: scope?.requestId },
      };
    }
    // `err` goes through errorSummary (see logger): class, SQLSTATE, constraint, frames; never the database's text.
    log.error({ requestId: scope?.requestId, err: original, path: formatted.path }, 'internal error');
    const lang = scope?.lang ?? 'zh-CN';
    return {
      message: lang === 'en' ? `Internal error (request ${scope?.requestId})` : `服务内部错误（请求编号 ${scope?.requestId}）`,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: scope?.requestId },
    };
  };
}
