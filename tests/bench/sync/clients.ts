import { Agent, request } from 'node:http';
import { randomUUID } from 'node:crypto';
import { BENCH_ORIGIN, draftDoc, type Member } from './harness.ts';

/**
 * 200 concurrent sync clients, each doing what the extension's sync runner does, at the fastest cadence
 * it can (the model behind p99Ms in tests/bench/sync.bench.ts):
 *
 * - utils/team/runner.ts: a local change goes into the SyncClient's outbox at once and schedules one
 *   sync cycle `debounceMs` (1,500 ms) after the LAST change (the timer restarts on every change); the
 *   background adds a cycle on a one-minute alarm. Cycles run one at a time (the runner's queue).
 * - utils/sync/client.ts, sync(): flush() sends the outbox heads as ONE `POST /drafts/batch` (one
 *   mutation when one draft was edited since the last cycle), then pull() does `GET /drafts?since=cursor`;
 *   then the runner's syncReleases() does `GET /releases?since=cursor`.
 *
 * The debounce timer runs on the user's clock: it starts at their edit, not when the server answers. So
 * the fastest a client can go is one cycle every 1.5 s on its own timeline (each edit lands just as the
 * previous debounce fires), a cycle that is still running when the next is due delays it (the queue),
 * and a backlog collapses into one cycle (the outbox sends the latest head of each draft). Every simulated
 * client runs exactly that: cycle k at phase + k × 1.5 s, or right after cycle k−1 if that overran; a
 * cycle pushes one edited draft (an update of one of its own drafts with the revision it last got back,
 * as the outbox would), pulls drafts since its cursor (it sees its teammates' edits) and pulls releases
 * since its cursor. Each client has its own keep-alive connection and a random phase (real users are not
 * synchronised). An earlier version waited 1.5 s after the previous cycle ENDED: that ties every client's
 * schedule to the server's latency, so clients slowed by one burst came back together 1.5 s later and
 * the bursts grew through the run (the most pushes sent within 50 ms rose from ~15 to ~25 in 15 s), a
 * lockstep real users do not have. 200 such clients offer ~133 pushes/s and ~267 pulls/s, far more than
 * 200 people really produce (the one-minute alarm alone is 3.3 cycles/s).
 * Latency is measured per request, from sending it to the last byte of the reply, as a client sees it,
 * for the requests sent after the warm-up (steady state; see `timed`).
 */
export interface ClientLoadResult {
  push: Latencies;
  pull: Latencies;
  /** Pushes sent during the warm-up (cold server, every client connecting): reported, not in `push`. */
  warmupPush: Latencies;
  cycles: number;
  seconds: number;
  /** Cycles per second offered: clients / (debounce / 1000). */
  offeredCyclesPerSecond: number;
  errors: number;
  non2xx: number;
}

export interface Latencies {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

function summarise(ms: number[]): Latencies {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => (s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]! : NaN);
  const r = (v: number) => Math.round(v * 10) / 10;
  return { count: s.length, p50: r(at(0.5)), p90: r(at(0.9)), p99: r(at(0.99)), max: r(s[s.length - 1] ?? NaN) };
}

interface Reply {
  status: number;
  body: string;
}

function send(agent: Agent, url: URL, method: string, path: string, token: string, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method,
        path,
        headers: {
          authorization: `Bearer ${token}`,
          origin: BENCH_ORIGIN,
          ...(body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}),
        },
        timeout: 20_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Runs `clients` simulated sync clients spread evenly over `members` (one member = one organisation and
 * its owner's bearer session; several clients of one member are that person's browsers) for `warmup`
 * seconds unrecorded and then `seconds` recorded.
 */
