/**
 * `npm run -s bench:sync` — the team server under load over loopback (autocannon).
 * Last stdout line: {"pgliteRatio","postgresRatio","p99Ms","initialSync10kMs","lostWrites"}
 *   pgliteRatio / postgresRatio: drafts/s pushed over HTTP as the sync client pushes them (outbox batches of
 *     50 through /drafts/batch) ÷ raw single-row upserts/s of the same DB engine, same run, same concurrency
 *     (target ≥ 0.5); single-draft PUT throughput is logged to stderr too
 *   p99Ms: p99 latency of the pushes of 200 concurrent sync clients on PostgreSQL (target < 50): each client
 *     does what the extension's sync runner does at the fastest cadence it can (one cycle — push, pull
 *     drafts, pull releases — every 1.5 s on its own clock, cycles never overlapping), in 20 organisations;
 *     the model and why it is not autocannon are in tests/bench/sync/clients.ts and at the p99 run below.
 *     The old figure (200 closed-loop connections firing PUTs back to back) measured the queue at
 *     saturation (latency ≈ connections ÷ throughput), not 200 clients; it is still logged to stderr
 *     as "saturation" so nobody mistakes one for the other
 *   initialSync10kMs: the sync client pulling a 10,000-draft organisation from empty (target ≤ 1000)
 *   lostWrites: acknowledged pushes missing after SIGKILL of the server mid-load and a restart (must be 0),
 *     summed over PGlite, PostgreSQL and the two-instance run (one of two instances killed)
 *   p99TwoInstancesMs: the same 200 sync clients spread over TWO server instances on one PostgreSQL (as
 *     behind a load balancer), next to p99Ms
 *   conflictsAcrossInstances: { pairs, detected, lostUpdates }: pairs of pushes of one draft from the same
 *     base revision, one through each instance at once; each pair must give one 200 and one 409
 * Exits non-zero when any acknowledged write or update was lost.
 * PostgreSQL: DATABASE_URL, else a throwaway one from scripts/ci-postgres.sh, else the PG figures are null.
 * Progress goes to stderr. Every loop is bounded by count and time.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { SyncClient } from '../../utils/sync/client.ts';
import type { Draft } from '../../utils/contract/draft';
import { draftsResource } from '../../utils/sync/resources.ts';
import { memoryStorage } from '../../utils/sync/state.ts';
import { BENCH_ORIGIN, ownerWithOrg, pushBody, startServer, type Member, type ServerProc } from './sync/harness.ts';
import { rawUpsertRatePglite, rawUpsertRatePostgres } from './sync/raw.ts';
import { runSyncClientsInChild } from './sync/clients-child.ts';

interface AutocannonResult {
  latency: { p99: number; p50: number };
  '2xx': number;
  non2xx: number;
  errors: number;
  duration: number;
}
type Req = { method: string; path: string; headers: Record<string, string>; body: string };
const autocannon = createRequire(import.meta.url)('autocannon') as (opts: object) => Promise<AutocannonResult>;

const log = (...a: unknown[]) => console.error('[bench:sync]', ...a);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PUSH_SECONDS = 5;
/** Recorded seconds of the 200-client run (after 5 s of warm-up, ~3 cycles per client): ~2,000 pushes, so p99 rests on ~20. */
const P99_SECONDS = 15;

let seq = 0;
/** autocannon run of pushes, each to a new draft id, spread over the given members' organisations. */
async function pushLoad(
  url: string,
  members: Member[],
  connections: number,
  seconds: number,
): Promise<AutocannonResult> {
  return autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 20,
    requests: [
      {
        method: 'PUT',
        setupRequest: (req: Req) => {
          const i = ++seq;
          const m = members[i % members.length]!;
          return {
            ...req,
            method: 'PUT',
            path: `/api/orgs/${m.orgId}/drafts/bench-${i}`,
            body: pushBody(`bench-${i}`, i),
            headers: { 'content-type': 'application/json', authorization: `Bearer ${m.token}`, origin: BENCH_ORIGIN },
          };
        },
      },
    ],
  });
}

