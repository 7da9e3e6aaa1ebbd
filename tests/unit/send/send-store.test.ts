import { expect, test } from 'vitest';
import { createSendStore, type SendTransport } from '../../../utils/send/store';
import { formFor } from '../../../utils/send/connections-store';
import type { SendContext } from '../../../utils/send/send-rules';
import type { SendReply } from '../../../utils/send/service';

const ctx: SendContext = {
  signedIn: true,
  orgId: 'o',
  serverStatus: 'approved',
  pending: false,
  conflict: false,
  approvalsRequired: true,
  connection: { connected: true, ready: true, missing: [] },
  error: null,
};

function transport(replies: SendReply[]) {
  const calls: string[] = [];
  const t: SendTransport = {
    context: async ({ draftId }) => {
      calls.push(`context:${draftId}`);
      return ctx;
    },
    send: async ({ draftId, dryRun }) => {
      calls.push(`send:${draftId}:${dryRun}`);
      return replies.shift()!;
    },
  };
  return { t, calls };
}

test('a failed send keeps the words and the action; the retry replaces them with the result; context re-read after each', async () => {
  const { t, calls } = transport([
    {
      ok: false,
      error: 'The Meta sign-in has expired or was revoked: reconnect Meta in Options, then send again.',
      action: 'reconnect',
      step: 'creative',
    },
    {
      ok: true,
      result: {
        platform: 'meta',
        dryRun: false,
        ids: { campaign: '1' },
        created: ['creative', 'ad'],
        skipped: ['campaign'],
        requests: [],
        remote: { campaign: '1', link: 'https://adsmanager.facebook.com/x' },
      },
    },
  ]);
  const store = createSendStore(t);
  await store.getState().send('d1', 'meta', false);
  expect(store.getState().byDraft.d1).toMatchObject({
    busy: null,
    result: null,
    error: { action: 'reconnect', message: expect.stringMatching(/reconnect Meta in Options/) },
    ctx,
  });
  await store.getState().send('d1', 'meta', false);
  expect(store.getState().byDraft.d1).toMatchObject({
    error: null,
    result: { remote: { link: 'https://adsmanager.facebook.com/x' } },
  });
  expect(calls).toEqual(['send:d1:false', 'context:d1', 'send:d1:false', 'context:d1']);
});

test('a second click while sending is ignored (one request in flight per draft)', async () => {
  let release!: (r: SendReply) => void;
  const t: SendTransport = {
    context: async () => ctx,
    send: () =>
      new Promise((r) => {
        release = r;
      }),
  };
  const store = createSendStore(t);
  const first = store.getState().send('d2', 'linkedin', false);
  expect(store.getState().byDraft.d2?.busy).toBe('send');
  await store.getState().send('d2', 'linkedin', false); // returns at once
  release({
    ok: true,
    result: { platform: 'linkedin', dryRun: false, ids: {}, created: [], skipped: [], requests: [], remote: {} },
  });
  await first;
  expect(store.getState().byDraft.d2?.busy).toBeNull();
});

test('the background not answering is an error in words, not a stuck button', async () => {
  const store = createSendStore({
    context: async () => ctx,
    send: async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    },
  });
  await store.getState().send('d3', 'meta', true);
  expect(store.getState().byDraft.d3).toMatchObject({
    busy: null,
    error: { action: 'retry', message: expect.stringMatching(/background did not answer/) },
  });
});

test('the account form: the saved choice first, else the first account with its currency and zone', () => {
  const choices = {
    adAccounts: [
      { id: '1', name: 'A', currency: 'EUR', timeZone: 'Europe/Paris' },
      { id: '2', name: 'B', currency: 'USD' },
    ],
    identities: [{ id: '9' }],
    scopes: [],
    missing: [],
  };
  expect(formFor(null, choices)).toEqual({
    adAccountId: '1',
    identityId: '9',
    currency: 'EUR',
    timeZone: 'Europe/Paris',
  });
  const saved = {
    platform: 'linkedin' as const,
    connected: true,
    ready: true,
    scopes: [],
    missing: [],
    expiresAt: null,
    adAccountId: '2',
    pageId: null,
    organizationId: '77',
    currency: 'USD',
    timeZone: null,
    countries: [],
  };
  expect(formFor(saved, choices)).toEqual({ adAccountId: '2', identityId: '77', currency: 'USD', timeZone: '' });
});
