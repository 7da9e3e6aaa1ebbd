import { expect, test } from 'vitest';
import { sendAvailability, type SendContext } from '../../../utils/send/send-rules';

const ready: SendContext = {
  signedIn: true,
  orgId: 'org',
  serverStatus: 'approved',
  pending: false,
  conflict: false,
  approvalsRequired: true,
  connection: { connected: true, ready: true, missing: [] },
  error: null,
};

/** One row per rule, in the order a person fixes them: what Send and Dry run do, and the reason shown. */
test.each<{ name: string; ctx: Partial<SendContext> | null; send: boolean; dryRun: boolean; reason: RegExp | null }>([
  { name: 'approved, synced, connected', ctx: {}, send: true, dryRun: true, reason: null },
  { name: 'sent (resume allowed)', ctx: { serverStatus: 'sent' }, send: true, dryRun: true, reason: null },
  { name: 'still loading', ctx: null, send: false, dryRun: false, reason: /Checking/ },
  {
    name: 'signed out',
    ctx: { signedIn: false, orgId: null },
    send: false,
    dryRun: false,
    reason: /Sign in to your team server/,
  },
  { name: 'no organisation', ctx: { orgId: null }, send: false, dryRun: false, reason: /Choose an organisation/ },
  {
    name: 'never synced',
    ctx: { serverStatus: null },
    send: false,
    dryRun: false,
    reason: /Waiting for this draft to sync/,
  },
  { name: 'unsynced edit', ctx: { pending: true }, send: false, dryRun: false, reason: /still syncing/ },
  { name: 'conflict', ctx: { conflict: true }, send: false, dryRun: false, reason: /Resolve the sync conflict/ },
  {
    name: 'server unreachable',
    ctx: { error: 'Cannot reach the team server at http://x.' },
    send: false,
    dryRun: false,
    reason: /Cannot reach/,
  },
  {
    name: 'not connected',
    ctx: { connection: { connected: false, ready: false, missing: [] } },
    send: false,
    dryRun: false,
    reason: /Connect Meta in Options/,
  },
  {
    name: 'account not chosen',
    ctx: { connection: { connected: true, ready: false, missing: [] } },
    send: false,
    dryRun: false,
    reason: /ad account and Facebook page/,
  },
  {
    name: 'in review with approvals on',
    ctx: { serverStatus: 'in_review' },
    send: false,
    dryRun: false,
    reason: /Needs approval.*in review/,
  },
  {
    name: 'draft with approvals unknown (safe side)',
    ctx: { serverStatus: 'draft', approvalsRequired: null },
    send: false,
    dryRun: false,
    reason: /Needs approval/,
  },
  {
    name: 'draft with approvals off',
    ctx: { serverStatus: 'draft', approvalsRequired: false },
    send: true,
    dryRun: true,
    reason: null,
  },
])('$name', ({ ctx, send, dryRun, reason }) => {
  const r = sendAvailability(ctx ? { ...ready, ...ctx } : null, 'meta');
  expect(r.send).toBe(send);
  expect(r.dryRun).toBe(dryRun);
  if (reason) expect(r.reason).toMatch(reason);
  else expect(r.reason).toBeNull();
});

test('LinkedIn names the organisation, not a page', () => {
  expect(
    sendAvailability({ ...ready, connection: { connected: true, ready: false, missing: [] } }, 'linkedin').reason,
  ).toMatch(/LinkedIn ad account and LinkedIn organisation/);
});
