import type { Context } from 'hono';
import type { Db } from '../db/client.ts';
import type { Auth } from '../auth/auth.ts';
import type { ServerConfig } from '../config.ts';
import type { SendDeps } from '../platforms/index.ts';

/** Everything createApp needs; tests pass in-memory PGlite, main.ts passes the real thing. */
export interface AppDeps {
  db: Db;
  auth: Auth;
  config: ServerConfig;
  clock: () => Date;
  /**
   * The socket's peer address (main.ts). The client's address is this, or, when the peer is a configured
   * proxy, what the proxy forwarded (server/lib/client-ip.ts); it keys the per-address rate limits.
   */
  clientIp?: (c: Context) => string | undefined;
  /** Tests: the platform library's network, retry sleep and targeting cache (defaults: global fetch, real backoff). */
  platformSendDeps?: SendDeps;
}

export interface SessionUser {
  id: string;
  name: string;
  email: string;
}

export interface AppEnv {
  Variables: {
    user: SessionUser;
    orgId: string;
    role: string;
  };
}
