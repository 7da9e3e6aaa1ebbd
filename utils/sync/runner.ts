import type { Draft, StoredRelease } from '../contract/draft';
import type { DraftsRepo } from '../editor/drafts-repo';
import type { ReleasesRepo } from '../editor/releases-repo';
import type { TeamConnection } from '../team/connection';
import type { RecordRepo } from '../editor/record-repo';
import { SyncClient, type SyncClientOptions } from './client';
import { createBridge, type SyncBridge } from './bridge';
import { applyChoices, sameValue, threeWayMerge } from './merge';
import { draftsResource, releasesResource, type SyncResource } from './resources';
import type { SyncState, SyncStorage } from './state';
import { OFF_STATUS, type StoredSyncState, type TeamSyncStatus } from './items';

/** The slice of a WXT storage item the runner uses (tests pass plain in-memory items). */
export interface Item<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  watch(cb: (next: T, prev: T) => void): () => void;
}

export interface SyncRunnerDeps {
  drafts: DraftsRepo;
  /** Boosted releases, shared with the team too (last write wins: extractions are facts). */
  releases: ReleasesRepo;
  team: Item<TeamConnection | null>;
  syncState: Item<StoredSyncState<Draft> | null>;
  releaseSyncState: Item<StoredSyncState<StoredRelease> | null>;
  status: Item<TeamSyncStatus | null>;
  fetch: typeof fetch;
  /** Delay between a local change and the push (ms). */
  debounceMs?: number;
  /** Extra SyncClient options (tests: sleep, backoff, newId). */
  client?: Partial<
    Omit<SyncClientOptions<object>, 'baseUrl' | 'orgId' | 'storage' | 'fetch' | 'getToken' | 'resource'>
  >;
  now?: () => Date;
}

export interface SyncRunner {
  /** Reads the connection and syncs once (watches are in place from creation). */
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

/** Whose sync state this is (also read by the send service to find the server copy of a draft). */
export const syncKeyOf = (t: TeamConnection) => `${t.serverUrl}|${t.orgId}|${t.user.id}`;

/** SyncClient storage on a storage item, tagged with the connection: another server / org / user starts empty. */
export function itemSyncStorage<Doc>(item: Item<StoredSyncState<Doc> | null>, key: string): SyncStorage<Doc> {
  return {
    async load() {
      const stored = await item.getValue();
      return stored && stored.key === key ? stored.state : undefined;
    },
    async save(state: SyncState<Doc>) {
      await item.setValue({ key, state });
    },
  };
}

/** One synced resource for one connection: its client and the bridge to its local records. */
interface Lane<Doc extends object> {
  client: SyncClient<Doc>;
  bridge: SyncBridge;
}

/**
 * Keeps local drafts and releases (the repositories) in step with the team server: a local change goes
 * to the outbox and a push + pull follows after `debounceMs` (and on the background's one-minute alarm);
 * pulled copies are merged into the repositories; the status (synced / pending / offline / conflict) goes
 * to an item the popup reads. Every step runs one at a time, in order.
 */
export function createSyncRunner(deps: SyncRunnerDeps): SyncRunner {
  const debounceMs = deps.debounceMs ?? 1500;
  const now = deps.now ?? (() => new Date());
  let team: TeamConnection | null = null;
  let drafts: Lane<Draft> | null = null;
  let releases: Lane<StoredRelease> | null = null;
  let chain: Promise<unknown> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastSyncAt: string | null = null;
  let message: string | null = null;
  /** The last HTTP status the server answered (401 = the session ended: say so rather than "offline"). */
  let lastHttp: number | null = null;

  const queue = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = chain.then(fn);
    chain = next.catch((e) => {
      message = e instanceof Error ? e.message : String(e);
    });
    return next;
  };

  function lane<Doc extends object>(
    t: TeamConnection & { orgId: string },
    resource: SyncResource<Doc>,
    item: Item<StoredSyncState<Doc> | null>,
    repo: RecordRepo<Doc>,
  ): Lane<Doc> {
    const client = new SyncClient<Doc>({
      ...(deps.client as Partial<SyncClientOptions<Doc>>),
      resource,
      baseUrl: t.serverUrl,
      orgId: t.orgId,
      storage: itemSyncStorage(item, syncKeyOf(t)),
      fetch: async (input, init) => {
        const res = await deps.fetch(input, init);
        lastHttp = res.status;
        return res;
      },
      getToken: () => team?.token ?? null,
    });
    return { client, bridge: createBridge(repo, client) };
  }

