import type { Draft } from '../contract/draft';
import {
  BATCH_MAX,
  type BatchPushResponse,
  type PullResponse,
  type PushConflict,
  type PushOk,
  type SyncedDraft,
} from '../contract/sync';
import { threeWayMerge, applyChoices } from './merge';
import { DEFAULT_BACKOFF, backoffDelay, type BackoffPolicy } from './backoff';
import { emptyState, type Conflict, type PendingMutation, type SyncState, type SyncStorage } from './state';

export type SyncStatus = 'synced' | 'pending' | 'offline' | 'conflict';

export interface SyncClientOptions {
  /** Team server origin, e.g. http://127.0.0.1:8787 */
  baseUrl: string;
  orgId: string;
  storage: SyncStorage;
  fetch: typeof fetch;
  /** Bearer token from better-auth (set-auth-token header at sign-in); null when signed out. */
  getToken: () => Promise<string | null> | string | null;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => Date;
  newId?: () => string;
  backoff?: BackoffPolicy;
  pageSize?: number;
}

class Transient extends Error {}

/**
 * The extension's side of draft sync. Pure: storage, fetch, time and randomness are injected, so it runs
 * in the background script, in Node tests and against a real server alike.
 *
 * Edits go to a persisted outbox first (works offline). flush() pushes them in order, each with its
 * client mutation id and base revision; network failures and 5xx/429 are retried with jittered
 * exponential backoff, and a mutation keeps its id across retries, so a push whose reply was lost is
 * applied once. A 409 is merged three-way; clashing fields become a Conflict holding both versions.
 */
export class SyncClient {
  private state: SyncState = emptyState();
  private loaded = false;
  private offline = false;
  private running: Promise<unknown> = Promise.resolve();
  private readonly o: Required<Omit<SyncClientOptions, 'getToken'>> & Pick<SyncClientOptions, 'getToken'>;

  constructor(options: SyncClientOptions) {
    this.o = {
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
      random: Math.random,
      now: () => new Date(),
      newId: () => crypto.randomUUID(),
      backoff: DEFAULT_BACKOFF,
      pageSize: 1000,
      ...options,
    };
  }

  /** Runs one operation at a time: flush, pull and edits never interleave on the shared state. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.running.then(async () => {
      if (!this.loaded) {
        this.state = (await this.o.storage.load()) ?? emptyState();
        this.loaded = true;
      }
      return fn();
    });
    this.running = next.catch(() => undefined);
    return next;
  }

  private persist() {
    return this.o.storage.save(this.state);
  }

  status(): SyncStatus {
    if (this.state.conflicts.length) return 'conflict';
    if (this.offline) return 'offline';
    if (this.state.outbox.length) return 'pending';
    return 'synced';
  }

  snapshot(): Promise<SyncState> {
    return this.exclusive(async () => structuredClone(this.state));
  }

  /** The newest local version of a draft: the last pending edit, else the server copy. */
  view(id: string): Promise<Draft | null> {
    return this.exclusive(async () => this.localView(id));
  }

  private localView(id: string): Draft | null {
    const pending = this.state.outbox.filter((m) => m.draftId === id);
    const last = pending[pending.length - 1];
    if (last) return last.op === 'delete' ? null : last.draft!;
    const s = this.state.server[id];
    return s && !s.deleted ? s.draft : null;
  }

  /** Queue a local edit (new or changed draft). Persisted before it returns. */
  save(draft: Draft): Promise<void> {
    return this.exclusive(async () => {
      this.enqueue({ op: 'upsert', draftId: draft.id, draft });
      await this.persist();
    });
  }

  remove(id: string): Promise<void> {
    return this.exclusive(async () => {
      this.enqueue({ op: 'delete', draftId: id });
      await this.persist();
    });
  }

  private enqueue(m: { op: 'upsert' | 'delete'; draftId: string; draft?: Draft }) {
    const pending = this.state.outbox.filter((p) => p.draftId === m.draftId);
    const last = pending[pending.length - 1];
    // An unsent edit is replaced in place (same base); a sent one is immutable, so chain a new one.
    if (last && !last.sent) {
      last.op = m.op;
      last.draft = m.draft;
      return;
    }
    const server = this.state.server[m.draftId];
    this.state.outbox.push({
      mutationId: this.o.newId(),
      draftId: m.draftId,
      op: m.op,
      draft: m.draft,
      baseRevision: last ? -1 : server ? server.revision : 0,
      base: last ? (last.draft ?? null) : server && !server.deleted ? server.draft : null,
      sent: false,
    });
  }

