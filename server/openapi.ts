import { buildOpenApi, type RouteDoc } from './lib/openapi.ts';
import { healthDocs } from './routes/health.ts';
import { meDocs } from './routes/me.ts';
import { releaseDocs } from './routes/releases.ts';
import { draftDocs } from './routes/drafts.ts';
import { draftBatchDocs } from './routes/drafts-batch.ts';
import { approvalDocs } from './routes/approvals.ts';
import { kitDocs } from './routes/kit.ts';
import { commentDocs } from './routes/comments.ts';
import { reviewLinkDocs } from './routes/review-links.ts';
import { mediaListDocs } from './routes/media-lists.ts';
import { activityDocs } from './routes/activity.ts';
import { platformDocs } from './routes/platforms.ts';
import { settingsDocs } from './routes/settings.ts';
import { reviewPageDocs } from './review/routes.ts';

/** Every route the server defines (besides better-auth's own /api/auth/*), as documented. */
export const allRouteDocs: RouteDoc[] = [
  ...healthDocs,
  ...meDocs,
  ...releaseDocs,
  ...draftDocs,
  ...draftBatchDocs,
  ...approvalDocs,
  ...kitDocs,
  ...commentDocs,
  ...reviewLinkDocs,
  ...mediaListDocs,
  ...activityDocs,
  ...settingsDocs,
  ...platformDocs,
  ...reviewPageDocs,
];

let cached: unknown;
/** Built once per process from static route docs (no request state). */
export function openApiDocument(serverUrl: string): unknown {
  cached ??= buildOpenApi(allRouteDocs, serverUrl);
  return cached;
}
