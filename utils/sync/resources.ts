import type { Draft, StoredRelease } from '../contract/draft';
import {
  BATCH_MAX,
  BatchPushResponseSchema,
  PullResponseSchema,
  PushConflictSchema,
  PushLockedSchema,
  PushOkSchema,
  ReleasePullResponseSchema,
  SyncedReleaseSchema,
  type SyncedDraft,
  type SyncedRelease,
} from '../contract/sync';
import type { PendingMutation, SyncedItem } from './state';

/** One reply to one pushed mutation: its HTTP status and what the server said. */
export interface PushReply<Doc> {
  status: number;
  /** 200: the stored copy; 409 / 423: the server's current copy (null: none). */
  item: SyncedItem<Doc> | null;
  /** The server's reason, for a refusal. */
  message?: string;
}

export interface PulledPage<Doc> {
  items: SyncedItem<Doc>[];
  cursor: number;
  hasMore: boolean;
}

/** Sends a request to the organisation's API (null: offline after retries; the client says so). */
export type Requester = (path: string, init?: RequestInit) => Promise<Response | null>;

/**
 * What varies between the things the team syncs: where they live on the server, how a push is sent, and
 * the reply schemas (every reply is validated here, at the client's edge). The client does the rest:
 * outbox, retries, merge, conflicts, pulls.
 */
export interface SyncResource<Doc> {
  name: string;
  /** Path under /api/orgs/:orgId, e.g. '/drafts'. */
  path: string;
  /** How many mutations one push may carry. */
  batchMax: number;
  /** Push head mutations (one per document); a reply per mutation id, or null when offline. */
  push(request: Requester, mutations: PendingMutation<Doc>[]): Promise<Map<string, PushReply<Doc>> | null>;
  /** A pull page, validated; null when the reply is not one. */
  parsePull(body: unknown): PulledPage<Doc> | null;
  /** Whether a stale push can conflict (revisioned) or the last write simply wins. */
  conflicts: boolean;
}

const fromSyncedDraft = (s: SyncedDraft): SyncedItem<Draft> => ({
  id: s.id,
  doc: s.draft,
  revision: s.revision,
  deleted: s.deleted,
  updatedBy: s.updatedBy,
  updatedAt: s.updatedAt,
});

const fromSyncedRelease = (s: SyncedRelease): SyncedItem<StoredRelease> => ({
  id: s.id,
  doc: s.release,
  revision: s.revision,
  deleted: s.deleted,
  updatedBy: s.updatedBy,
  updatedAt: s.updatedAt,
});

/** The server's reason in an error body ({ error, message }), or the raw text. */
function reasonOf(body: unknown): string {
  if (body && typeof body === 'object') {
    const b = body as { message?: unknown; error?: unknown };
    if (typeof b.message === 'string') return b.message;
    if (typeof b.error === 'string') return b.error;
  }
  return typeof body === 'string' ? body.slice(0, 500) : (JSON.stringify(body)?.slice(0, 500) ?? '');
}

/** One draft's reply, as the single-draft PUT (or its slot in a batch) answered. */
export function draftReply(status: number, body: unknown): PushReply<Draft> {
  if (status === 200) {
    const ok = PushOkSchema.safeParse(body);
    return ok.success
      ? { status, item: fromSyncedDraft(ok.data.item) }
      : { status: 502, item: null, message: 'the server acknowledged with a reply Wireboost cannot read' };
  }
  if (status === 409) {
    const c = PushConflictSchema.safeParse(body);
    if (c.success) return { status, item: c.data.server ? fromSyncedDraft(c.data.server) : null };
  }
  if (status === 423) {
    const l = PushLockedSchema.safeParse(body);
    if (l.success)
      return { status, item: l.data.server ? fromSyncedDraft(l.data.server) : null, message: reasonOf(body) };
  }
  return { status, item: null, message: reasonOf(body) };
}

/** Drafts: revisioned, pushed in batches (POST /drafts/batch), a stale push is a 409 to merge. */
export const draftsResource: SyncResource<Draft> = {
  name: 'drafts',
  path: '/drafts',
  batchMax: BATCH_MAX,
  conflicts: true,
  async push(request, mutations) {
    const body = {
      mutations: mutations.map((m) =>
        m.op === 'upsert'
          ? { op: 'upsert', draftId: m.docId, mutationId: m.mutationId, baseRevision: m.baseRevision, draft: m.doc }
          : { op: 'delete', draftId: m.docId, mutationId: m.mutationId, baseRevision: m.baseRevision },
      ),
    };
    const res = await request('/drafts/batch', { method: 'POST', body: JSON.stringify(body) });
    if (!res) return null;
    const replies = new Map<string, PushReply<Draft>>();
    const text = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    const batch = res.status === 200 ? BatchPushResponseSchema.safeParse(json) : null;
    if (batch?.success) {
      for (const r of batch.data.results) replies.set(r.mutationId, draftReply(r.status, r.body));
    } else {
      // The whole batch was refused (or the reply is unreadable): every mutation gets that answer.
      const status = res.status === 200 ? 502 : res.status;
      for (const m of mutations) replies.set(m.mutationId, draftReply(status, json));
    }
    return replies;
  },
  parsePull(body) {
    const page = PullResponseSchema.safeParse(body);
    return page.success ? { ...page.data, items: page.data.items.map(fromSyncedDraft) } : null;
  },
};

/** Releases: extractions are facts, so the last write wins (PUT /releases/:id); never deleted from here. */
export const releasesResource: SyncResource<StoredRelease> = {
  name: 'releases',
  path: '/releases',
  batchMax: 20,
  conflicts: false,
  async push(request, mutations) {
    const replies = new Map<string, PushReply<StoredRelease>>();
    for (const m of mutations) {
      if (m.op === 'delete' || !m.doc) {
        replies.set(m.mutationId, { status: 200, item: null });
        continue;
      }
      const res = await request(`/releases/${encodeURIComponent(m.docId)}`, {
        method: 'PUT',
        body: JSON.stringify({ release: m.doc }),
      });
      if (!res) return replies.size ? replies : null;
      const body: unknown = await res.json().catch(() => null);
      const item = res.status === 200 ? SyncedReleaseSchema.safeParse(body) : null;
      replies.set(
        m.mutationId,
        item?.success
          ? { status: 200, item: fromSyncedRelease(item.data) }
          : { status: res.status === 200 ? 502 : res.status, item: null, message: reasonOf(body) },
      );
    }
    return replies;
  },
  parsePull(body) {
    const page = ReleasePullResponseSchema.safeParse(body);
    return page.success ? { ...page.data, items: page.data.items.map(fromSyncedRelease) } : null;
  },
};
