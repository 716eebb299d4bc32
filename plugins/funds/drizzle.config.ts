import { defineConfig } from 'drizzle-kit';

/** The funds plugin's own migrations (run by the host after the core's). */
export default defineConfig({
  dialect: 'postgresql',
  schema: './plugins/funds/schema.ts',
  out: './plugins/funds/drizzle',
});
