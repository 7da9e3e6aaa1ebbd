import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql, type SQL } from 'drizzle-orm';
import postgres from 'postgres';
import * as schema from './schema/index.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle has the same query surface as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

const MIGRATIONS = fileURLToPath(new URL('./migrations', import.meta.url));
/** Any constant: serialises migrations when several instances start on one PostgreSQL at once. */
const MIGRATION_LOCK = 727_274_001;

export interface OpenOptions {
  /** postgres://… — when set, PostgreSQL; otherwise embedded PGlite. */
  databaseUrl?: string;
  /** PGlite data directory; undefined means in-memory (tests). */
  dataDir?: string;
  /** postgres.js pool size per instance. */
  poolSize?: number;
}

/** Opens the database and applies committed migrations (server/db/migrations) before returning. */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const lockConn = postgres(opts.databaseUrl, { max: 1, onnotice: () => {} });
    try {
      await lockConn`select pg_advisory_lock(${MIGRATION_LOCK})`;
      await migratePostgres(drizzlePostgres(lockConn), { migrationsFolder: MIGRATIONS });
      await lockConn`select pg_advisory_unlock(${MIGRATION_LOCK})`;
    } finally {
      await lockConn.end();
    }
    const client = postgres(opts.databaseUrl, { max: opts.poolSize ?? 10, onnotice: () => {} });
    const db = drizzlePostgres(client, { schema }) as unknown as Db;
    return { db, kind: 'postgres', close: () => client.end() };
  }
  if (opts.dataDir) mkdirSync(opts.dataDir, { recursive: true });
  const client = opts.dataDir ? new PGlite(opts.dataDir) : new PGlite();
  const pg = drizzlePglite(client, { schema });
  await migratePglite(pg, { migrationsFolder: MIGRATIONS });
  return { db: pg as unknown as Db, kind: 'pglite', close: () => client.close() };
}

/** `db.execute` returns an array on postgres.js and `{ rows }` on PGlite. */
export async function query<T>(db: Db | Tx, q: SQL): Promise<T[]> {
  const res = (await db.execute(q)) as unknown;
  return (Array.isArray(res) ? res : (res as { rows: T[] }).rows) as T[];
}

export async function ping(db: Db): Promise<boolean> {
  try {
    await query(db, sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
