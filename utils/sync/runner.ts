import type { Draft, StoredRelease } from '../contract/draft';
import { SyncClient, type SyncClientOptions } from './client';
import { applyChoices, sameValue, threeWayMerge } from './merge';
import { emptyState, type SyncState, type SyncStorage } from './state';
import { OFF_STATUS, type StoredSyncState, type TeamConnection, type TeamSyncStatus } from '../team/types';

/** The slice of a WXT storage item the runner uses (tests pass plain in-memory items). */
export interface Item<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  watch(cb: (next: T, prev: T) => void): () => void;
}

export interface SyncRunnerDeps {
  drafts: Item<Record<string, Draft>>;
  /** Boosted releases (shared with the team too, last write wins: extractions are facts). Optional. */
  releases?: Item<Record<string, StoredRelease>>;
  team: Item<TeamConnection | null>;
  syncState: Item<StoredSyncState | null>;
  status: Item<TeamSyncStatus | null>;
  fetch: typeof fetch;
  /** Delay between a local change and the push (ms). */
  debounceMs?: number;
  /** Extra SyncClient options (tests: sleep, backoff, newId). */
  client?: Partial<Omit<SyncClientOptions, 'baseUrl' | 'orgId' | 'storage' | 'fetch' | 'getToken'>>;
  now?: () => Date;
}

export interface SyncRunner {
  /** Reads the connection, watches drafts and the connection, syncs once. */
  start(): Promise<void>;
  stop(): void;
  /** Push the outbox and pull, now (alarm, "Sync now", tests). Resolves with the status written. */
  syncNow(): Promise<TeamSyncStatus>;
  /** A person picked a value for each clashing field (path → value): queued and pushed. */
  resolve(conflictId: string, choices: Record<string, unknown>): Promise<TeamSyncStatus>;
  /** Drop a conflict keeping the server's version (written into local drafts). */
  discard(conflictId: string): Promise<TeamSyncStatus>;
  /** Resolves when every queued step has run (tests). */
  idle(): Promise<void>;
}

function viewIn(state: SyncState, id: string): Draft | null {
  const pending = state.outbox.filter((m) => m.draftId === id);
  const last = pending[pending.length - 1];
  if (last) return last.op === 'delete' ? null : (last.draft ?? null);
  const s = state.server[id];
  return s && !s.deleted ? s.draft : null;
}

/** Whose sync state this is (also read by the send service to find the server copy of a draft). */
export const syncKeyOf = (t: TeamConnection) => `${t.serverUrl}|${t.orgId}|${t.user.id}`;
const keyOf = syncKeyOf;

/** SyncClient storage on a storage item, tagged with the connection: another server / org / user starts empty. */
export function itemSyncStorage(item: Item<StoredSyncState | null>, key: string): SyncStorage {
  return {
    async load() {
      const stored = await item.getValue();
      return stored && stored.key === key ? stored.state : undefined;
    },
    async save(state: SyncState) {
      await item.setValue({ key, state });
    },
  };
}

/**
 * Connects local drafts (`local:drafts`) to the team server through a SyncClient:
 * - a local change (new, edited, deleted draft) goes into the client's persisted outbox at once, and a
 *   push + pull follows after `debounceMs`; the background also calls syncNow() on a one-minute alarm;
 * - pulled server copies are written into local drafts only where the local copy has no unsynced edit
 *   (no pending mutation, no open conflict, and unchanged since the last known server copy);
 * - the status (synced / pending / offline / conflict, with the conflicts) goes to a storage item the
 *   popup reads.
 * Every step runs one at a time, in order.
 */