  /** Push / pull / both. Each returns the status afterwards. */
  flush(): Promise<SyncStatus> {
    return this.exclusive(() => this.flushNow());
  }

  pull(): Promise<SyncStatus> {
    return this.exclusive(() => this.pullNow());
  }

  sync(): Promise<SyncStatus> {
    return this.exclusive(async () => {
      await this.flushNow();
      if (!this.offline) await this.pullNow();
      return this.status();
    });
  }

  /**
   * A person resolved a conflict: `choices` maps each clashing path to the value to keep (local,
   * server or typed anew). The result is queued on top of the server copy.
   */
  resolve(conflictId: string, choices: Record<string, unknown>): Promise<void> {
    return this.exclusive(async () => {
      const c = this.state.conflicts.find((x) => x.id === conflictId);
      if (!c) return;
      this.state.conflicts = this.state.conflicts.filter((x) => x.id !== conflictId);
      const start = c.merged ?? c.local ?? c.server?.draft;
      if (start && c.reason !== 'locked') {
        if (c.server) this.state.server[c.draftId] = c.server;
        this.enqueue({ op: 'upsert', draftId: c.draftId, draft: applyChoices(start, choices) });
      }
      await this.persist();
    });
  }

  /** Drop a conflict keeping the server's version. */
  discard(conflictId: string): Promise<void> {
    return this.exclusive(async () => {
      this.state.conflicts = this.state.conflicts.filter((x) => x.id !== conflictId);
      await this.persist();
    });
  }

  private async request(path: string, init: RequestInit = {}): Promise<Response> {
    const token = await this.o.getToken();
    const headers = new Headers(init.headers);
    if (token) headers.set('authorization', `Bearer ${token}`);
    if (init.body) headers.set('content-type', 'application/json');
    let res: Response;
    try {
      res = await this.o.fetch(`${this.o.baseUrl}/api/orgs/${encodeURIComponent(this.o.orgId)}${path}`, {
        ...init,
        headers,
      });
    } catch (e) {
      throw new Transient(String(e));
    }
    if (res.status >= 500 || res.status === 429 || res.status === 401) throw new Transient(`HTTP ${res.status}`);
    return res;
  }

  /** Retries transient failures with backoff; gives up (offline) after the policy's attempts. */
  private async withRetry(fn: () => Promise<Response>): Promise<Response | null> {
    for (let attempt = 0; attempt < this.o.backoff.attempts; attempt++) {
      try {
        const res = await fn();
        this.offline = false;
        return res;
      } catch (e) {
        if (!(e instanceof Transient)) throw e;
        if (attempt + 1 < this.o.backoff.attempts)
          await this.o.sleep(backoffDelay(this.o.backoff, attempt, this.o.random));
      }
    }
    this.offline = true;
    return null;
  }

  /**
   * Sends the outbox in batches: the oldest pending mutation of each draft (a draft's later edits wait
   * for its earlier one to be acknowledged), up to BATCH_MAX per request.
   */
  private async flushNow(): Promise<SyncStatus> {
    for (let round = 0; round < 100_000 && this.state.outbox.length; round++) {
      const heads: PendingMutation[] = [];
      const seen = new Set<string>();
      for (const m of this.state.outbox) {
        if (seen.has(m.draftId)) continue;
        seen.add(m.draftId);
        if (m.baseRevision >= 0) heads.push(m);
        if (heads.length === BATCH_MAX) break;
      }
      if (!heads.length) break;
      if (heads.some((m) => !m.sent)) {
        for (const m of heads) m.sent = true; // from here on frozen: retries resend exactly these
        await this.persist();
      }
      const body = {
        mutations: heads.map((m) =>
          m.op === 'upsert'
            ? {
                op: 'upsert',
                draftId: m.draftId,
                mutationId: m.mutationId,
                baseRevision: m.baseRevision,
                draft: m.draft,
              }
            : { op: 'delete', draftId: m.draftId, mutationId: m.mutationId, baseRevision: m.baseRevision },
        ),
      };
      const res = await this.withRetry(() =>
        this.request('/drafts/batch', { method: 'POST', body: JSON.stringify(body) }),
      );
      if (!res) return this.status();
      const replies = new Map<string, { status: number; body: unknown }>();
      if (res.status === 200) {
        for (const r of ((await res.json()) as BatchPushResponse).results) replies.set(r.mutationId, r);
      } else {
        const text = await res.text();
        for (const m of heads) replies.set(m.mutationId, { status: res.status, body: text });
      }
      for (const m of heads) {
        const reply = replies.get(m.mutationId);
        if (!reply) continue;
        this.state.outbox = this.state.outbox.filter((x) => x.mutationId !== m.mutationId);
        await this.handleReply(m, reply.status, reply.body);
      }
      await this.persist();
    }
    return this.status();
  }

