import { browser } from 'wxt/browser';
import { create } from 'zustand';
import type { Platform } from '../contract/draft';
import { byPlatform } from '../platforms/registry';
import { PLATFORM_SEND } from '../platforms/send-registry';
import { connectPlatform, type IdentityLike } from './connect';
import { platformApi, type PlatformApi, type PlatformChoices, type PlatformConnection } from './platform-api';
import { messageOf } from './platform-errors';
import { teamItem, type TeamConnection } from '../team/connection';

/** The account choice being edited in Options (ids as the platform gives them). */
export interface ChoiceForm {
  adAccountId: string;
  identityId: string;
  currency: string;
  timeZone: string;
}

export interface PlatformSlice {
  connection: PlatformConnection | null;
  choices: PlatformChoices | null;
  form: ChoiceForm;
  busy: 'connect' | 'choices' | 'save' | 'disconnect' | null;
  error: string | null;
  /** Last success, e.g. "Connected: choose the ad account below." */
  notice: string | null;
}

/** One slice per platform, keyed by its id. */
export interface PlatformsState extends Record<Platform, PlatformSlice> {
  /** The team target the slices belong to (null = signed out or no organisation). */
  key: string | null;
  /**
   * This browser's OAuth redirect URL (Chrome: https://<extension id>.chromiumapp.org/, Firefox:
   * https://<uuid>.extensions.allizom.org/): Meta and LinkedIn only redirect to URLs registered in the app.
   */
  redirectUrl: string;
  loading: boolean;
  error: string | null;
  /** Reads every connection (and the choices of connected ones) for this team connection. */
  load(team: TeamConnection | null): Promise<void>;
  connect(p: Platform): Promise<void>;
  loadChoices(p: Platform): Promise<void>;
  setField(p: Platform, key: keyof ChoiceForm, value: string): void;
  save(p: Platform): Promise<void>;
  disconnect(p: Platform): Promise<void>;
}

export interface PlatformsDeps {
  fetch: typeof fetch;
  identity: () => IdentityLike;
}

const emptySlice = (): PlatformSlice => ({
  connection: null,
  choices: null,
  form: { adAccountId: '', identityId: '', currency: '', timeZone: '' },
  busy: null,
  error: null,
  notice: null,
});

/** The form from the saved choice, else the first account offered (with its currency and zone). */
export function formFor(c: PlatformConnection | null, choices: PlatformChoices | null): ChoiceForm {
  const account = choices?.adAccounts.find((a) => a.id === c?.adAccountId) ?? choices?.adAccounts[0];
  return {
    adAccountId: c?.adAccountId ?? account?.id ?? '',
    identityId: (c && c[PLATFORM_SEND[c.platform].identity.field]) ?? choices?.identities[0]?.id ?? '',
    currency: c?.currency ?? account?.currency ?? '',
    timeZone: c?.timeZone ?? account?.timeZone ?? '',
  };
}

/**
 * The options page's "Ad platforms" store: connect (OAuth through the browser's sign-in window, code
 * exchanged by the team server), pick the account, disconnect. Components only render it.
 */
export function createPlatformsStore(deps: PlatformsDeps) {
  let api: PlatformApi | null = null;
  return create<PlatformsState>()((set, get) => {
    const patch = (p: Platform, s: Partial<PlatformSlice>) =>
      set({ [p]: { ...get()[p], ...s } } as Partial<PlatformsState>);
    /** Run one action on one platform: busy while it runs, its error in words afterwards. */
    async function act(p: Platform, busy: PlatformSlice['busy'], fn: (api: PlatformApi) => Promise<void>) {
      if (!api) return patch(p, { error: 'Sign in to your team server and choose an organisation first.' });
      patch(p, { busy, error: null, notice: null });
      try {
        await fn(api);
      } catch (e) {
        patch(p, { error: messageOf(e) });
      } finally {
        patch(p, { busy: null });
      }
    }
    const refresh = async (a: PlatformApi, p: Platform) => {
      const c = (await a.connections()).find((x) => x.platform === p) ?? null;
      patch(p, { connection: c });
      return c;
    };

    return {
      key: null,
      redirectUrl: '',
      loading: false,
      error: null,
      ...byPlatform(emptySlice),

      async load(team) {
        const key = team?.token && team.orgId ? `${team.serverUrl}|${team.orgId}|${team.token}` : null;
        api = key
          ? platformApi(deps.fetch, { serverUrl: team!.serverUrl, token: team!.token, orgId: team!.orgId! })
          : null;
        let redirectUrl = '';
        try {
          redirectUrl = deps.identity().getRedirectURL();
        } catch {
          /* no identity API: Connect will say so */
        }
        set({ key, redirectUrl, loading: !!api, error: null, ...byPlatform(emptySlice) });
        if (!api) return;
        try {
          const items = await api.connections();
          if (get().key !== key) return;
          for (const c of items) patch(c.platform, { connection: c, form: formFor(c, null) });
          set({ loading: false });
          await Promise.all(items.filter((c) => c.connected).map((c) => get().loadChoices(c.platform)));
        } catch (e) {
          if (get().key === key) set({ loading: false, error: messageOf(e) });
        }
      },

      connect: (p) =>
        act(p, 'connect', async (a) => {
          const r = await connectPlatform(a, deps.identity(), p);
          await refresh(a, p);
          await get().loadChoices(p);
          // After the choices: loading them clears notices, and this one must stay.
          patch(p, {
            notice: r.missing.length
              ? 'Connected, but some permissions were not granted (below).'
              : 'Connected. Choose the ad account below.',
          });
        }),

      loadChoices: (p) =>
        act(p, 'choices', async (a) => {
          const choices = await a.choices(p);
          patch(p, { choices, form: formFor(get()[p].connection, choices) });
        }),

      setField(p, key, value) {
        const s = get()[p];
        const form = { ...s.form, [key]: value };
        // Picking an ad account brings its currency and time zone along (the platform bills in them).
        if (key === 'adAccountId') {
          const account = s.choices?.adAccounts.find((x) => x.id === value);
          if (account?.currency) form.currency = account.currency;
          if (account?.timeZone) form.timeZone = account.timeZone;
        }
        patch(p, { form, notice: null });
      },

      save: (p) =>
        act(p, 'save', async (a) => {
          const f = get()[p].form;
          if (!f.adAccountId || !f.identityId || !/^[A-Za-z]{3}$/.test(f.currency)) {
            throw new Error(`Choose an ad account, a ${PLATFORM_SEND[p].identity.noun} and a three-letter currency.`);
          }
          const connection = await a.choose(p, {
            adAccountId: f.adAccountId,
            identityId: f.identityId,
            currency: f.currency,
            timeZone: f.timeZone || undefined,
          });
          patch(p, { connection, notice: 'Saved. Drafts can be sent to this account.' });
        }),

      disconnect: (p) =>
        act(p, 'disconnect', async (a) => {
          await a.disconnect(p);
          patch(p, { ...emptySlice(), notice: 'Disconnected.' });
          await refresh(a, p);
        }),
    };
  });
}

/** The options page's instance: real fetch and the browser's sign-in window (identity permission). */
export const usePlatforms = createPlatformsStore({
  fetch: (input, init) => fetch(input, init),
  identity: () => browser.identity,
});

/** Keep the options page's connections in step with the team connection (sign-in, organisation). */
export function followTeam(): () => void {
  const { load } = usePlatforms.getState();
  void teamItem.getValue().then(load);
  return teamItem.watch((t) => void load(t));
}
