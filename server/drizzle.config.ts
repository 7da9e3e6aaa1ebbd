import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes SQL migrations to server/db/migrations (committed); the server applies
// them at start-up with drizzle's migrator, on PGlite and PostgreSQL alike.
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/db/schema/index.ts',
  out: './server/db/migrations',
});
