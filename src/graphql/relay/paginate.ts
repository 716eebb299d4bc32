import { text } from '../../i18n/localized.js';
import { badInput } from '../errors.js';
import { INT4_MAX } from './global-id.js';
import type { ConnectionArgs, ConnectionResult } from './types.js';

/** Page-size limits (a bank setting). */
export interface PageLimits {
  default: number;
  max: number;
}

/** A validated keyset page request over an integer key. */
export interface KeysetPage {
  direction: 'forward' | 'backward';
  /** Exclusive bounds: key > afterKey, key < beforeKey. */
  afterKey?: number;
  beforeKey?: number;
  /** Rows to fetch: the page size plus one to detect a further page. */
  limit: number;
  size: number;
}

const encodeCursor = (key: number) => Buffer.from(`k:${key}`, 'utf8').toString('base64url');

/** A cursor's key, never beyond what the keyed column holds (a statement comparing an int4 column with more fails). */
function decodeCursor(cursor: string, arg: string, maxKey: number): number {
  const raw = /^[A-Za-z0-9_-]{1,40}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const m = /^k:(0|[1-9]\d{0,15})$/.exec(raw);
  const key = m ? Number(m[1]) : NaN;
  if (!(key <= maxKey)) throw badInput(text(`分页游标 ${arg} 无效`, `Cursor "${arg}" is not valid`), arg);
  return key;
}

function checkSize(value: number | null | undefined, arg: string, limits: PageLimits): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 0 || value > limits.max) {
    throw badInput(text(`${arg} 必须在 0 到 ${limits.max} 之间`, `"${arg}" must be between 0 and ${limits.max}`), arg);
  }
  return value;
}

/**
 * Validates Relay arguments: page size capped, cursors ours; `BAD_USER_INPUT` otherwise.
 *
 * @param maxKey largest key of the keyed column: int4 unless the table is keyed by a bigint.
 */
export function keysetPage(args: ConnectionArgs, limits: PageLimits, maxKey: number = INT4_MAX): KeysetPage {
  const first = checkSize(args.first, 'first', limits);
  const last = checkSize(args.last, 'last', limits);
  if (first !== undefined && last !== undefined) {
    throw badInput(text('first 与 last 不能同时使用', 'Use either "first" or "last", not both'), 'last');
  }
  const afterKey = args.after ? decodeCursor(args.after, 'after', maxKey) : undefined;
  const beforeKey = args.before ? decodeCursor(args.before, 'before', maxKey) : undefined;
  if (last !== undefined) return { direction: 'backward', afterKey, beforeKey, size: last, limit: last + 1 };
  const size = first ?? limits.default;
  return { direction: 'forward', afterKey, beforeKey, size, limit: size + 1 };
}

/**
 * Turns rows fetched for a {@link KeysetPage} (ordered by key in the page's
 * direction, at most `limit` of them) into a connection.
 */
export function toConnection<T>(
  page: KeysetPage,
  rows: T[],
  keyOf: (row: T) => number,
  count: () => Promise<number> | number,
  map: (row: T) => unknown = (r) => r,
): ConnectionResult<unknown> {
  const hasMore = rows.length > page.size;
  const slice = rows.slice(0, page.size);
  if (page.direction === 'backward') slice.reverse();
  const edges = slice.map((row) => ({ cursor: encodeCursor(keyOf(row)), node: map(row) }));
  const connection = {
    edges,
    pageInfo: {
      hasNextPage: page.direction === 'forward' ? hasMore : page.beforeKey !== undefined,
      hasPreviousPage: page.direction === 'backward' ? hasMore : page.afterKey !== undefined,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
  // A getter: the count query runs only when a client selects totalCount.
  return Object.defineProperty(connection, 'totalCount', { get: count, enumerable: false }) as ConnectionResult<unknown>;
}

/** Pages an in-memory list (ordered by key ascending) the same way. */
export function pageList<T>(page: KeysetPage, all: T[], keyOf: (row: T) => number): ConnectionResult<unknown> {
  let items = all.filter((r) => (page.afterKey === undefined || keyOf(r) > page.afterKey) && (page.beforeKey === undefined || keyOf(r) < page.beforeKey));
  if (page.direction === 'backward') items = items.slice().reverse();
  return toConnection(page, items.slice(0, page.limit), keyOf, () => all.length);
}
