import { GraphQLError } from 'graphql';
import { text, type Lang, type LocalizedText } from '../i18n/localized.js';

/** The error codes of API.md; clients switch on these. */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'SUITABILITY_BLOCKED'
  | 'SUITABILITY_STEPS_REQUIRED'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

/**
 * An error meant for the caller: a code and a message in both languages. The
 * response carries the message in the request's language (see `localizeError`).
 */
export class FinmartError extends GraphQLError {
  constructor(
    public readonly code: ErrorCode,
    public readonly messages: LocalizedText,
    extensions: Record<string, unknown> = {},
  ) {
    super(messages['zh-CN'], { extensions: { ...extensions, code } });
    this.name = 'FinmartError';
  }

  /** The message in `lang`. */
  messageIn(lang: Lang): string {
    return this.messages[lang];
  }
}

/** Bad input, optionally naming the argument. */
export const badInput = (messages: LocalizedText, field?: string) => new FinmartError('BAD_USER_INPUT', messages, field ? { field } : {});

/**
 * Out of scope or missing: both look the same to the caller. `what` names the
 * object in each language, e.g. `text('客户', 'customer')` → 未找到客户 / Customer not found.
 */
export const notFound = (what: LocalizedText) =>
  new FinmartError('NOT_FOUND', text(`未找到${what['zh-CN']}`, `${what.en.charAt(0).toUpperCase()}${what.en.slice(1)} not found`));

export const forbidden = (messages: LocalizedText = text('无权执行此操作', 'You are not allowed to do this')) => new FinmartError('FORBIDDEN', messages);

export const unauthenticated = (messages: LocalizedText = text('需要有效的身份令牌', 'A valid bearer token is required')) =>
  new FinmartError('UNAUTHENTICATED', messages);

export const conflict = (messages: LocalizedText, extensions: Record<string, unknown> = {}) => new FinmartError('CONFLICT', messages, extensions);

/**
 * A scalar's refusal of an input value, in both languages. A plain Error on
 * purpose: graphql-js keeps it as the original error and prefixes where the
 * value was (`Variable "$input" got invalid value … at "input.amount"`), and
 * the response is BAD_USER_INPUT (GRAPHQL_VALIDATION_FAILED for a literal)
 * with this message in the request's language after that prefix.
 */
export class ScalarInputError extends Error {
  constructor(public readonly messages: LocalizedText) {
    super(messages.en);
    this.name = 'ScalarInputError';
  }

  /** The message in `lang`. */
  messageIn(lang: Lang): string {
    return this.messages[lang];
  }
}
/** The database cannot answer now (unreachable, timed out, shutting down): retry later. HTTP 503. */
export const serviceUnavailable = () =>
  new FinmartError(
    'SERVICE_UNAVAILABLE',
    text('服务暂时不可用（数据库无响应），请稍后重试', 'The service is temporarily unavailable (the database is not answering); retry later'),
  );
