/**
 * The one request shape every platform client builds. Builders are pure (request in, no I/O) so the
 * same object is what dry-run shows and what the transport sends: what you see is what would be sent.
 */
export type Method = 'GET' | 'POST';

export interface PlatformRequest {
  method: Method;
  url: string;
  /** Headers without the token: the client adds Authorization at send time, so a dry run never leaks it. */
  headers: Record<string, string>;
  /** JSON body (both platforms accept JSON for the endpoints we use) or form fields (OAuth token endpoints). */
  body?: unknown;
  form?: Record<string, string>;
}

export interface PlatformResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

/** Injected so tests, fakes and the server can swap the network; defaults to the global fetch. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export async function send(fetchImpl: FetchLike, req: PlatformRequest, token?: string): Promise<PlatformResponse> {
  const headers: Record<string, string> = { ...req.headers };
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: string | undefined;
  if (req.form) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(req.form).toString();
  } else if (req.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(req.body);
  }
  const res = await fetchImpl(req.url, { method: req.method, headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // Some endpoints (e.g. LinkedIn 201s) answer with an empty or non-JSON body: keep the text.
  }
  return { status: res.status, headers: res.headers, body: parsed };
}

/** URL with query parameters, skipping undefined values; keeps builders one-liners. */
export function withQuery(base: string, query: Record<string, string | number | undefined>): string {
  const url = new URL(base);
  for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, String(v));
  return url.toString();
}

/** Throws when a builder is asked to produce anything that could go live: the last line of defence. */
export function assertStatus(actual: unknown, allowed: string, what: string): void {
  if (actual !== allowed) {
    throw new Error(`Refusing to send ${what} with status ${String(actual)}: Wireboost only sends ${allowed}.`);
  }
}
