import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../lib/context.ts';
import { connectRoutes } from './connect.ts';
import { connectionRoutes } from './connections.ts';
import { sendRoutes } from './send.ts';

/**
 * /api/orgs/:orgId/platforms: connect Meta / LinkedIn, choose the account, send drafts. The platform library
 * (server/platforms) does the talking; these routes put the database and the acting user around it.
 * Membership is checked by the app; roles per route.
 */
export function platformRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .route('/', connectionRoutes(deps))
    .route('/', connectRoutes(deps))
    .route('/', sendRoutes(deps));
}
