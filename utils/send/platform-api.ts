import { z } from 'zod';
import type { Platform } from '../contract/draft';
import { platformLabel } from '../platforms/registry';
import { PLATFORM_SEND } from '../platforms/send-registry';
import { PlatformFailure, httpFailure, unreachable } from './platform-errors';
import {
  CallbackReplySchema,
  ChoicesSchema,
  ConnectionSchema,
  SendResultSchema,
  StartReplySchema,
  type CallbackReply,
  type PlatformChoices,
  type SendResult,
} from '../contract/platforms';

/**
 * The team server's /api/orgs/:orgId/platforms routes as the extension uses them. Pure: fetch is injected,
 * every reply is checked with zod (a server of another version fails here, not deep in the UI), and every
 * failure becomes a PlatformFailure with a sentence a person can act on. No platform token ever passes
 * through here: the server keeps them sealed and only reports what was granted.
 */
export interface TeamTarget {
  serverUrl: string;
  token: string;
  orgId: string;
}

export { type PlatformConnection } from '../contract/platforms';
export type { CallbackReply, PlatformChoices, SendResult };

export interface AccountChoice {
  adAccountId: string;
  /** The id of whom the ads run as: the platform's identity (registry: Facebook page, LinkedIn organisation…). */
  identityId: string;
  currency: string;
  timeZone?: string;
}

export function platformApi(f: typeof fetch, t: TeamTarget) {
  const base = `${t.serverUrl}/api/orgs/${encodeURIComponent(t.orgId)}`;

  async function call<T>(
    platform: Platform | null,
    what: string,
    path: string,
    schema: z.ZodType<T>,
    init: { method?: string; body?: unknown } = {},
  ): Promise<T> {
    let res: Response;
    try {
      res = await f(`${base}${path}`, {
        method: init.method ?? (init.body !== undefined ? 'POST' : 'GET'),
        headers: {
          authorization: `Bearer ${t.token}`,
          ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
        credentials: 'omit',
      });
    } catch {
      throw unreachable(t.serverUrl);
    }
    if (!res.ok) throw await httpFailure(res, platform, what);
    const parsed = schema.safeParse(await res.json().catch(() => undefined));
    if (!parsed.success) {
      throw new PlatformFailure(
        `${what}: the team server answered something this version of Wireboost does not understand. Update the extension or the server.`,
        'server',
      );
    }
    return parsed.data;
  }

  const label = platformLabel;
  return {
    connections: () =>
      call(
        null,
        'Could not load the ad platform connections',
        '/platforms/connections',
        z.object({ items: z.array(ConnectionSchema) }),
      ).then((r) => r.items),
    approvalsRequired: () =>
      call(
        null,
        'Could not load the organisation settings',
        '/settings',
        z.object({ approvalsRequired: z.boolean() }),
      ).then((r) => r.approvalsRequired),
    start: (p: Platform, redirectUri: string) =>
      call(
        p,
        `Could not start connecting ${label(p)}`,
        `/platforms/connect/${p}/start?redirectUri=${encodeURIComponent(redirectUri)}`,
        StartReplySchema,
      ),
    callback: (p: Platform, body: { code: string; state: string; redirectUri: string }) =>
      call(p, `Could not finish connecting ${label(p)}`, `/platforms/connect/${p}/callback`, CallbackReplySchema, {
        body,
      }),
    choices: (p: Platform) =>
      call(p, `Could not list your ${label(p)} accounts`, `/platforms/connect/${p}/choices`, ChoicesSchema),
    choose: (p: Platform, c: AccountChoice) =>
      call(p, `Could not save the ${label(p)} account`, `/platforms/connections/${p}`, ConnectionSchema, {
        method: 'PUT',
        body: {
          adAccountId: c.adAccountId,
          [PLATFORM_SEND[p].identity.field]: c.identityId,
          currency: c.currency,
          ...(c.timeZone ? { timeZone: c.timeZone } : {}),
        },
      }),
    disconnect: (p: Platform) =>
      call(p, `Could not disconnect ${label(p)}`, `/platforms/connections/${p}`, z.object({ ok: z.boolean() }), {
        method: 'DELETE',
      }),
    send: (p: Platform, draftId: string, dryRun: boolean) =>
      call(
        p,
        `Could not send to ${label(p)}`,
        `/platforms/drafts/${encodeURIComponent(draftId)}/send?platform=${p}${dryRun ? '&dryRun=1' : ''}`,
        SendResultSchema,
        { body: {} },
      ),
  };
}
export type PlatformApi = ReturnType<typeof platformApi>;
