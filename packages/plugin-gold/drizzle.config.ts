import { defineConfig } from 'drizzle-kit';

/** The gold plugin's own migrations (run from the repository root: npx drizzle-kit generate --config packages/plugin-gold/drizzle.config.ts). */
export default defineConfig({
  dialect: 'postgresql',
  schema: './packages/plugin-gold/src/schema.ts',
  out: './packages/plugin-gold/drizzle',
});
