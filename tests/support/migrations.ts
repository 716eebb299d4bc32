import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client.js';
import { resultRows } from '../../src/db/result-rows.js';

/** The core migrations folder. */
export const coreMigrations = join(import.meta.dirname, '..', '..', 'drizzle');

/**
 * A copy of the core migrations up to, not including, the one whose tag starts with `prefix` (`'0019_'`): the bank
 * as it was before that migration, to apply it over rows written the old way (upgrade tests). `remove()` deletes it.
 */
export function coreMigrationsBefore(prefix: string): { folder: string; remove(): void } {
  const folder = mkdtempSync(join(tmpdir(), 'finmart-migrations-'));
  cpSync(coreMigrations, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag.startsWith(prefix));
  if (at < 0) throw new Error(`no core migration ${prefix}…`);
  journal.entries = journal.entries.slice(0, at);
  writeFileSync(journalPath, JSON.stringify(journal));
  return { folder, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

/** A statement's rows on either driver. */
export const rowsOf = async <T>(d: Database, q: ReturnType<typeof sql>): Promise<T[]> => resultRows<T>(await d.db.execute(q));
