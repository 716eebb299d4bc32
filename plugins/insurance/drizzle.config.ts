import { defineConfig } from 'drizzle-kit';

/** The insurance plugin's own migrations (its tables only). */
export default defineConfig({
  dialect: 'postgresql',
  schema: './plugins/insurance/schema.ts',
  out: './plugins/insurance/drizzle',
});
