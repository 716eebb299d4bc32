import { defineConfig } from 'drizzle-kit';

/** The gold plugin's own migrations (run: npx drizzle-kit generate --config plugins/gold/drizzle.config.ts). */
export default defineConfig({
  dialect: 'postgresql',
  schema: './plugins/gold/schema.ts',
  out: './plugins/gold/drizzle',
});
