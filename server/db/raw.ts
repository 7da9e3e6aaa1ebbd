import type { Db } from './client.ts';

interface PostgresJs {
  unsafe(text: string, params: unknown[], opts?: { prepare?: boolean }): Promise<unknown[]>;
}
interface PgliteLike {
  query(text: string, params: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * Runs a fixed statement text with positional parameters ($1, $2, …) on the driver under drizzle. Only
 * for the sync hot paths (sign-in check, push, pulls): drizzle renders a query's SQL from its parts again
 * on every call, which cost about a seventh of the server's time per sync request, while these texts
 * never change. Values are always parameters, never spliced into the text. On PostgreSQL each text is a
 * named prepared statement, prepared once per pooled connection (server/db/client.ts); PGlite runs it
 * through the extended protocol. Timestamps come back as the drivers give them, so statements select
 * them as ISO text (`to_json(col) #>> '{}'`); bigints may come back as strings.
 */
export async function raw<T>(db: Db, text: string, params: unknown[]): Promise<T[]> {
  const client = (db as unknown as { $client: PostgresJs | PgliteLike }).$client;
  if ('unsafe' in client && typeof client.unsafe === 'function')
    return (await client.unsafe(text, params, { prepare: true })) as T[];
  return (await (client as PgliteLike).query(text, params)).rows as T[];
}

/** An ISO-8601 timestamp column, as both drivers return it the same way. */
export const isoText = (column: string, as = column) => `to_json(${column}) #>> '{}' as ${as}`;