/** autocannon run of outbox flushes: each request a batch of `size` new drafts (what SyncClient sends). */
async function batchLoad(
  url: string,
  m: Member,
  connections: number,
  seconds: number,
  size: number,
): Promise<AutocannonResult> {
  return autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 20,
    requests: [
      {
        method: 'POST',
        setupRequest: (req: Req) => {
          const mutations = Array.from({ length: size }, () => {
            const i = ++seq;
            return { ...(JSON.parse(pushBody(`bench-${i}`, i)) as object), draftId: `bench-${i}` };
          });
          return {
            ...req,
            method: 'POST',
            path: `/api/orgs/${m.orgId}/drafts/batch`,
            body: JSON.stringify({ mutations }),
            headers: { 'content-type': 'application/json', authorization: `Bearer ${m.token}`, origin: BENCH_ORIGIN },
          };
        },
      },
    ],
  });
}

/**
 * Drafts pushed per second through the sync API as the client sends them (outbox batches of BATCH
 * drafts, each with its mutation id and base revision), divided by single-row upserts per second of the
 * same engine at the same concurrency. Single-draft PUT throughput is logged alongside for reference.
 */
const BATCH = 50;
async function throughputRatio(
  kind: 'pglite' | 'postgres',
  url: string,
  raw: () => Promise<number>,
  connections: number,
) {
  const owner = await ownerWithOrg(url, `Throughput${kind}`);
  await batchLoad(url, owner, connections, 1, BATCH); // warm-up
  const b = await batchLoad(url, owner, connections, PUSH_SECONDS, BATCH);
  const pushRate = (b['2xx'] * BATCH) / PUSH_SECONDS;
  const single = await pushLoad(url, [owner], connections, 2);
  const rawRate = await raw();
  log(
    `${kind}: batched push ${pushRate.toFixed(0)} drafts/s (batches of ${BATCH}, non2xx ${b.non2xx}, errors ${b.errors}, p50 ${b.latency.p50} ms); ` +
      `single PUT ${(single['2xx'] / 2).toFixed(0)}/s; raw single-row upsert ${rawRate.toFixed(0)}/s`,
  );
  return rawRate > 0 ? pushRate / rawRate : null;
}

