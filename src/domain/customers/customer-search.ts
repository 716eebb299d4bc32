import { eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { customers } from '../../db/schema/index.js';
import { badInput } from '../../graphql/errors.js';
import { text } from '../../i18n/localized.js';

export const SEARCH_MIN_LENGTH = 1;
export const SEARCH_MAX_LENGTH = 50;

/**
 * A search of the book. A term with a digit in it is an identifier search:
 * names hold no digits, and a phone or ID number must never be matched on part
 * of its digits (growing a prefix one digit at a time would recover a masked
 * value). Otherwise it is a name search.
 */
export type CustomerSearch =
  | { kind: 'NAME'; term: string }
  | {
      kind: 'IDENTIFIER';
      /** The term as a stored phone (digits, optional leading +), when it can be one. */
      phone: string | null;
      /** The term as a stored ID number (upper-case letters and digits), when it can be one. */
      idNumber: string | null;
    };

/** A phone as stored: `13812345678` (mainland mobile) or `+85291234567`; spaces, dashes, brackets and a +86 prefix dropped. */
export function normalisePhone(term: string): string | null {
  const s = term.replace(/[\s\-()]/g, '');
  if (!/^\+?\d+$/.test(s)) return null;
  const mainland = /^(?:\+?86)?(1[3-9]\d{9})$/.exec(s);
  return mainland ? mainland[1] : s;
}

/** An ID number as stored: upper-case (the resident ID's check character X), spaces dropped. */
export function normaliseIdNumber(term: string): string | null {
  const s = term.replace(/\s/g, '').toUpperCase();
  return /^[0-9A-Z]{5,20}$/.test(s) ? s : null;
}

/** Reads a search term; BAD_USER_INPUT when its length is out of bounds. */
export function parseCustomerSearch(raw: string): CustomerSearch {
  const term = raw.trim();
  if (term.length < SEARCH_MIN_LENGTH || term.length > SEARCH_MAX_LENGTH) {
    throw badInput(
      text(`搜索词长度须为 ${SEARCH_MIN_LENGTH} 到 ${SEARCH_MAX_LENGTH}`, `search must be ${SEARCH_MIN_LENGTH} to ${SEARCH_MAX_LENGTH} characters`),
      'search',
    );
  }
  if (!/\d/.test(term)) return { kind: 'NAME', term };
  return { kind: 'IDENTIFIER', phone: normalisePhone(term), idNumber: normaliseIdNumber(term) };
}

/** Name: contains, case-insensitive. Identifier: equal to the whole phone or the whole ID number, nothing else. */
export function customerSearchSql(s: CustomerSearch): SQL {
  if (s.kind === 'NAME') return ilike(customers.name, `%${s.term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const parts = [s.phone ? eq(customers.phone, s.phone) : undefined, s.idNumber ? eq(customers.idNumber, s.idNumber) : undefined].filter(
    (p): p is SQL => p !== undefined,
  );
  return parts.length > 0 ? or(...parts)! : sql`false`;
}
