import { defineConfig } from 'drizzle-kit';

/** Core migrations only; every plugin has its own config and folder. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/index.ts',
  out: './drizzle',
});
