import { threeWayMerge, applyChoices } from './merge';
import { DEFAULT_BACKOFF, backoffDelay, type BackoffPolicy } from './backoff';
import {
  emptyState,
  viewIn,
  type Conflict,
  type PendingMutation,
  type SyncedItem,
  type SyncState,
  type SyncStorage,
} from './state';
import type { PushReply, SyncResource } from './resources';

/** `refused`: nothing else is wrong, but the server refused some change for good (parked on its draft). */
export type SyncStatus = 'synced' | 'pending' | 'offline' | 'conflict' | 'refused';

export interface SyncClientOptions<Doc> {
  /** What is synced: drafts or releases (utils/sync/resources.ts). */
  resource: SyncResource<Doc>;
  /** Team server origin, e.g. http://127.0.0.1:8787 */
  baseUrl: string;
  orgId: string;
  storage: SyncStorage<Doc>;
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

class Transient extends Error {
  constructor(
    message: string,
    /** 'server': the server answered 5xx (or 413): it is up but would not take this; else the network or a session. */
    readonly kind: 'network' | 'server' | 'session',
  ) {
    super(message);
  }
}

/**
 * The extension's side of team sync, for one resource (drafts, releases). Pure: storage, fetch, time and
 * randomness are injected, so it runs in the background script, in Node tests and against a real server.
 *
 * Edits go to a persisted outbox first (works offline). flush() pushes them in order, each with its
 * client mutation id and base revision; network failures and 5xx/429 are retried with jittered
 * exponential backoff, and a mutation keeps its id across retries, so a push whose reply was lost is
 * applied once. A 409 is merged three-way; clashing fields become a Conflict holding both versions.
 */
export class SyncClient<Doc extends object> {
  private state: SyncState<Doc> = emptyState();
  private loaded = false;
  private offline = false;
  /** Why the last request gave up: a server that answers but fails this request is not an offline one. */
  private lastFailure: Transient | null = null;
  private running: Promise<unknown> = Promise.resolve();
  private readonly o: Required<Omit<SyncClientOptions<Doc>, 'getToken'>> & Pick<SyncClientOptions<Doc>, 'getToken'>;

  constructor(options: SyncClientOptions<Doc>) {
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
    if (this.state.conflicts.some((c) => c.reason !== 'rejected')) return 'conflict';
    if (this.offline) return 'offline';
    if (this.state.outbox.length) return 'pending';
    if (this.state.conflicts.length) return 'refused';
    return 'synced';
  }

  snapshot(): Promise<SyncState<Doc>> {
    return this.exclusive(async () => structuredClone(this.state));
  }

  /** The newest local version of a document: the last pending edit, else the server copy. */
  view(id: string): Promise<Doc | null> {
    return this.exclusive(async () => viewIn(this.state, id));
  }

  /** Queue a local edit (new or changed document). Persisted before it returns. */
  save(id: string, doc: Doc): Promise<void> {
    return this.exclusive(async () => {
      this.enqueue({ op: 'upsert', docId: id, doc });
      await this.persist();
    });
  }

  remove(id: string): Promise<void> {
    return this.exclusive(async () => {
      this.enqueue({ op: 'delete', docId: id });
      await this.persist();
    });
  }

