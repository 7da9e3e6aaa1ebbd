import { validator } from 'hono/validator';
import type { z } from 'zod';
import { fail } from './http.ts';

/**
 * Validator middleware (Hono's `validator` with a zod schema): the handler reads `c.req.valid(target)`,
 * typed from the schema. A refusal is the server's usual 400 `{ error: 'invalid', message, issues }`;
 * a route may keep its own code and message instead (`refuse`), as the extension reads some of them.
 * The json and query schemas are also what the OpenAPI document shows (lib/route-docs.ts reads them here).
 */
export interface Refusal {
  error: string;
  message: string;
}

export type Target = 'json' | 'query' | 'param';

const SCHEMAS = new WeakMap<object, { target: Target; schema: z.ZodType }>();

/** The schema a validator middleware checks, for the route's documentation. */
export const validatedBy = (handler: object) => SCHEMAS.get(handler);

const WHAT: Record<Target, string> = { json: 'body', query: 'query', param: 'path' };

function check<S extends z.ZodType>(target: Target, schema: S, value: unknown, refuse?: Refusal): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  if (refuse) fail(400, refuse.error, refuse.message);
  return fail(400, 'invalid', `${WHAT[target]} does not match the schema`, parsed.error.issues);
}

function remember<H extends object>(handler: H, target: Target, schema: z.ZodType): H {
  SCHEMAS.set(handler, { target, schema });
  return handler;
}

/** A JSON body (content-type application/json; malformed JSON is a 400 from Hono, see lib/errors.ts). */
export const json = <S extends z.ZodType>(schema: S, refuse?: Refusal) =>
  remember(
    validator('json', (v) => check('json', schema, v, refuse)),
    'json',
    schema,
  );

export const query = <S extends z.ZodObject>(schema: S, refuse?: Refusal) =>
  remember(
    validator('query', (v) => check('query', schema, v, refuse)),
    'query',
    schema,
  );

export const param = <S extends z.ZodType>(schema: S, refuse?: Refusal) =>
  remember(
    validator('param', (v) => check('param', schema, v, refuse)),
    'param',
    schema,
  );
