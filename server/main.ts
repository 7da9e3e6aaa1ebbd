import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { createApp } from './app.ts';
import { createAuth } from './auth/auth.ts';
import { configFromEnv, DEFAULT_HOST, DEFAULT_PORT } from './config.ts';
import { openDatabase } from './db/client.ts';
import { startResultsScheduler } from './results/pull.ts';

/**
 * `npm run server` (and the lead's `npm start`): PGlite under ./.data unless DATABASE_URL is set.
 * Env: PORT (8787), HOST (127.0.0.1), DATABASE_URL, WIREBOOST_DATA_DIR (./.data), BETTER_AUTH_SECRET,
 * REVIEW_LINK_SECRET, WIREBOOST_PUBLIC_URL, WIREBOOST_EXTENSION_ORIGINS, WIREBOOST_DEV_ANY_EXTENSION,
 * WIREBOOST_AUTH_RATE_LIMIT / _WINDOW / _MAX, WIREBOOST_TRUST_PROXY, WIREBOOST_DB_POOL, WIREBOOST_DB_PREPARE, WIREBOOST_TOKEN_KEY, META_APP_ID / _SECRET,
 * LINKEDIN_CLIENT_ID / _SECRET and the platform versions / hosts (server/platforms/config.ts).
 */
async function main() {
  const dataDir = resolve(process.env.WIREBOOST_DATA_DIR ?? '.data');
  const config = configFromEnv(process.env, dataDir);
  const database = await openDatabase({
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: resolve(dataDir, 'pglite'),
    poolSize: Number(process.env.WIREBOOST_DB_POOL ?? 10),
    prepare: process.env.WIREBOOST_DB_PREPARE !== '0',
  });
  const auth = createAuth(database.db, config, (invite) => {
    console.log(`[wireboost] invitation ${invite.id} for ${invite.email} (${invite.role}) to ${invite.organizationId}`);
  });
  const app = createApp({
    db: database.db,
    auth,
    config,
    clock: () => new Date(),
    clientIp: (c) => {
      try {
        return getConnInfo(c).remote.address;
      } catch {
        return undefined;
      }
    },
  });
  // Pull sent drafts' results on a schedule; claims are in the database, so every instance may run it.
  const stopResults =
    process.env.WIREBOOST_RESULTS_SCHEDULER === '0'
      ? () => {}
      : startResultsScheduler(
          { db: database.db, clock: () => new Date(), config },
          { everyMs: Number(process.env.WIREBOOST_RESULTS_TICK_MS ?? 60_000), log: (m) => console.log(m) },
        );
  const port = Number(process.env.PORT ?? DEFAULT_PORT);
  const hostname = process.env.HOST ?? DEFAULT_HOST;
  const server = serve({ fetch: app.fetch, port, hostname }, (info) => {
    console.log(`[wireboost] team server on http://${hostname}:${info.port} (${database.kind})`);
  });
  const stop = () => {
    stopResults();
    server.close();
    void database.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error('[wireboost] failed to start', err);
  process.exit(1);
});
