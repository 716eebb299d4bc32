import { existsSync } from 'node:fs';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { Database } from './client.js';

/**
 * Applies one migrations folder, tracked in its own table so that the core and
 * each plugin advance independently (adding a plugin migrates just that plugin).
 */
export async function applyMigrations(database: Database, folder: string, owner: string): Promise<void> {
  if (!existsSync(folder)) throw new Error(`Migrations folder for ${owner} not found: ${folder}`);
  const config = { migrationsFolder: folder, migrationsTable: `__migrations_${owner}`, migrationsSchema: 'public' };
  if (database.driver === 'pglite') await migratePglite(database.db as never, config);
  else await migratePostgres(database.db as never, config);
}
