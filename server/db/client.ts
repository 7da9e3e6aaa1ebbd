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
  /**
   * Named prepared statements (PostgreSQL; default on). Off only behind a pooler that cannot carry them
   * (PgBouncer before 1.21 in transaction mode): every parameterised statement then costs two round trips.
   */
  prepare?: boolean;
}

type PgClient = postgres.Sql;

/**
 * drizzle hands every statement to postgres.js with `prepare: false` (it prepares only statements given
 * a name), and postgres.js then describes an unnamed parameterised statement before binding it: two
 * round trips for every query. This view of the client runs the same statements as named prepared
 * statements (postgres.js's own default), prepared once per pooled connection and then one round trip
 * each; transactions and savepoints get the same view. Statement texts are drizzle's and ours, with
 * values always as parameters, so the per-connection statement cache stays small.
 */
function preparedStatements(client: PgClient): PgClient {
  // begin(options?, fn) and savepoint(name?, fn): the callback is the last argument.
  const scoped =
    (fn: (...a: unknown[]) => unknown) =>
    (...args: unknown[]) => {
      const i = args.length - 1;
      const body = args[i] as (tx: PgClient) => unknown;
      args[i] = (tx: PgClient) => body(preparedStatements(tx));
      return fn(...args);
    };
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop === 'unsafe') {
        return (q: string, params?: unknown[], opts?: Record<string, unknown>) =>
          target.unsafe(q, params as never, { ...opts, prepare: true });
      }
      if (prop === 'begin' || prop === 'savepoint') {
        const fn = Reflect.get(target, prop, receiver) as ((...a: unknown[]) => unknown) | undefined;
        return fn && scoped(fn.bind(target));
      }
      return Reflect.get(target, prop, receiver);
    },
  });
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
    const prepare = opts.prepare !== false;
    const client = postgres(opts.databaseUrl, { max: opts.poolSize ?? 10, onnotice: () => {} });
    const db = drizzlePostgres(prepare ? preparedStatements(client) : client, { schema }) as unknown as Db;
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