  function connect(t: TeamConnection | null) {
    team = t;
    lastHttp = null;
    const ready = t && t.orgId ? (t as TeamConnection & { orgId: string }) : null;
    drafts = ready ? lane(ready, draftsResource, deps.syncState, deps.drafts) : null;
    releases = ready ? lane(ready, releasesResource, deps.releaseSyncState, deps.releases) : null;
  }

  async function writeStatus(): Promise<TeamSyncStatus> {
    if (!drafts || !team) {
      const off = {
        ...OFF_STATUS,
        message: team && !team.orgId ? 'Choose an organisation in Settings to sync.' : null,
      };
      await deps.status.setValue(off);
      return off;
    }
    const snap = await drafts.client.snapshot();
    const state = drafts.client.status();
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

  async function cycle(): Promise<TeamSyncStatus> {
    if (!drafts || !releases) return writeStatus();
    const lanes = [releases, drafts] as const; // releases first, so pulled drafts find their release
    for (const l of lanes) {
      await l.bridge.pushRemovals();
      await l.bridge.reconcile();
    }
    const before = await Promise.all(lanes.map((l) => l.client.snapshot()));
    message = null;
    const status = await drafts.client.sync();
    if (status !== 'offline') {
      lastSyncAt = now().toISOString();
      await releases.client.sync();
    }
    for (const [i, l] of lanes.entries()) await l.bridge.apply(before[i]!);
    return writeStatus();
  }

  function schedule() {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void queue(cycle).catch(() => undefined);
    }, debounceMs);
  }

  // Watches are registered now, synchronously: a service worker woken by a storage change only hears it
  // through listeners added in its first turn. Changes before the connection is read are noted, not lost.
  const unwatch = [
    deps.drafts.watch((changes) => {
      drafts?.bridge.note(changes);
      if (!drafts) return;
      void queue(async () => {
        if ((await drafts!.bridge.pushRemovals()) + (await drafts!.bridge.reconcile())) {
          schedule();
          await writeStatus();
        }
      }).catch(() => undefined);
    }),
    deps.releases.watch((changes) => {
      releases?.bridge.note(changes);
      if (releases) schedule();
    }),
  ];
  let unwatchTeam: (() => void) | null = null;

  return {
    async start() {
      connect(await deps.team.getValue());
      unwatchTeam?.();
      unwatchTeam = deps.team.watch((next) => {
        void queue(async () => {
          connect(next);
          return cycle();
        }).catch(() => undefined);
      });
      await queue(cycle).catch(() => undefined);
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
      unwatch.forEach((u) => u());
      unwatchTeam?.();
    },
    syncNow: () => queue(cycle),
    resolve(conflictId, choices) {
      return queue(async () => {
        if (!drafts) return writeStatus();
        const { client } = drafts;
        const c = (await client.snapshot()).conflicts.find((x) => x.id === conflictId);
        if (!c) return writeStatus();
        const typedSince = await deps.drafts.get(c.docId);
        await client.resolve(conflictId, choices);
        let resolved = await client.view(c.docId);
        // Edits typed into the draft while the conflict was open are kept on top of the resolution.
        if (resolved && typedSince && c.local && !sameValue(typedSince, c.local)) {
          const { merged, clashes } = threeWayMerge(c.local, typedSince, resolved);
          resolved = applyChoices(merged, Object.fromEntries(clashes.map((x) => [x.path, x.local])));
          await client.save(c.docId, resolved);
        }
        if (resolved) await deps.drafts.update(c.docId, typedSince, resolved);
        schedule();
        return writeStatus();
      });
    },
    discard(conflictId) {
      return queue(async () => {
        if (!drafts) return writeStatus();
        const c = (await drafts.client.snapshot()).conflicts.find((x) => x.id === conflictId);
        if (!c) return writeStatus();
        await drafts.client.discard(conflictId);
        const server = c.server && !c.server.deleted ? c.server.doc : null;
        await deps.drafts.update(c.docId, await deps.drafts.get(c.docId), server);
        return writeStatus();
      });
    },
    idle: async () => {
      await chain;
    },
  };
}
