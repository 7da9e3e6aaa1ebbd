import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { draftDoc } from './harness.ts';

/**
 * The yardstick for push throughput: the same database doing nothing but single-row jsonb upserts of
 * the same documents (one autocommit statement each), at the same concurrency the HTTP run uses.
 */
const DDL = `create table if not exists bench_raw (org_id text not null, id text not null, doc jsonb not null, revision bigint not null, primary key (org_id, id))`;
const UPSERT = `insert into bench_raw (org_id, id, doc, revision) values ($1, $2, $3, $4)
  on conflict (org_id, id) do update set doc = excluded.doc, revision = excluded.revision`;

export async function rawUpsertRatePglite(dataDir: string, seconds: number): Promise<number> {
  const db = new PGlite(dataDir);
  await db.exec(DDL);
  let n = 0;
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end && n < 1_000_000) {
    await db.query(UPSERT, ['org', `d${n}`, JSON.stringify(draftDoc(`d${n}`, n)), n]);
    n++;
  }
  await db.close();
  return n / seconds;
}

export async function rawUpsertRatePostgres(url: string, seconds: number, concurrency: number): Promise<number> {
  const sql = postgres(url, { max: concurrency, onnotice: () => {} });
  await sql.unsafe(DDL);
  let n = 0;
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < end && n < 5_000_000) {
        const i = n++;
        await sql.unsafe(UPSERT, ['org', `d${i}`, JSON.stringify(draftDoc(`d${i}`, i)), i]);
      }
    }),
  );
  await sql.unsafe('drop table bench_raw');
  await sql.end();
  return n / seconds;
}
