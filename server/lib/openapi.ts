import { z } from 'zod';

/** A route as the OpenAPI document describes it; built from each route's doc() (lib/route-docs.ts). */
export interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'delete';
  /** OpenAPI path syntax: /api/orgs/{orgId}/drafts */
  path: string;
  summary: string;
  tag: string;
  /** 'session': cookie or bearer token + organisation membership; 'link': reviewer-link token; 'none'. */
  auth: 'session' | 'link' | 'none';
  query?: z.ZodObject;
  body?: z.ZodType;
  responses: Record<number, { description: string; schema?: z.ZodType; html?: boolean }>;
}

export const ErrorSchema = z.object({
  error: z.string(),
  message: z.string(),
  issues: z.array(z.unknown()).optional(),
});

function jsonSchema(s: z.ZodType, io: 'input' | 'output'): unknown {
  return z.toJSONSchema(s, { io, unrepresentable: 'any' });
}

export function buildOpenApi(docs: RouteDoc[], serverUrl: string): unknown {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const d of docs) {
    const params = [...d.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const queryParams = d.query
      ? Object.entries(d.query.shape).map(([name, s]) => ({
          name,
          in: 'query',
          required: !(s as z.ZodType).safeParse(undefined).success,
          schema: jsonSchema(s as z.ZodType, 'input'),
        }))
      : [];
    const responses: Record<string, unknown> = {};
    for (const [code, r] of Object.entries(d.responses)) {
      responses[code] = {
        description: r.description,
        ...(r.schema ? { content: { 'application/json': { schema: jsonSchema(r.schema, 'output') } } } : {}),
        ...(r.html ? { content: { 'text/html': { schema: { type: 'string' } } } } : {}),
      };
    }
    responses.default = {
      description: 'error',
      content: { 'application/json': { schema: jsonSchema(ErrorSchema, 'output') } },
    };
    paths[d.path] ??= {};
    paths[d.path]![d.method] = {
      summary: d.summary,
      tags: [d.tag],
      security: d.auth === 'session' ? [{ bearer: [] }, { cookie: [] }] : [],
      parameters: [...params, ...queryParams],
      ...(d.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(d.body, 'input') } } } }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Wireboost team server', version: '1' },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'token from the set-auth-token header of /api/auth/sign-in/email',
        },
        cookie: { type: 'apiKey', in: 'cookie', name: 'better-auth.session_token' },
      },
    },
    paths,
  };
}