export function createSyncRunner(deps: SyncRunnerDeps): SyncRunner {
  const debounceMs = deps.debounceMs ?? 1500;
  const now = deps.now ?? (() => new Date());
  let client: SyncClient | null = null;
  let team: TeamConnection | null = null;
  let chain: Promise<unknown> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let unwatch: (() => void)[] = [];
  let lastSyncAt: string | null = null;
  let message: string | null = null;
  /**
   * For drafts edited locally while a pull replaced their server copy: the server copy the edit started
   * from, so the edit is merged three-way instead of being pushed on top of a copy it never saw.
   */
  const editedFrom = new Map<string, Draft | null>();
  /** The last HTTP status the server answered (401 = the session ended: say so rather than "offline"). */
  let lastHttp: number | null = null;
  /** Release ids the server has (from pulls since this runner connected) and the release pull cursor. */
  let releaseIds = new Set<string>();
  let releaseCursor = 0;

  const queue = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = chain.then(fn);
    chain = next.catch((e) => {
      message = e instanceof Error ? e.message : String(e);
    });
    return next;
  };

  function connect(t: TeamConnection | null) {
    team = t;
    editedFrom.clear();
    releaseIds = new Set();
    releaseCursor = 0;
    lastHttp = null;
    client =
      t && t.orgId
        ? new SyncClient({
            ...deps.client,
            baseUrl: t.serverUrl,
            orgId: t.orgId,
            storage: itemSyncStorage(deps.syncState, keyOf(t)),
            fetch: async (input, init) => {
              const res = await deps.fetch(input, init);
              lastHttp = res.status;
              return res;
            },
            getToken: () => team?.token ?? null,
          })
        : null;
  }

  async function writeStatus(): Promise<TeamSyncStatus> {
    if (!client || !team) {
      const off = {
        ...OFF_STATUS,
        message: team && !team.orgId ? 'Choose an organisation in Settings to sync.' : null,
      };
      await deps.status.setValue(off);
      return off;
    }
    const snap = await client.snapshot();
    const state = client.status();
    const status: TeamSyncStatus = {
      state,
      pending: snap.outbox.length,
      conflicts: snap.conflicts,
      lastSyncAt,
      message:
        state !== 'offline'
          ? null
          : lastHttp === 401
            ? 'Your session has ended: sign in again in Settings. Changes are kept on this device.'
            : (message ?? `Cannot reach ${team.serverUrl}; changes are kept on this device.`),
    };
    await deps.status.setValue(status);
    return status;
  }

  /** Local drafts → outbox: every draft that differs from the client's newest view of it. */
  async function reconcile(local: Record<string, Draft>, prev?: Record<string, Draft>): Promise<number> {
    if (!client) return 0;
    let queued = 0;
    const snap = await client.snapshot();
    const conflicted = new Set(snap.conflicts.map((c) => c.draftId));
    const pending = new Set(snap.outbox.map((m) => m.draftId));
    for (const [id, draft] of Object.entries(local)) {
      // A draft with an open conflict is held locally until a person resolves it (its edits are kept).
      if (conflicted.has(id)) continue;
      const view = await client.view(id);
      if (view && sameValue(view, draft)) {
        editedFrom.delete(id);
        continue;
      }
      const from = editedFrom.get(id);
      editedFrom.delete(id);
      if (from !== undefined && !pending.has(id) && view && !sameValue(from, view)) {
        // Edited from an older server copy than the client now holds: merge, local wins only its own changes.
        const { merged, clashes } = threeWayMerge(from ?? view, draft, view);
        const keepLocal = Object.fromEntries(clashes.map((c) => [c.path, c.local]));
        await client.save(applyChoices(merged, keepLocal));
      } else {
        await client.save(draft);
      }
      queued++;
    }
    if (prev) {
      for (const id of Object.keys(prev)) {
        if (local[id] || conflicted.has(id)) continue;
        if ((await client.view(id)) !== null) {
          await client.remove(id);
          queued++;
        }
      }
    }
    return queued;
  }

  /** Server copies → local drafts, never over an unsynced local edit. */
  async function apply(before: SyncState) {
    if (!client) return;
    const after = await client.snapshot();
    const held = new Set([...after.outbox.map((m) => m.draftId), ...after.conflicts.map((c) => c.draftId)]);
    const local = await deps.drafts.getValue();
    const changes: Record<string, Draft | null> = {};
    for (const [id, s] of Object.entries(after.server)) {
      if (held.has(id)) continue;
      const target = s.deleted ? null : s.draft;
      const mine = local[id] ?? null;
      if (sameValue(mine, target)) continue;
      // What the client held for this draft before the sync (its pending edit, else its server copy):
      // a local copy equal to it has nothing unsynced and may take the new server copy.
      const known = viewIn(before, id);
      if (mine === null || sameValue(mine, known)) changes[id] = target;
      else editedFrom.set(id, known); // edited here meanwhile: reconcile merges it
    }
    if (!Object.keys(changes).length) return;
    // Re-read just before writing: keep anything that changed locally since the read above.
    const latest = await deps.drafts.getValue();
    const next = { ...latest };
    for (const [id, target] of Object.entries(changes)) {
      if (!sameValue(latest[id] ?? null, local[id] ?? null)) continue;
      if (target) next[id] = target;
      else delete next[id];
    }
    await deps.drafts.setValue(next);
  }

  /** Releases: pull the team's into local (never replacing a local one), push local ones the server lacks. */
  async function syncReleases() {
    if (!deps.releases || !team?.orgId) return;
    const t = team;
    const url = (path: string) => `${t.serverUrl}/api/orgs/${encodeURIComponent(t.orgId!)}/releases${path}`;
    const headers = { authorization: `Bearer ${t.token}` };
    const pulled: Record<string, StoredRelease> = {};
    for (let page = 0; page < 1000; page++) {
      const res = await deps.fetch(url(`?since=${releaseCursor}&limit=1000`), { headers });
      if (!res.ok) return;
      const body = (await res.json()) as {
        items: { id: string; release: StoredRelease; deleted: boolean }[];
        cursor: number;
        hasMore: boolean;
      };
      for (const item of body.items) {
        releaseIds.add(item.id);
        if (!item.deleted) pulled[item.id] = item.release;
      }
      releaseCursor = body.cursor;
      if (!body.hasMore) break;
    }
    const local = await deps.releases.getValue();
    const missing = Object.keys(pulled).filter((id) => !local[id]);
    if (missing.length) {
      const latest = await deps.releases.getValue();
      const next = { ...latest };
      for (const id of missing) next[id] ??= pulled[id]!;
      await deps.releases.setValue(next);
    }
    for (const [id, release] of Object.entries(local)) {
      if (releaseIds.has(id)) continue;
      const res = await deps.fetch(url(`/${encodeURIComponent(id)}`), {
        method: 'PUT',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ release }),
      });
      if (res.ok) releaseIds.add(id);
      else if (res.status === 403) return; // a reviewer cannot share releases
    }
  }

  async function cycle(): Promise<TeamSyncStatus> {
    if (!client) return writeStatus();
    await reconcile(await deps.drafts.getValue());
    const before = await client.snapshot();
    message = null;
    const status = await client.sync();
    if (status !== 'offline') {
      lastSyncAt = now().toISOString();
      // Releases first, so pulled drafts find their release in the workspace.
      await syncReleases().catch(() => undefined);
    }
    await apply(before);
    return writeStatus();
  }

  function schedule() {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void queue(cycle).catch(() => undefined);
    }, debounceMs);
  }

  return {
    async start() {
      connect(await deps.team.getValue());
      unwatch.forEach((u) => u());
      unwatch = [
        deps.drafts.watch((next, prev) => {
          if (!client) return;
          void queue(async () => {
            if (await reconcile(next ?? {}, prev ?? {})) {
              schedule();
              await writeStatus();
            }
          }).catch(() => undefined);
        }),
        ...(deps.releases
          ? [
              deps.releases.watch((next) => {
                if (client && Object.keys(next ?? {}).some((id) => !releaseIds.has(id))) schedule();
              }),
            ]
          : []),
        deps.team.watch((next) => {
          void queue(async () => {
            connect(next);
            return cycle();
          }).catch(() => undefined);
        }),
      ];
      await queue(cycle).catch(() => undefined);
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
      unwatch.forEach((u) => u());
      unwatch = [];
    },
    syncNow: () => queue(cycle),
    resolve(conflictId, choices) {
      return queue(async () => {
        if (!client) return writeStatus();
        const c = (await client.snapshot()).conflicts.find((x) => x.id === conflictId);
        if (!c) return writeStatus();
        const typedSince = (await deps.drafts.getValue())[c.draftId];
        await client.resolve(conflictId, choices);
        let resolved = await client.view(c.draftId);
        // Edits typed into the draft while the conflict was open are kept on top of the resolution.
        if (resolved && typedSince && c.local && !sameValue(typedSince, c.local)) {
          const { merged, clashes } = threeWayMerge(c.local, typedSince, resolved);
          resolved = applyChoices(merged, Object.fromEntries(clashes.map((x) => [x.path, x.local])));
          await client.save(resolved);
        }
        const latest = await deps.drafts.getValue();
        if (resolved) await deps.drafts.setValue({ ...latest, [c.draftId]: resolved });
        schedule();
        return writeStatus();
      });
    },
    discard(conflictId) {
      return queue(async () => {
        if (!client) return writeStatus();
        const c = (await client.snapshot()).conflicts.find((x) => x.id === conflictId);
        if (!c) return writeStatus();
        await client.discard(conflictId);
        const latest = await deps.drafts.getValue();
        const server = c.server && !c.server.deleted ? c.server.draft : null;
        const next = { ...latest };
        if (server) next[c.draftId] = server;
        else delete next[c.draftId];
        await deps.drafts.setValue(next);
        return writeStatus();
      });
    },
    idle: async () => {
      await chain;
    },
  };
}

export { emptyState };