export async function runSyncClients(opts: {
  /** One server, or several instances on one database: client k talks to url[k % n] (a load balancer). */
  url: string | string[];
  members: Member[];
  clients: number;
  seconds: number;
  warmupSeconds: number;
  debounceMs?: number;
  draftsPerClient?: number;
}): Promise<ClientLoadResult> {
  const debounceMs = opts.debounceMs ?? 1500;
  const draftsPerClient = opts.draftsPerClient ?? 5;
  const urls = (Array.isArray(opts.url) ? opts.url : [opts.url]).map((u) => new URL(u));
  const pushMs: number[] = [];
  const pullMs: number[] = [];
  const warmupPushMs: number[] = [];
  let errors = 0;
  let non2xx = 0;
  let cycles = 0;
  const t0 = Date.now();
  const recordFrom = t0 + opts.warmupSeconds * 1000;
  const end = recordFrom + opts.seconds * 1000;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const run = 'c' + randomUUID().slice(0, 6);

  // Recorded: requests SENT inside the window. The warm-up covers the start, when all clients open their
  // connections and make their first pushes within 1.5 s of each other on a cold server (JIT, statements
  // prepared per pooled connection): its pushes are returned apart (`warmupPush`) and logged, not hidden.
  const timed = async (
    agent: Agent,
    url: URL,
    method: string,
    path: string,
    token: string,
    into: number[],
    body?: string,
  ) => {
    const sentAt = Date.now();
    const start = performance.now();
    const res = await send(agent, url, method, path, token, body);
    if (sentAt >= recordFrom && sentAt < end) {
      into.push(performance.now() - start);
      if (res.status !== 200) non2xx++;
    } else if (sentAt < recordFrom && into === pushMs) warmupPushMs.push(performance.now() - start);
    return res;
  };

  await Promise.all(
    Array.from({ length: opts.clients }, async (_, k) => {
      const m = opts.members[k % opts.members.length]!;
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      const url = urls[k % urls.length]!;
      const base = `/api/orgs/${encodeURIComponent(m.orgId)}`;
      const revisions = new Map<string, number>();
      let draftCursor = 0;
      let releaseCursor = 0;
      let edit = 0;
      let due = Date.now() + debounceMs + Math.random() * debounceMs; // random phase
      while (Date.now() < end) {
        await sleep(due - Date.now());
        if (Date.now() >= end) break;
        // The next edit's debounce fires 1.5 s after this one's on the user's clock; if this cycle overruns
        // it, the queued cycle starts as soon as this one ends (and only one: the outbox coalesces).
        due = Math.max(due + debounceMs, Date.now());
        try {
          // flush(): the outbox head of the one draft edited since the last cycle.
          const id = `${run}-${k}-${edit++ % draftsPerClient}`;
          const mutation = {
            draftId: id,
            op: 'upsert',
            mutationId: `m-${randomUUID()}`,
            baseRevision: revisions.get(id) ?? 0,
            draft: { ...draftDoc(id, edit), headline: `Edit ${edit} by client ${k}` },
          };
          const pushed = await timed(
            agent,
            url,
            'POST',
            `${base}/drafts/batch`,
            m.token,
            pushMs,
            JSON.stringify({ mutations: [mutation] }),
          );
          if (pushed.status === 200) {
            const [r] = (
              JSON.parse(pushed.body) as {
                results: {
                  status: number;
                  body: { item?: { revision: number }; server?: { revision: number } | null };
                }[];
              }
            ).results;
            const rev = r?.status === 200 ? r.body.item?.revision : r?.body.server?.revision; // on 409 the client rebases
            if (rev !== undefined) revisions.set(id, rev);
          }
          // pull(): everything the team changed since this client's cursor.
          const pulled = await timed(
            agent,
            url,
            'GET',
            `${base}/drafts?since=${draftCursor}&limit=1000`,
            m.token,
            pullMs,
          );
          if (pulled.status === 200) draftCursor = (JSON.parse(pulled.body) as { cursor: number }).cursor;
          // syncReleases(): the team's releases since its cursor.
          const rel = await timed(
            agent,
            url,
            'GET',
            `${base}/releases?since=${releaseCursor}&limit=1000`,
            m.token,
            pullMs,
          );
          if (rel.status === 200) releaseCursor = (JSON.parse(rel.body) as { cursor: number }).cursor;
          if (Date.now() >= recordFrom && Date.now() < end) cycles++;
        } catch {
          if (Date.now() >= recordFrom) errors++;
        }
      }
      agent.destroy();
    }),
  );

  return {
    push: summarise(pushMs),
    pull: summarise(pullMs),
    warmupPush: summarise(warmupPushMs),
    cycles,
    seconds: opts.seconds,
    offeredCyclesPerSecond: opts.clients / (debounceMs / 1000),
    errors,
    non2xx,
  };
}