  private async handleReply(m: PendingMutation, status: number, body: unknown) {
    if (status === 200) this.acknowledge(m, (body as PushOk).item);
    else if (status === 409 && (body as PushConflict).error === 'conflict')
      await this.onConflict(m, body as PushConflict);
    else if (status === 423) {
      this.park(
        m,
        'locked',
        (body as { server?: SyncedDraft }).server ?? null,
        'the draft is approved or sent; reopen it to edit',
      );
    } else {
      this.park(
        m,
        'rejected',
        this.state.server[m.draftId] ?? null,
        `server refused the change (HTTP ${status}): ${typeof body === 'string' ? body : JSON.stringify(body)}`,
      );
    }
  }

  private acknowledge(m: PendingMutation, item: SyncedDraft) {
    this.state.server[item.id] = item;
    // Later edits of the same draft were made on top of this one: rebase them on the new revision.
    for (const later of this.state.outbox) {
      if (later.draftId === m.draftId && later.baseRevision === -1) {
        later.baseRevision = item.revision;
        later.base = item.deleted ? null : item.draft;
        break;
      }
    }
  }

  private async onConflict(m: PendingMutation, reply: PushConflict) {
    const server = reply.server;
    if (server) this.state.server[server.id] = server;
    const later = this.takeLater(m.draftId);
    const local = later.length ? later[later.length - 1]! : m;
    const localDraft = local.op === 'upsert' ? local.draft! : null;
    if (!server || server.deleted || !localDraft) {
      // Deleted on one side, edited on the other: a person decides.
      if (!server && localDraft) return this.requeue(m.draftId, localDraft, 0, null);
      if (server?.deleted && !localDraft) return; // both deleted: nothing to do
      return this.park(
        { ...m, draft: localDraft ?? undefined },
        server?.deleted ? 'deleted_on_server' : 'clash',
        server,
        undefined,
      );
    }
    const base = m.base ?? server.draft;
    const { merged, clashes } = threeWayMerge(base, localDraft, server.draft);
    if (clashes.length === 0) return this.requeue(m.draftId, merged, server.revision, server.draft);
    this.state.conflicts.push({
      id: this.o.newId(),
      draftId: m.draftId,
      reason: 'clash',
      base: m.base,
      local: localDraft,
      server,
      merged,
      clashes,
      at: this.o.now().toISOString(),
    });
  }

  private takeLater(draftId: string): PendingMutation[] {
    const later = this.state.outbox.filter((x) => x.draftId === draftId);
    this.state.outbox = this.state.outbox.filter((x) => x.draftId !== draftId);
    return later;
  }

  private requeue(draftId: string, draft: Draft, baseRevision: number, base: Draft | null) {
    this.state.outbox.unshift({
      mutationId: this.o.newId(),
      draftId,
      op: 'upsert',
      draft,
      baseRevision,
      base,
      sent: false,
    });
  }

  private park(
    m: PendingMutation,
    reason: Conflict['reason'],
    server: SyncedDraft | null,
    message: string | undefined,
  ) {
    const later = this.takeLater(m.draftId);
    const last = later.length ? later[later.length - 1]! : m;
    if (server) this.state.server[server.id] = server;
    this.state.conflicts.push({
      id: this.o.newId(),
      draftId: m.draftId,
      reason,
      message,
      base: m.base,
      local: last.draft ?? null,
      server,
      merged: null,
      clashes: [],
      at: this.o.now().toISOString(),
    });
  }

  private async pullNow(): Promise<SyncStatus> {
    for (let page = 0; page < 10_000; page++) {
      const res = await this.withRetry(() =>
        this.request(`/drafts?since=${this.state.cursor}&limit=${this.o.pageSize}`),
      );
      if (!res) return this.status();
      if (res.status !== 200) {
        this.offline = true;
        return this.status();
      }
      const body = (await res.json()) as PullResponse;
      for (const item of body.items) {
        // Pending local edits keep their own base: a newer server copy is handled by the 409 on push.
        this.state.server[item.id] = item;
      }
      this.state.cursor = body.cursor;
      await this.persist();
      if (!body.hasMore) break;
    }
    return this.status();
  }
}
