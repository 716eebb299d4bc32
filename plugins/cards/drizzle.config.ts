import { defineConfig } from 'drizzle-kit';

/** Migrations of the cards plugin's own tables only. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './plugins/cards/schema.ts',
  out: './plugins/cards/drizzle',
});
