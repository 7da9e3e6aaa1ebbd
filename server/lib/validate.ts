import { validator } from 'hono/validator';
import type { z } from 'zod';
import { fieldPath, findUnsafeJson } from '../../utils/contract/safe-json.ts';
import { refuse } from './http.ts';

/**
 * Validator middleware (Hono's `validator` with a zod schema): the handler reads `c.req.valid(target)`,
 * typed from the schema. A refusal is the server's usual 400 `{ error: 'invalid', message, field, issues }`
 * (`field` names the first offending input, e.g. `draft.headline`); a route may keep its own code and
 * message instead (`refuse`), as the extension reads some of them. Before the schema, every value is
 * screened for what the database cannot hold (NUL, lone surrogates, absurd nesting:
 * utils/contract/safe-json.ts), so such input is a 400 naming the field, never a 500.
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

/** Screens and parses one value; `screen: false` leaves the screening to the route (per batch item). */
export function check<S extends z.ZodType>(
  target: Target,
  schema: S,
  value: unknown,
  own?: Refusal,
  screen = true,
): z.output<S> {
  const unsafe = screen ? findUnsafeJson(value) : null;
  if (unsafe) refuse(400, { error: 'invalid', message: unsafe.message, field: unsafe.field });
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  if (own) refuse(400, { ...own });
  const first = parsed.error.issues[0];
  return refuse(400, {
    error: 'invalid',
    message: `${WHAT[target]} does not match the schema`,
    field: first ? fieldPath(first.path) : undefined,
    issues: parsed.error.issues,
  });
}

function remember<H extends object>(handler: H, target: Target, schema: z.ZodType): H {
  SCHEMAS.set(handler, { target, schema });
  return handler;
}

/**
 * A JSON body (content-type application/json; malformed JSON is a 400 from Hono, see lib/errors.ts).
 * `screen: false` only for a route that screens each item itself (the batch answers per mutation).
 */
export const json = <S extends z.ZodType>(schema: S, own?: Refusal, opts: { screen?: boolean } = {}) =>
  remember(
    validator('json', (v) => check('json', schema, v, own, opts.screen !== false)),
    'json',
    schema,
  );

export const query = <S extends z.ZodObject>(schema: S, own?: Refusal) =>
  remember(
    validator('query', (v) => check('query', schema, v, own)),
    'query',
    schema,
  );

export const param = <S extends z.ZodType>(schema: S, own?: Refusal) =>
  remember(
    validator('param', (v) => check('param', schema, v, own)),
    'param',
    schema,
  );
