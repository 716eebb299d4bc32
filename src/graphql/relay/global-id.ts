/** Opaque global ids: base64url of `Type:key`. Clients must not parse them. */
export function toGlobalId(type: string, key: number | string): string {
  return Buffer.from(`${type}:${key}`, 'utf8').toString('base64url');
}

/** Decodes a global id; `null` when it is not one of ours. */
export function fromGlobalId(id: string): { type: string; key: string } | null {
  if (typeof id !== 'string' || id.length === 0 || id.length > 200 || !/^[A-Za-z0-9_-]+$/.test(id)) return null;
  const raw = Buffer.from(id, 'base64url').toString('utf8');
  const sep = raw.indexOf(':');
  if (sep <= 0) return null;
  return { type: raw.slice(0, sep), key: raw.slice(sep + 1) };
}

/** Largest key of an `integer`/`serial` column (PostgreSQL int4). */
export const INT4_MAX = 2_147_483_647;

/**
 * A positive int4 key from its decimal text; `null` otherwise. Every id and
 * cursor is decoded through here, so no key the database cannot compare with
 * an integer column ever reaches a statement.
 */
export function int4Key(text: string): number | null {
  if (!/^[1-9]\d{0,9}$/.test(text)) return null;
  const n = Number(text);
  return n <= INT4_MAX ? n : null;
}

/** Decodes a global id of one of `types` whose key is a positive integer; `null` otherwise. */
export function numericIdOf(id: string, ...types: string[]): number | null {
  const decoded = fromGlobalId(id);
  if (!decoded || (types.length > 0 && !types.includes(decoded.type))) return null;
  return int4Key(decoded.key);
}
