import { Hono } from 'hono';
import type { AppDeps, AppEnv } from './lib/context.ts';
import { errorReply } from './lib/errors.ts';
import { buildOpenApi } from './lib/openapi.ts';
import { routeDocs, undocumented } from './lib/route-docs.ts';
import { corsFor } from './lib/cors.ts';
import { requireMember, requireUser } from './lib/membership.ts';
import { CLIENT_IP_HEADER } from './auth/auth.ts';
import { checkAuthBody } from './auth/bodies.ts';
import { signInLimited } from './auth/sign-in-limit.ts';
import { addressOf } from './lib/client-ip.ts';
import { bodyLimits } from './lib/body-limits.ts';
import { screenUrl } from './lib/screen.ts';
import { refuseCrossSite } from './lib/csrf.ts';
import { healthRoutes } from './routes/health.ts';
import { meRoutes } from './routes/me.ts';
import { releaseRoutes } from './routes/releases.ts';
import { draftRoutes } from './routes/drafts.ts';
import { draftBatchRoutes } from './routes/drafts-batch.ts';
import { approvalRoutes } from './routes/approvals.ts';
import { kitRoutes } from './routes/kit.ts';
import { commentRoutes } from './routes/comments.ts';
import { reviewLinkRoutes } from './routes/review-links.ts';
import { mediaListRoutes } from './routes/media-lists.ts';
import { activityRoutes } from './routes/activity.ts';
import { platformRoutes } from './routes/platforms/index.ts';
import { settingsRoutes } from './routes/settings.ts';
import { resultsRoutes } from './routes/results.ts';
import { reviewPageRoutes } from './review/routes.ts';

export type { AppDeps } from './lib/context.ts';

/**
 * The whole team server as a function of its dependencies. Tests call `createApp(deps).request(…)`;
 * server/main.ts serves the same app over HTTP. Nothing here keeps state between requests.
 */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.onError(errorReply);
  app.notFound((c) => c.json({ error: 'not_found', message: 'no such route' }, 404));

  // CORS: the configured extension origins and the server's own origin (reviewer page) only.
  app.use('/api/*', corsFor(deps.config));
  // Before anything reads a body: every route's size limit (413), and no NUL in the address (400).
  app.use('*', bodyLimits(), screenUrl());
  // State changes by cookie only from allowed origins; bodies only as JSON (server/lib/csrf.ts).
  app.use('/api/*', refuseCrossSite(deps.config));

  app.route('/', healthRoutes(deps));

  // better-auth owns /api/auth/*. The client address is the socket's peer, or what a configured proxy
  // forwarded (server/lib/client-ip.ts), never a header the client chose. Bodies are checked first
  // (server/auth/bodies.ts): lengths, and text the database cannot hold; sign-in has a per-account limit.
  app.on(['GET', 'POST'], '/api/auth/*', undocumented("better-auth's own routes"), async (c) => {
    const headers = new Headers(c.req.raw.headers);
    headers.delete(CLIENT_IP_HEADER);
    const ip = addressOf(deps, c);
    if (ip) headers.set(CLIENT_IP_HEADER, ip);
    const path = c.req.path.slice('/api/auth'.length);
    const body = c.req.method === 'POST' ? await c.req.raw.text() : undefined;
    const parsed = body ? checkAuthBody(path, headers.get('content-type'), body) : undefined;
    const forward = () => deps.auth.handler(new Request(c.req.raw.url, { method: c.req.method, headers, body }));
    if (path !== '/sign-in/email' || !deps.config.authRateLimit.enabled) return forward();
    return signInLimited(deps, (parsed as { email?: unknown } | undefined)?.email, forward);
  });

  app.use('/api/me', requireUser(deps));
  app.route('/api/me', meRoutes(deps));

  // Every organisation route: signed in AND a member of :orgId.
  app.use('/api/orgs/:orgId/*', requireMember(deps));
  const org = '/api/orgs/:orgId';
  app.route(`${org}/releases`, releaseRoutes(deps));
  app.route(`${org}/drafts`, draftBatchRoutes(deps));
  app.route(`${org}/drafts`, draftRoutes(deps));
  app.route(`${org}/drafts`, approvalRoutes(deps));
  app.route(`${org}/kit`, kitRoutes(deps));
  app.route(`${org}/comments`, commentRoutes(deps));
  app.route(`${org}/review-links`, reviewLinkRoutes(deps));
  app.route(`${org}/media-lists`, mediaListRoutes(deps));
  app.route(`${org}/activity`, activityRoutes(deps));
  app.route(`${org}/settings`, settingsRoutes(deps));
  // Connect Meta / LinkedIn and send drafts to them (server/platforms behind the database).
  app.route(`${org}/platforms`, platformRoutes(deps));
  // What the sent drafts achieved: reports pulled from Meta / LinkedIn (server/results).
  app.route(`${org}/results`, resultsRoutes(deps));

  // Public reviewer page: the signed link is the only credential.
  app.route('/review', reviewPageRoutes(deps));

  // The OpenAPI document, from the routes above and the doc() each one carries. Collected now, so a route
  // without its doc stops the server from starting; built on the first request.
  const docs = routeDocs(app);
  let document: unknown;
  app.get('/api/openapi.json', undocumented('the document itself'), (c) =>
    c.json((document ??= buildOpenApi(docs, deps.config.publicUrl))),
  );

  return app;
}

export type App = ReturnType<typeof createApp>;
