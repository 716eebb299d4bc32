import { defineConfig } from 'drizzle-kit';

/** The loans plugin's own migrations (run: npx drizzle-kit generate --config plugins/loans/drizzle.config.ts). */
export default defineConfig({
  dialect: 'postgresql',
  schema: './plugins/loans/schema.ts',
  out: './plugins/loans/drizzle',
});
