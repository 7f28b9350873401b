import { defineConfig } from 'drizzle-kit';

// Tables live beside their module (`*.tables.ts`); migrations are generated into ./drizzle and committed.
export default defineConfig({
  dialect: 'postgresql',
  schema: './apps/server/src/**/*.tables.ts',
  out: './apps/server/drizzle',
});