  private enqueue(m: { op: 'upsert' | 'delete'; docId: string; doc?: Doc }) {
    // Editing a document the server refused for good is a new attempt: the refusal goes, the edit is queued.
    this.state.conflicts = this.state.conflicts.filter((c) => !(c.docId === m.docId && c.reason === 'rejected'));
    const pending = this.state.outbox.filter((p) => p.docId === m.docId);
    const last = pending[pending.length - 1];
    // An unsent edit is replaced in place (same base); a sent one is immutable, so chain a new one.
    if (last && !last.sent) {
      last.op = m.op;
      last.doc = m.doc;
      return;
    }
    const server = this.state.server[m.docId];
    this.state.outbox.push({
      mutationId: this.o.newId(),
      docId: m.docId,
      op: m.op,
      doc: m.doc,
      baseRevision: last ? -1 : server ? server.revision : 0,
      base: last ? (last.doc ?? null) : server && !server.deleted ? server.doc : null,
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
      const start = c.merged ?? c.local ?? c.server?.doc;
      if (start && c.reason !== 'locked') {
        if (c.server) this.state.server[c.docId] = c.server;
        this.enqueue({ op: 'upsert', docId: c.docId, doc: applyChoices(start, choices) });
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
      throw new Transient(String(e), 'network');
    }
    if (res.status >= 500) throw new Transient(`HTTP ${res.status}`, 'server');
    if (res.status === 429 || res.status === 401) throw new Transient(`HTTP ${res.status}`, 'session');
    return res;
  }

  /** Retries transient failures with backoff; gives up (offline) after the policy's attempts. */
  private readonly requestWithRetry = async (path: string, init?: RequestInit): Promise<Response | null> => {
    this.lastFailure = null;
    for (let attempt = 0; attempt < this.o.backoff.attempts; attempt++) {
      try {
        const res = await this.request(path, init);
        this.offline = false;
        return res;
      } catch (e) {
        if (!(e instanceof Transient)) throw e;
        this.lastFailure = e;
        if (attempt + 1 < this.o.backoff.attempts)
          await this.o.sleep(backoffDelay(this.o.backoff, attempt, this.o.random));
      }
    }
    this.offline = true;
    return null;
  };

  /**
   * Push mutations; when the server keeps failing them (5xx after every retry, not the network), find the
   * one it cannot take: halves are pushed on their own, and a single mutation the server still fails —
   * while it answers a pull — is refused for good (parked on its draft), so every other draft keeps syncing.
   */
  private async pushIsolating(heads: PendingMutation<Doc>[]): Promise<Map<string, PushReply<Doc>> | null> {
    const replies = await this.o.resource.push(this.requestWithRetry, heads);
    // A batch refused whole for its size (413) is split like one the server fails on.
    const tooLarge = !!replies && heads.length > 1 && heads.every((m) => replies.get(m.mutationId)?.status === 413);
    if (replies && !tooLarge) return replies;
    if (!tooLarge && this.lastFailure?.kind !== 'server') return replies;
    if (heads.length > 1) {
      const mid = Math.ceil(heads.length / 2);
      const first = await this.pushIsolating(heads.slice(0, mid));
      if (!first) return null;
      const second = await this.pushIsolating(heads.slice(mid));
      return new Map([...first, ...(second ?? [])]);
    }
    const failure = this.lastFailure?.message ?? 'HTTP 500';
    if (!(await this.serverAnswers())) return null;
    return new Map([
      [heads[0]!.mutationId, { status: 500, item: null, message: `the server could not store it (${failure})` }],
    ]);
  }

  /** Whether the server answers at all (a one-item pull): a failing push is then about that push. */
  private async serverAnswers(): Promise<boolean> {
    try {
      const res = await this.request(`${this.o.resource.path}?since=${this.state.cursor}&limit=1`);
      await res.body?.cancel();
      this.offline = false;
      return res.ok;
    } catch {
      this.offline = true;
      return false;
    }
  }

  /**
   * Sends the outbox in batches: the oldest pending mutation of each document (a document's later edits
   * wait for its earlier one to be acknowledged), up to the resource's batch size per push.
   */
  private async flushNow(): Promise<SyncStatus> {
    for (let round = 0; round < 100_000 && this.state.outbox.length; round++) {
      const heads: PendingMutation<Doc>[] = [];
      const seen = new Set<string>();
      for (const m of this.state.outbox) {
        if (seen.has(m.docId)) continue;
        seen.add(m.docId);
        if (m.baseRevision >= 0) heads.push(m);
        if (heads.length === this.o.resource.batchMax) break;
      }
      if (!heads.length) break;
      if (heads.some((m) => !m.sent)) {
        for (const m of heads) m.sent = true; // from here on frozen: retries resend exactly these
        await this.persist();
      }
      const replies = await this.pushIsolating(heads);
      if (!replies) return this.status();
      for (const m of heads) {
        const reply = replies.get(m.mutationId);
        if (!reply) continue;
        this.state.outbox = this.state.outbox.filter((x) => x.mutationId !== m.mutationId);
        this.handleReply(m, reply);
      }
      await this.persist();
      if (replies.size < heads.length) return this.status(); // went offline part-way: the rest waits
    }
    return this.status();
  }

  private handleReply(m: PendingMutation<Doc>, reply: PushReply<Doc>) {
    if (reply.status === 200) this.acknowledge(m, reply.item);
    else if (reply.status === 409 && this.o.resource.conflicts) this.onConflict(m, reply.item);
    else if (reply.status === 423) {
      this.park(m, 'locked', reply.item, 'the draft is approved or sent; reopen it to edit');
    } else {
      this.park(
        m,
        'rejected',
        this.state.server[m.docId] ?? null,
        `the server refused this change (HTTP ${reply.status})${reply.message ? `: ${reply.message}` : ''}`,
      );
    }
  }

  private acknowledge(m: PendingMutation<Doc>, item: SyncedItem<Doc> | null) {
    if (!item) return;
    this.state.server[item.id] = item;
    // Later edits of the same document were made on top of this one: rebase them on the new revision.
    for (const later of this.state.outbox) {
      if (later.docId === m.docId && later.baseRevision === -1) {
        later.baseRevision = item.revision;
        later.base = item.deleted ? null : item.doc;
        break;
      }
    }
  }

  private onConflict(m: PendingMutation<Doc>, server: SyncedItem<Doc> | null) {
    if (server) this.state.server[server.id] = server;
    const later = this.takeLater(m.docId);
    const local = later.length ? later[later.length - 1]! : m;
    const localDoc = local.op === 'upsert' ? local.doc! : null;
    if (!server || server.deleted || !localDoc) {
      // Deleted on one side, edited on the other: a person decides.
      if (!server && localDoc) return this.requeue(m.docId, localDoc, 0, null);
      if (server?.deleted && !localDoc) return; // both deleted: nothing to do
      return this.park(
        { ...m, doc: localDoc ?? undefined },
        server?.deleted ? 'deleted_on_server' : 'clash',
        server,
        undefined,
      );
    }
    const base = m.base ?? server.doc;
    const { merged, clashes } = threeWayMerge(base, localDoc, server.doc);
    if (clashes.length === 0) return this.requeue(m.docId, merged, server.revision, server.doc);
    this.state.conflicts.push({
      id: this.o.newId(),
      docId: m.docId,
      reason: 'clash',
      base: m.base,
      local: localDoc,
      server,
      merged,
      clashes,
      at: this.o.now().toISOString(),
    });
  }

  private takeLater(docId: string): PendingMutation<Doc>[] {
    const later = this.state.outbox.filter((x) => x.docId === docId);
    this.state.outbox = this.state.outbox.filter((x) => x.docId !== docId);
    return later;
  }

  private requeue(docId: string, doc: Doc, baseRevision: number, base: Doc | null) {
    this.state.outbox.unshift({
      mutationId: this.o.newId(),
      docId,
      op: 'upsert',
      doc,
      baseRevision,
      base,
      sent: false,
    });
  }

  private park(
    m: PendingMutation<Doc>,
    reason: Conflict<Doc>['reason'],
    server: SyncedItem<Doc> | null,
    message: string | undefined,
  ) {
    const later = this.takeLater(m.docId);
    const last = later.length ? later[later.length - 1]! : m;
    if (server) this.state.server[server.id] = server;
    this.state.conflicts.push({
      id: this.o.newId(),
      docId: m.docId,
      reason,
      message,
      base: m.base,
      local: last.doc ?? null,
      server,
      merged: null,
      clashes: [],
      at: this.o.now().toISOString(),
    });
  }

  private async pullNow(): Promise<SyncStatus> {
    const { path } = this.o.resource;
    for (let page = 0; page < 10_000; page++) {
      const res = await this.requestWithRetry(`${path}?since=${this.state.cursor}&limit=${this.o.pageSize}`);
      if (!res) return this.status();
      const body = res.status === 200 ? this.o.resource.parsePull(await res.json().catch(() => null)) : null;
      if (!body) {
        this.offline = true;
        return this.status();
      }
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
