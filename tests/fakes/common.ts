import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Context, Hono } from 'hono';

/**
 * Shared machinery for the contract fakes: a ledger of created objects (so tests can assert "created
 * exactly once"), a log of every request, one-shot injected failures, and serving on 127.0.0.1.
 */
export interface CreatedObject {
  kind: string;
  id: string;
  body: Record<string, unknown>;
}

export interface LoggedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
}

export interface InjectedResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface Injection {
  method?: string;
  /** Matched against the path (no query). */
  path: RegExp;
  /** How many matching requests fail before the real handler answers again. */
  times?: number;
  respond: InjectedResponse;
}

export class Ledger {
  readonly objects: CreatedObject[] = [];
  readonly requests: LoggedRequest[] = [];
  private injections: (Injection & { left: number })[] = [];
  private seq: number;

  constructor(firstId: number) {
    this.seq = firstId;
  }

  nextId(): string {
    return String(this.seq++);
  }

  create(kind: string, body: Record<string, unknown>, id = this.nextId()): CreatedObject {
    const obj = { kind, id, body };
    this.objects.push(obj);
    return obj;
  }

  find(kind: string, id: string): CreatedObject | undefined {
    return this.objects.find((o) => o.kind === kind && o.id === id);
  }

  created(kind?: string): CreatedObject[] {
    return kind ? this.objects.filter((o) => o.kind === kind) : [...this.objects];
  }

  /** Creation counts per kind, e.g. {campaign: 1, adset: 1}. */
  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const o of this.objects) out[o.kind] = (out[o.kind] ?? 0) + 1;
    return out;
  }

  inject(injection: Injection): void {
    this.injections.push({ ...injection, left: injection.times ?? 1 });
  }

  /** Consumes one matching injection, if any. */
  takeInjection(method: string, path: string): InjectedResponse | undefined {
    const hit = this.injections.find((i) => i.left > 0 && (!i.method || i.method === method) && i.path.test(path));
    if (!hit) return undefined;
    hit.left--;
    return hit.respond;
  }

  reset(): void {
    this.objects.length = 0;
    this.requests.length = 0;
    this.injections = [];
  }
}

/** Reads a JSON or form body; form values that are JSON (Graph API style) are parsed. */
export async function readBody(c: Context): Promise<Record<string, unknown>> {
  const type = c.req.header('content-type') ?? '';
  if (type.includes('application/json')) {
    try {
      return (await c.req.json()) as Record<string, unknown>;
    } catch {
      return {};
    }
  }
  if (type.includes('application/x-www-form-urlencoded') || type.includes('multipart/form-data')) {
    const form = await c.req.parseBody();
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(form)) {
      if (typeof v !== 'string') continue;
      try {
        out[k] = /^[[{]/.test(v) ? JSON.parse(v) : v;
      } catch {
        out[k] = v;
      }
    }
    return out;
  }
  return {};
}

export const bearer = (c: Context): string | undefined =>
  /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1];

export const isSha256Hex = (v: unknown): boolean => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v);

export const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

export interface RunningFake {
  url: string;
  close: () => Promise<void>;
}

/** A JSON request body as a fake receives it: read field by field, checked the way the real API checks it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fakes read arbitrary JSON the way the platform does
export type JsonBody = Record<string, any>;

/** Serves a fake on 127.0.0.1 on an ephemeral port. */
export function serveFake(app: { fetch: Hono['fetch'] }): Promise<RunningFake> {
  return new Promise((resolve) => {
    const server: ServerType = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

/** A fetch that calls the app in-process (no port), for unit-speed tests: `app.request` under the hood. */
export function inProcessFetch(app: { request: Hono['request'] }) {
  return (url: string, init: RequestInit) => Promise.resolve(app.request(url, init));
}
