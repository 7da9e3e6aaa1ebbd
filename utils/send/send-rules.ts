import type { DraftStatus, Platform } from '../contract/draft';
import { platformLabel } from '../platforms/registry';
import { PLATFORM_SEND } from '../platforms/send-registry';

/**
 * What the Send buttons need to know about one draft, gathered by the background (utils/send/service.ts)
 * from the team connection, the sync client's state and the server's settings and connections.
 */
export interface SendContext {
  signedIn: boolean;
  orgId: string | null;
  /** Status of the team server's copy; null while the draft has not reached the server. */
  serverStatus: DraftStatus | null;
  /** A local change to this draft is still waiting in the outbox. */
  pending: boolean;
  /** An open sync conflict holds this draft. */
  conflict: boolean;
  approvalsRequired: boolean | null;
  connection: { connected: boolean; ready: boolean; missing: string[] } | null;
  /** Why the settings / connections could not be read (server down…), if so. */
  error: string | null;
}

export interface SendAvailability {
  send: boolean;
  dryRun: boolean;
  /** Why Send is off (shown next to the buttons); null when it is on. */
  reason: string | null;
}

const STATUS_TEXT: Record<DraftStatus, string> = {
  draft: 'a draft',
  in_review: 'in review',
  approved: 'approved',
  rejected: 'rejected',
  sent: 'sent',
};

/**
 * The enable rules, in the order a person has to fix them. Sending is refused unless the server holds
 * exactly what is on screen (the server sends its copy, so an unsynced edit would silently not go out)
 * and, when the organisation requires approvals, that copy is approved (or sent, to resume).
 * A dry run needs the same: it creates nothing, but the server checks approval before building any request
 * (server/platforms/send.ts preflight), so offering it earlier would only produce a refusal.
 */
export function sendAvailability(ctx: SendContext | null, platform: Platform): SendAvailability {
  const p = platformLabel(platform);
  const off = (reason: string): SendAvailability => ({ send: false, dryRun: false, reason });
  if (!ctx) return off('Checking…');
  if (!ctx.signedIn) return off('Sign in to your team server in Options to send drafts.');
  if (!ctx.orgId) return off('Choose an organisation in Options to send drafts.');
  if (ctx.conflict) return off('Resolve the sync conflict on this draft first.');
  if (ctx.pending) return off('Your latest changes are still syncing to the team.');
  if (!ctx.serverStatus) return off('Waiting for this draft to sync to the team.');
  if (ctx.error) return off(ctx.error);
  if (!ctx.connection?.connected) return off(`Connect ${p} in Options to send.`);
  if (!ctx.connection.ready)
    return off(`Choose the ${p} ad account and ${PLATFORM_SEND[platform].identity.noun} in Options.`);
  if (ctx.approvalsRequired !== false && ctx.serverStatus !== 'approved' && ctx.serverStatus !== 'sent') {
    return off(`Needs approval before sending (this draft is ${STATUS_TEXT[ctx.serverStatus]}).`);
  }
  return { send: true, dryRun: true, reason: null };
}
