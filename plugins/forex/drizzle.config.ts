import { defineConfig } from 'drizzle-kit';

/** The forex plugin's own migrations (run: npx drizzle-kit generate --config plugins/forex/drizzle.config.ts). */
export default defineConfig({
  dialect: 'postgresql',
  schema: './plugins/forex/schema.ts',
  out: './plugins/forex/drizzle',
});
