import type { Hono, MiddlewareHandler } from 'hono';
import { findTargetHandler } from 'hono/utils/handler';
import type { RouteDoc } from './openapi.ts';
import { validatedBy } from './validate.ts';

/**
 * Each route carries its own OpenAPI entry: `app.get(path, doc({ summary, responses }), …validators, handler)`.
 * `doc()` is a pass-through middleware that holds the entry; the request body and query are taken from the
 * route's validators (lib/validate.ts), so the document shows exactly what is checked. `routeDocs(app)` walks
 * the finished app and refuses a route without an entry, so a route cannot exist undocumented.
 */
export type RouteInfo = Omit<RouteDoc, 'method' | 'path' | 'query' | 'body'>;

const INFO = new WeakMap<object, RouteInfo | { undocumented: string }>();

function marker(info: RouteInfo | { undocumented: string }): MiddlewareHandler {
  const pass: MiddlewareHandler = (_c, next) => next();
  INFO.set(pass, info);
  return pass;
}

/** A module's doc() with its tag and auth filled in. */
export function routeDoc(defaults: Pick<RouteInfo, 'tag' | 'auth'>) {
  return (info: Omit<RouteInfo, 'tag' | 'auth'> & Partial<Pick<RouteInfo, 'tag' | 'auth'>>) =>
    marker({ ...defaults, ...info });
}

/** For routes documented elsewhere (better-auth's /api/auth/*) or that are the document itself. */
export const undocumented = (why: string) => marker({ undocumented: why });

/** Hono's /a/:id → OpenAPI's /a/{id}. */
const openApiPath = (path: string) => path.replace(/:(\w+)(\{[^}]*\})?\??/g, '{$1}');

export function routeDocs(app: Pick<Hono, 'routes'>): RouteDoc[] {
  type Found = Partial<RouteDoc> & Pick<RouteDoc, 'method' | 'path'> & { skip?: boolean };
  const routes = new Map<string, Found>();
  for (const r of app.routes) {
    if (r.method === 'ALL') continue; // app.use() middleware
    const key = `${r.method} ${r.path}`;
    const route: Found = routes.get(key) ?? { method: r.method.toLowerCase() as RouteDoc['method'], path: r.path };
    routes.set(key, route);
    const handler = findTargetHandler(r.handler);
    const info = INFO.get(handler);
    if (info && 'undocumented' in info) route.skip = true;
    else if (info) Object.assign(route, info);
    const v = validatedBy(handler);
    if (v?.target === 'json') route.body = v.schema;
    if (v?.target === 'query') route.query = v.schema as RouteDoc['query'];
  }
  const docs: RouteDoc[] = [];
  for (const [key, route] of routes) {
    if (route.skip) continue;
    if (!route.summary || !route.responses || !route.tag || !route.auth) {
      throw new Error(`${key} has no doc(): every route documents itself next to its handler`);
    }
    docs.push({ ...(route as RouteDoc), path: openApiPath(route.path) });
  }
  return docs;
}
