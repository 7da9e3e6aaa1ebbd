import { and, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import type { StoredRelease } from '../../utils/contract/draft.ts';
import {
  PutReleaseSchema,
  ReleaseListQuerySchema,
  ReleasePullResponseSchema,
  SyncedReleaseSchema,
} from '../../utils/contract/sync.ts';
import { releases } from '../db/schema/index.ts';
import { isoText, raw } from '../db/raw.ts';
import type { AppDeps, AppEnv } from '../lib/context.ts';
import { fail, notFound, readBody, readQuery } from '../lib/http.ts';
import { requirePermission } from '../lib/membership.ts';
import { nextRevision } from '../lib/revisions.ts';
import { logActivity } from '../lib/activity.ts';
import type { RouteDoc } from '../lib/openapi.ts';

const ListQuery = ReleaseListQuerySchema;
const PutRelease = PutReleaseSchema;

type Row = typeof releases.$inferSelect;
/** A row from drizzle, or from the raw pull (same names; timestamp as ISO text, bigint maybe as text). */
type PulledRow = Pick<Row, 'id' | 'doc' | 'deleted' | 'updatedBy'> & {
  revision: number | string;
  updatedAt: Date | string;
};
const out = (r: PulledRow) => ({
  id: r.id,
  release: r.doc as StoredRelease,
  revision: Number(r.revision),
  deleted: r.deleted,
  updatedBy: r.updatedBy,
  updatedAt: new Date(r.updatedAt).toISOString(),
});

/** Every sync cycle pulls releases: a fixed statement (server/db/raw.ts). $1 organisation, $2 since, $3 limit (+1). */
const PULL_STATEMENT = `
  select id, doc, revision, deleted, updated_by as "updatedBy", ${isoText('updated_at', '"updatedAt"')}
  from releases where org_id = $1 and revision > $2 order by revision limit $3`;

export const releaseDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/orgs/{orgId}/releases',
    tag: 'releases',
    auth: 'session',
    summary: 'Releases changed after `since`',
    query: ListQuery,
    responses: {
      200: {
        description: 'page',
        schema: ReleasePullResponseSchema,
      },
    },
  },
  {
    method: 'get',
    path: '/api/orgs/{orgId}/releases/{releaseId}',
    tag: 'releases',
    auth: 'session',
    summary: 'One release',
    responses: { 200: { description: 'release', schema: SyncedReleaseSchema } },
  },
  {
    method: 'put',
    path: '/api/orgs/{orgId}/releases/{releaseId}',
    tag: 'releases',
    auth: 'session',
    summary: 'Share a release with the team (extractions are facts: last write wins)',
    body: PutRelease,
    responses: { 200: { description: 'stored', schema: SyncedReleaseSchema } },
  },
];

export function releaseRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    const q = readQuery(c, ListQuery);
    const rows = await raw<PulledRow>(deps.db, PULL_STATEMENT, [c.get('orgId'), q.since, q.limit + 1]);
    const items = rows.slice(0, q.limit).map(out);
    return c.json({
      items,
      cursor: items.length ? items[items.length - 1]!.revision : q.since,
      hasMore: rows.length > q.limit,
    });
  });

  app.get('/:releaseId', async (c) => {
    const [row] = await deps.db
      .select()
      .from(releases)
      .where(and(eq(releases.orgId, c.get('orgId')), eq(releases.id, c.req.param('releaseId'))))
      .limit(1);
    return row ? c.json(out(row)) : notFound('release not found');
  });

  app.put('/:releaseId', async (c) => {
    requirePermission(c, { release: ['write'] }, 'your role cannot share releases');
    const { release } = await readBody(c, PutRelease);
    const id = c.req.param('releaseId');
    if (release.id !== id) fail(400, 'invalid', 'release.id must equal the path id');
    const orgId = c.get('orgId');
    const user = c.get('user');
    const now = deps.clock();
    const row = await deps.db.transaction(async (tx) => {
      const rev = await nextRevision(tx, orgId);
      const [r] = await tx
        .insert(releases)
        .values({ orgId, id, doc: release, revision: rev, updatedAt: now, updatedBy: user.id })
        .onConflictDoUpdate({
          target: [releases.orgId, releases.id],
          set: { doc: release, revision: rev, deleted: false, updatedAt: now, updatedBy: user.id },
        })
        .returning();
      await logActivity(tx, {
        orgId,
        actorUserId: user.id,
        actorName: user.name,
        at: now,
        subjectType: 'release',
        subjectId: id,
        action: 'release.saved',
        detail: { revision: rev },
      });
      return r!;
    });
    return c.json(out(row));
  });

  return app;
}
