import type { Platform } from '../contract/draft';
import { PlatformErrorSchema as ErrorBodySchema, type PlatformErrorBody as ErrorBody } from '../contract/platforms';
import { PLATFORM_IDS, platformLabel } from '../platforms/registry';
import { copyFieldLabels } from '../platforms/drafts';
import { PLATFORM_SEND, stepLabel } from '../platforms/send-registry';

/**
 * Team-server and platform failures in words a PR person can act on. The server already phrases most
 * platform errors; here they get the one thing to do next in this extension (reconnect in Options, fix
 * which draft field, wait), and transport failures (server down, 501 app not configured) get their own.
 */

/** What the UI can offer next to the message. */
export type FailureAction = 'reconnect' | 'sign-in' | 'fix-field' | 'approve' | 'retry-later' | 'retry' | 'server';

export class PlatformFailure extends Error {
  constructor(
    message: string,
    readonly action: FailureAction,
    readonly details: { status?: number; kind?: string; draftField?: string; permission?: string; step?: string } = {},
  ) {
    super(message);
    this.name = 'PlatformFailure';
  }
}

/** The server's error body: `{ error: kind, message, step?, draftField?, permission? }`. */
export { ErrorBodySchema, type ErrorBody };

/** Draft fields as the editor labels them (the server names the draft's field, not the platform's). */
const FIELD_LABEL: Record<string, string> = {
  ...copyFieldLabels(),
  cta: 'Call to action',
  url: 'Destination link',
  destination: 'Destination link',
  imageUrl: 'Image',
  audience: 'Audience',
  dailyBudget: 'Daily budget (Options)',
  schedule: 'Flight (Options)',
  mediaList: 'Media list',
  name: 'Release headline',
};
export const fieldLabel = (f: string) => FIELD_LABEL[f] ?? f;

/** The server settings that enable connecting the platform (every platform's when it is not known). */
const settingsOf = (platform: Platform | null) =>
  (platform ? [platform] : PLATFORM_IDS).map((id) => PLATFORM_SEND[id].serverSettings).join('; ');

export const unreachable = (serverUrl: string) =>
  new PlatformFailure(
    `Cannot reach the team server at ${serverUrl}. Check that it is running, then try again.`,
    'retry',
  );

function retryAfter(res: { headers: Headers }): string {
  const s = Number(res.headers.get('retry-after'));
  if (!Number.isFinite(s) || s <= 0) return 'in a few minutes';
  return s < 90 ? `in about ${Math.ceil(s)} seconds` : `in about ${Math.ceil(s / 60)} minutes`;
}

/**
 * One failed reply → PlatformFailure. `platform` is null for calls about both platforms; `what` starts
 * the sentence for failures the server did not explain.
 */
export function describeFailure(
  status: number,
  body: ErrorBody | null,
  platform: Platform | null,
  what: string,
  retryText = 'in a few minutes',
): PlatformFailure {
  const p = platform ? platformLabel(platform) : 'the ad platform';
  const kind = body?.error;
  const d = { status, kind, draftField: body?.draftField, permission: body?.permission, step: body?.step };
  const said = body?.message?.trim();
  if (status === 401)
    return new PlatformFailure('Your team session has ended: sign in again in Options.', 'sign-in', d);
  if (status === 501 || kind === 'not_configured') {
    return new PlatformFailure(
      `This team server has no ${p} app set up, so ${p} cannot be connected yet. Ask whoever runs the server to configure it (${settingsOf(platform)}).`,
      'server',
      d,
    );
  }
  if (kind === 'not_approved')
    return new PlatformFailure(
      'This draft needs approval before it can be sent: ask a reviewer to approve it.',
      'approve',
      d,
    );
  if (kind === 'auth')
    return new PlatformFailure(
      `The ${p} sign-in has expired or was revoked: reconnect ${p} in Options, then send again.`,
      'reconnect',
      d,
    );
  if (kind === 'permission') {
    return new PlatformFailure(
      body?.permission
        ? `${p} has not granted the “${body.permission}” permission: reconnect ${p} in Options and allow it (an admin may have to enable it for the app).`
        : `${p} refused: the connected account lacks a permission or a role on this ad account. Reconnect ${p} in Options with an account that has it.`,
      'reconnect',
      d,
    );
  }
  if (kind === 'not_connected')
    return new PlatformFailure(`${p} is not connected: connect it in Options first.`, 'reconnect', d);
  if (kind === 'throttled' || status === 429)
    return new PlatformFailure(
      `${p} is limiting requests right now. Nothing was duplicated: try again ${retryText}.`,
      'retry-later',
      d,
    );
  if (kind === 'busy')
    return new PlatformFailure(
      said ?? `Another send of this release is still running: try again in a minute.`,
      'retry-later',
      d,
    );
  if ((kind === 'field' || kind === 'targeting' || kind === 'invalid') && body?.draftField) {
    return new PlatformFailure(
      `Fix the draft’s ${fieldLabel(body.draftField)}: ${said ?? `${p} refused it.`}`,
      'fix-field',
      d,
    );
  }
  if (kind === 'field' || kind === 'targeting' || kind === 'invalid')
    return new PlatformFailure(said ?? `${p} refused this draft.`, 'fix-field', d);
  if (kind === 'bad_state') return new PlatformFailure(said ?? 'The sign-in expired: connect again.', 'retry', d);
  if (status === 403)
    return new PlatformFailure(
      said ? `Not allowed: ${said}.` : 'Your role in this organisation cannot do that: ask an owner, admin or editor.',
      'server',
      d,
    );
  if (status === 404)
    return new PlatformFailure(
      'The team server does not have this draft yet: wait for it to sync, then try again.',
      'retry',
      d,
    );
  if (kind === 'unknown' || status === 502) {
    const at = body?.step ? ` at the ${stepLabel(body.step, platform)?.toLowerCase() ?? body.step} step` : '';
    return new PlatformFailure(
      `${p} returned an error${at}: ${said ?? 'no details'}. Sending again resumes from there without duplicating what was created.`,
      'retry',
      d,
    );
  }
  if (status >= 500)
    return new PlatformFailure(`The team server had a problem (${status}). Try again in a moment.`, 'retry', d);
  return new PlatformFailure(`${what}: ${said ?? `HTTP ${status}`}`, 'server', d);
}

export async function httpFailure(res: Response, platform: Platform | null, what: string): Promise<PlatformFailure> {
  const raw = await res.json().catch(() => null);
  const body = ErrorBodySchema.safeParse(raw);
  return describeFailure(res.status, body.success ? body.data : null, platform, what, retryAfter(res));
}

/** Any thrown value → a message (PlatformFailure keeps its own). */
export const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));
