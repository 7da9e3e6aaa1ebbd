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
import { fail, notFound, refuse } from '../lib/http.ts';
import { formatBytes, jsonBytes, RELEASE_MAX_BYTES } from '../../utils/contract/limits.ts';
import { permit } from '../lib/membership.ts';
import { nextRevision } from '../lib/revisions.ts';
import { logActivity } from '../lib/activity.ts';
import { routeDoc } from '../lib/route-docs.ts';
import { json, query } from '../lib/validate.ts';

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

const doc = routeDoc({ tag: 'releases', auth: 'session' });

export function releaseRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.get(
    '/',
    doc({
      summary: 'Releases changed after `since`',
      responses: {
        200: {
          description: 'page',
          schema: ReleasePullResponseSchema,
        },
      },
    }),
    query(ListQuery),
    async (c) => {
      const q = c.req.valid('query');
      const rows = await raw<PulledRow>(deps.db, PULL_STATEMENT, [c.get('orgId'), q.since, q.limit + 1]);
      const items = rows.slice(0, q.limit).map(out);
      return c.json({
        items,
        cursor: items.length ? items[items.length - 1]!.revision : q.since,
        hasMore: rows.length > q.limit,
      });
    },
  );

  app.get(
    '/:releaseId',
    doc({ summary: 'One release', responses: { 200: { description: 'release', schema: SyncedReleaseSchema } } }),
    async (c) => {
      const [row] = await deps.db
        .select()
        .from(releases)
        .where(and(eq(releases.orgId, c.get('orgId')), eq(releases.id, c.req.param('releaseId'))))
        .limit(1);
      return row ? c.json(out(row)) : notFound('release not found');
    },
  );

  app.put(
    '/:releaseId',
    doc({
      summary: 'Share a release with the team (extractions are facts: last write wins)',
      responses: { 200: { description: 'stored', schema: SyncedReleaseSchema } },
    }),
    permit({ release: ['write'] }, 'your role cannot share releases'),
    json(PutRelease),
    async (c) => {
      const { release } = c.req.valid('json');
      const id = c.req.param('releaseId');
      if (release.id !== id) fail(400, 'invalid', 'release.id must equal the path id');
      if (jsonBytes(release) > RELEASE_MAX_BYTES) {
        const message = `The release is larger than the server accepts (${formatBytes(RELEASE_MAX_BYTES)} as JSON).`;
        refuse(413, { error: 'too_large', message, field: 'release', limit: RELEASE_MAX_BYTES });
      }
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
    },
  );

  return app;
}