async function initialSync(url: string): Promise<number> {
  const owner = await ownerWithOrg(url, 'InitialSync');
  const N = 10_000;
  let next = 0;
  let failed = 0;
  const deadline = Date.now() + 180_000;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < N && Date.now() < deadline && failed < 100) {
        const ids = Array.from({ length: Math.min(100, N - next) }, () => next++);
        const mutations = ids.map((i) => ({
          ...(JSON.parse(pushBody(`seed-${i}`, i)) as object),
          draftId: `seed-${i}`,
        }));
        const res = await fetch(`${url}/api/orgs/${owner.orgId}/drafts/batch`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${owner.token}`, origin: BENCH_ORIGIN },
          body: JSON.stringify({ mutations }),
        });
        if (!res.ok) failed++;
        else
          failed += ((await res.json()) as { results: { status: number }[] }).results.filter(
            (r) => r.status !== 200,
          ).length;
      }
    }),
  );
  if (next < N || failed) throw new Error(`seeding stopped at ${next} (${failed} failures)`);
  const client = new SyncClient<Draft>({
    resource: draftsResource,
    baseUrl: url,
    orgId: owner.orgId,
    storage: memoryStorage<Draft>(),
    fetch,
    getToken: () => owner.token,
    pageSize: 5000,
  });
  const t0 = performance.now();
  await client.pull();
  const ms = performance.now() - t0;
  const got = Object.keys((await client.snapshot()).server).length;
  if (got !== N) throw new Error(`initial sync pulled ${got} of ${N}`);
  return Math.round(ms);
}

/**
 * Pushes from 50 writers, SIGKILLs the server after `killAfterMs`, restarts it, and counts acknowledged
 * writes missing. With `other` (a second instance on the same database), the writers alternate between the
 * two, only `start`'s instance is killed, and the count is read through the survivor.
 */
async function faultRun(start: () => Promise<ServerProc>, killAfterMs: number, other?: ServerProc): Promise<number> {
  let server = await start();
  const owner = await ownerWithOrg(server.url, 'Fault');
  const urlFor = (n: number) => (other && n % 2 ? other.url : server.url);
  const acked = new Map<string, number>();
  let i = 0;
  let killed = false;
  const writers = Array.from({ length: 50 }, async () => {
    while (!killed && i < 200_000) {
      const id = `fault-${++i}`;
      try {
        const res = await fetch(`${urlFor(i)}/api/orgs/${owner.orgId}/drafts/${id}`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${owner.token}`, origin: BENCH_ORIGIN },
          body: pushBody(id, i),
        });
        if (res.status === 200) acked.set(id, ((await res.json()) as { item: { revision: number } }).item.revision);
        else await res.arrayBuffer();
      } catch {
        /* the server died under us: unacknowledged */
      }
    }
  });
  await new Promise((r) => setTimeout(r, killAfterMs));
  server.child.kill('SIGKILL');
  killed = true;
  await Promise.all(writers);
  await new Promise((r) =>
    server.child.exitCode !== null || server.child.signalCode ? r(null) : server.child.once('exit', r),
  );
  log(`fault: killed after ${acked.size} acknowledged pushes; restarting`);
  server = await start();
  const client = new SyncClient<Draft>({
    resource: draftsResource,
    baseUrl: (other ?? server).url,
    orgId: owner.orgId,
    storage: memoryStorage<Draft>(),
    fetch,
    getToken: () => owner.token,
    pageSize: 5000,
  });
  await client.pull();
  const present = (await client.snapshot()).server;
  let lost = 0;
  for (const [id, rev] of acked) if (!present[id] || present[id]!.revision < rev) lost++;
  await server.stop();
  log(`fault: ${lost} of ${acked.size} acknowledged writes missing after restart`);
  return lost;
}

function throwawayPostgres(): { url: string; dir: string } | null {
  try {
    const out = execFileSync(join(ROOT, 'scripts/ci-postgres.sh'), {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      timeout: 300_000,
    });
    const url = /DATABASE_URL='([^']+)'/.exec(out)?.[1];
    const dir = /WIREBOOST_PG_DIR='([^']+)'/.exec(out)?.[1];
    return url && dir ? { url, dir } : null;
  } catch (e) {
    log('no PostgreSQL available:', String(e));
    return null;
  }
}

/**
 * Two instances on one database must still detect every conflict: `pairs` times, a draft is created, then
 * pushed from the same base revision through each instance at once. One must win (200) and one be told
 * its base is stale (409); two 200s would be a lost update.
 */
async function conflictsAcrossInstances(a: string, b: string, m: Member, pairs: number) {
  const put = (url: string, id: string, i: number, base: number) =>
    fetch(`${url}/api/orgs/${m.orgId}/drafts/${id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${m.token}`, origin: BENCH_ORIGIN },
      body: pushBody(id, i, base),
    });
  let detected = 0;
  let lostUpdates = 0;
  for (let i = 0; i < pairs; i++) {
    const id = `pair-${i}-${Date.now().toString(36)}`;
    const created = await put(a, id, i, 0);
    const rev = ((await created.json()) as { item: { revision: number } }).item.revision;
    const [x, y] = await Promise.all([put(a, id, i + 1, rev), put(b, id, i + 2, rev)]);
    await Promise.all([x.arrayBuffer(), y.arrayBuffer()]);
    const codes = [x.status, y.status].sort().join();
    if (codes === '200,409') detected++;
    else if (codes === '200,200') lostUpdates++;
    else log(`conflict pair ${i}: unexpected statuses ${codes}`);
  }
  return { pairs, detected, lostUpdates };
}

/** Databases this run created on a PostgreSQL it was given: dropped at the end, so repeated runs leave no load behind. */
const created: { admin: string; name: string }[] = [];

