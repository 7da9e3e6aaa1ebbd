import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** The extension's origin as the server sees it: every bench request carries it, as the extension's do. */
export const BENCH_ORIGIN = 'chrome-extension://benchbenchbenchbenchbenchbenchbe';

export interface ServerProc {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts server/main.ts as its own node process (no wrapper, so SIGKILL hits the server itself). */
export async function startServer(env: { DATABASE_URL?: string; dataDir: string; port?: number }): Promise<ServerProc> {
  const port = env.port ?? (await freePort());
  const child = spawn(
    process.execPath,
    [
      ...(process.env.WB_SERVER_NODE_ARGS ? process.env.WB_SERVER_NODE_ARGS.split(' ') : []),
      '--import',
      'tsx',
      'server/main.ts',
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        WIREBOOST_DATA_DIR: env.dataDir,
        DATABASE_URL: env.DATABASE_URL ?? '',
        WIREBOOST_AUTH_RATE_LIMIT: '0',
        WIREBOOST_DB_POOL: process.env.WB_BENCH_POOL ?? '20',
        BETTER_AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-01',
        REVIEW_LINK_SECRET: 'bench-review-secret-bench-review-secret-1',
        WIREBOOST_TOKEN_KEY: Buffer.alloc(32, 7).toString('base64'),
        WIREBOOST_EXTENSION_ORIGINS: BENCH_ORIGIN,
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/ready`)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  if (Date.now() >= deadline) throw new Error('server did not become ready');
  return {
    url,
    child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

export interface Member {
  token: string;
  orgId: string;
}

/** Signs up a user and creates an organisation; returns the bearer token and org id. */
export async function ownerWithOrg(url: string, name: string): Promise<Member> {
  const email = `${name}-${randomUUID().slice(0, 8)}@bench.test`;
  const res = await fetch(`${url}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email, password: 'bench password 123', name }),
  });
  if (!res.ok) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
  // Sign-up opens no session (it answers alike for new and existing e-mails): sign in, as the extension does.
  const signedIn = await fetch(`${url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email, password: 'bench password 123' }),
  });
  const token = signedIn.headers.get('set-auth-token');
  if (!signedIn.ok || !token) throw new Error(`sign-in failed: ${signedIn.status} ${await signedIn.text()}`);
  const org = await fetch(`${url}/api/auth/organization/create`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, origin: url },
    body: JSON.stringify({ name, slug: `${name.toLowerCase()}-${randomUUID().slice(0, 8)}` }),
  });
  if (!org.ok) throw new Error(`org create failed: ${org.status} ${await org.text()}`);
  return { token, orgId: ((await org.json()) as { id: string }).id };
}

export function draftDoc(id: string, i: number) {
  return {
    id,
    releaseId: `rel-${i % 50}`,
    platform: 'meta',
    angle: 'news',
    rationale: 'bench',
    status: 'draft',
    destination: 'https://example.com/news',
    utm: { source: 'facebook', medium: 'paid_social', campaign: 'bench', content: 'news' },
    url: 'https://example.com/news?utm_source=facebook',
    imageUrl: null,
    audience: 'journalists',
    mediaListId: null,
    createdAt: '2026-03-02T09:00:00Z',
    updatedAt: '2026-03-02T09:00:00Z',
    remote: {},
    primaryText: `Acme launches thing number ${i}, with a primary text of realistic length for a feed ad.`,
    headline: `Acme launches ${i}`,
    description: 'Read the release',
    cta: 'LEARN_MORE',
  };
}

export function pushBody(id: string, i: number, baseRevision = 0) {
  return JSON.stringify({ op: 'upsert', mutationId: `m-${randomUUID()}`, baseRevision, draft: draftDoc(id, i) });
}