/** A fresh database on the same PostgreSQL server for each run, so runs do not see each other's rows. */
async function freshDatabase(url: string): Promise<string> {
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  const name = `wb_bench_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  created.push({ admin: url, name });
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** `n` organisations, each with its owner signed in, named prefix0 … prefix(n-1). */
async function organisations(url: string, prefix: string, n: number): Promise<Member[]> {
  const members: Member[] = [];
  for (let k = 0; k < n; k++) members.push(await ownerWithOrg(url, `${prefix}${k}`));
  return members;
}

async function main() {
  const result = {
    pgliteRatio: null as number | null,
    postgresRatio: null as number | null,
    p99Ms: null as number | null,
    initialSync10kMs: null as number | null,
    lostWrites: null as number | null,
    p99TwoInstancesMs: null as number | null,
    conflictsAcrossInstances: null as { pairs: number; detected: number; lostUpdates: number } | null,
  };
  const tmp = mkdtempSync(join(tmpdir(), 'wb-bench-'));
  let pg: { url: string; dir?: string } | null = process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : null;
  try {
    pg ??= throwawayPostgres();
    // p99 first, before any phase writes hundreds of megabytes: the kernel writing those back stalled
    // PostgreSQL's commits (WAL flushes) for 30-45 ms every 10 s of the p99 run when it came later.
    if (pg) {
      const db = await freshDatabase(pg.url);
      const server = await startServer({ DATABASE_URL: db, dataDir: join(tmp, 'pg-p99') });
      const members = await organisations(server.url, 'P99team', 20);
      // p99Ms: 200 sync clients at the runner's real cadence (tests/bench/sync/clients.ts). Not autocannon:
      // its connectionRate is a whole number of requests per second per connection, released in a burst
      // at the start of each second by timers that all connections start together (200 requests at once,
      // every second), and its coordinated-omission correction for a rate r assumes an interval of
      // ceil(1/r) = 1 ms. Each client here has its own keep-alive connection, a random phase, and the
      // runner's push + pull + pull cycle every 1.5 s on its own clock (never overlapping). On a server and
      // database of its own, from a process of its own (clients-child.ts): the throughput runs leave tens
      // of thousands of rows, the maintenance they cause, and a large heap behind them.
      const clients = await runSyncClientsInChild({
        url: server.url,
        members,
        clients: 200,
        seconds: P99_SECONDS,
        warmupSeconds: 5,
      });
      result.p99Ms = Math.round(clients.push.p99);
      log(
        `postgres 200 sync clients (a cycle each 1.5 s per client: offered ${clients.offeredCyclesPerSecond.toFixed(0)} cycles/s, ` +
          `ran ${(clients.cycles / clients.seconds).toFixed(0)}/s): push p50 ${clients.push.p50} / p90 ${clients.push.p90} / p99 ${clients.push.p99} / max ${clients.push.max} ms ` +
          `(${clients.push.count}); pulls p50 ${clients.pull.p50} / p99 ${clients.pull.p99} ms (${clients.pull.count}); non2xx ${clients.non2xx}, errors ${clients.errors}; ` +
          `warm-up pushes (cold server, 200 clients connecting within 1.5 s; not in p99Ms) p50 ${clients.warmupPush.p50} / p99 ${clients.warmupPush.p99} ms (${clients.warmupPush.count})`,
      );
      await server.stop();

      // The same 200 clients, spread over two instances on one fresh database (as behind a load balancer).
      const shared = await freshDatabase(pg.url);
      const one = await startServer({ DATABASE_URL: shared, dataDir: join(tmp, 'pg-two-a') });
      const two = await startServer({ DATABASE_URL: shared, dataDir: join(tmp, 'pg-two-b') });
      const spread = await organisations(one.url, 'Twoteam', 20);
      const both = await runSyncClientsInChild({
        url: [one.url, two.url],
        members: spread,
        clients: 200,
        seconds: P99_SECONDS,
        warmupSeconds: 5,
      });
      result.p99TwoInstancesMs = Math.round(both.push.p99);
      log(
        `postgres 200 sync clients over TWO instances: push p50 ${both.push.p50} / p90 ${both.push.p90} / p99 ${both.push.p99} / max ${both.push.max} ms ` +
          `(${both.push.count}); pulls p99 ${both.pull.p99} ms; non2xx ${both.non2xx}, errors ${both.errors}`,
      );
      result.conflictsAcrossInstances = await conflictsAcrossInstances(one.url, two.url, spread[0]!, 200);
      log('conflicts across instances:', JSON.stringify(result.conflictsAcrossInstances));
      // Kill one of the two mid-load: writes it acknowledged must be there, read through the other.
      const killedDir = join(tmp, 'pg-two-a');
      await one.stop();
      const lostTwo = await faultRun(() => startServer({ DATABASE_URL: shared, dataDir: killedDir }), 3000, two);
      log(`two instances: ${lostTwo} acknowledged writes missing after one instance was killed`);
      result.lostWrites = (result.lostWrites ?? 0) + lostTwo;
      await two.stop();
    }
    // PGlite: throughput ratio and fault run.
    {
      const server = await startServer({ dataDir: join(tmp, 'pglite-a') });
      result.pgliteRatio = await throughputRatio(
        'pglite',
        server.url,
        () => rawUpsertRatePglite(join(tmp, 'pglite-raw'), PUSH_SECONDS),
        10,
      );
      if (!pg) result.initialSync10kMs = await initialSync(server.url);
      await server.stop();
      const dir = join(tmp, 'pglite-fault');
      const lost = await faultRun(() => startServer({ dataDir: dir }), 3000);
      result.lostWrites = (result.lostWrites ?? 0) + lost;
    }
    if (pg) {
      const db = await freshDatabase(pg.url);
      const server = await startServer({ DATABASE_URL: db, dataDir: join(tmp, 'pg') });
      const members = await organisations(server.url, 'Load', 20);
      result.postgresRatio = await throughputRatio(
        'postgres',
        server.url,
        () => rawUpsertRatePostgres(db, PUSH_SECONDS, 20),
        20,
      );
      // Saturation, for reference only: 200 connections firing single-draft PUTs back to back, closed loop.
      // Every connection always has a request queued, so latency ≈ 200 ÷ throughput: this is the queue of
      // an overloaded server on this machine, not the latency 200 clients see.
      await pushLoad(server.url, members, 200, 1);
      const sat = await pushLoad(server.url, members, 200, PUSH_SECONDS);
      log(
        `postgres saturation (200 closed-loop connections, PUT back to back; NOT the p99 target): p50 ${sat.latency.p50} ms, ` +
          `p99 ${sat.latency.p99} ms, ${(sat['2xx'] / PUSH_SECONDS).toFixed(0)} pushes/s, non2xx ${sat.non2xx}, errors ${sat.errors}`,
      );
      result.initialSync10kMs = await initialSync(server.url);
      await server.stop();
      const faultDb = await freshDatabase(pg.url);
      const lost = await faultRun(() => startServer({ DATABASE_URL: faultDb, dataDir: join(tmp, 'pg-fault') }), 3000);
      result.lostWrites = (result.lostWrites ?? 0) + lost;
    }
  } finally {
    for (const { admin, name } of created) {
      const sql = postgres(admin, { max: 1, onnotice: () => {} });
      await sql
        .unsafe(`drop database if exists ${name} with (force)`)
        .catch((e: unknown) => log(`could not drop ${name}:`, String(e)));
      await sql.end();
    }
    if (pg?.dir) execFileSync(join(ROOT, 'scripts/ci-postgres.sh'), ['stop', pg.dir], { stdio: 'ignore' });
    rmSync(tmp, { recursive: true, force: true });
  }
  const round = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
  console.log(
    JSON.stringify({ ...result, pgliteRatio: round(result.pgliteRatio), postgresRatio: round(result.postgresRatio) }),
  );
  const lost = (result.lostWrites ?? 0) + (result.conflictsAcrossInstances?.lostUpdates ?? 0);
  if (lost > 0) {
    console.error(`[bench:sync] ${lost} acknowledged writes or updates were lost`);
    process.exitCode = 1;
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (e) => {
    console.error('[bench:sync] failed', e);
    process.exit(1);
  },
);
