import { create } from 'zustand';
import { syncStatusItem, type TeamSyncStatus } from '../sync/items';
import { teamItem, type TeamConnection } from './connection';
import { createOrganisation, fetchMe, normaliseServerUrl, signIn, signOut, signUp, type Organisation } from './api';

const f: typeof fetch = (input, init) => fetch(input, init);
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export interface TeamAccountState {
  /** undefined until read from storage; null when signed out. */
  conn: TeamConnection | null | undefined;
  status: TeamSyncStatus | null;
  /** The signed-in session's organisations (null until loaded). */
  orgs: Organisation[] | null;
  busy: boolean;
  error: string | null;
  hydrate(): () => void;
  /** Sign in (or create the account) on the server at `serverField`; one organisation is chosen at once. */
  account(form: {
    serverField: string;
    email: string;
    password: string;
    name: string;
    create: boolean;
  }): Promise<boolean>;
  signOut(): Promise<void>;
  chooseOrg(orgId: string): Promise<void>;
  createOrg(name: string): Promise<string | null>;
}

/**
 * The team account as the options page shows it: the one writer of the connection (`local:team`, which
 * the background's sync runner watches) — sign in / up / out, choose or create the organisation.
 */
export const useTeamAccount = create<TeamAccountState>()((set, get) => {
  /** Runs an account action: busy while it runs, its failure as a sentence. Resolves true on success. */
  const run = async (fn: () => Promise<void>): Promise<boolean> => {
    set({ busy: true, error: null });
    try {
      await fn();
      return true;
    } catch (e) {
      set({ error: errorText(e) });
      return false;
    } finally {
      set({ busy: false });
    }
  };
  const loadOrgs = async (conn: TeamConnection | null) => {
    if (!conn?.token) return set({ orgs: null });
    try {
      const me = await fetchMe(f, conn.serverUrl, conn.token);
      // Another session may have started meanwhile: its list only.
      if (get().conn?.token === conn.token) set({ orgs: me.organizations });
    } catch (e) {
      set({ error: errorText(e) });
    }
  };
  return {
    conn: undefined,
    status: null,
    orgs: null,
    busy: false,
    error: null,

    hydrate() {
      void Promise.all([teamItem.getValue(), syncStatusItem.getValue()]).then(([conn, status]) => {
        set({ conn, status });
        void loadOrgs(conn);
      });
      const unwatch = [
        teamItem.watch((conn, prev) => {
          set({ conn });
          if (conn?.token !== prev?.token) void loadOrgs(conn);
        }),
        syncStatusItem.watch((status) => set({ status })),
      ];
      return () => unwatch.forEach((u) => u());
    },

    account: ({ serverField, email, password, name, create }) =>
      run(async () => {
        const serverUrl = normaliseServerUrl(serverField);
        if (!email.trim() || !password) throw new Error('Enter your e-mail and password.');
        const r = create
          ? await signUp(f, serverUrl, name, email, password)
          : await signIn(f, serverUrl, email, password);
        const me = await fetchMe(f, serverUrl, r.token);
        const only = me.organizations.length === 1 ? me.organizations[0]! : null;
        set({ orgs: me.organizations });
        await teamItem.setValue({
          serverUrl,
          token: r.token,
          user: r.user,
          orgId: only?.id ?? null,
          orgName: only?.name ?? null,
        });
      }),

    signOut: async () => {
      await run(async () => {
        const conn = get().conn;
        if (conn?.token) await signOut(f, conn.serverUrl, conn.token);
        await teamItem.setValue(null);
      });
    },

    chooseOrg: async (orgId) => {
      await run(async () => {
        const conn = get().conn;
        const org = get().orgs?.find((o) => o.id === orgId);
        if (conn && org) await teamItem.setValue({ ...conn, orgId: org.id, orgName: org.name });
      });
    },

    createOrg: async (name) => {
      let created: string | null = null;
      await run(async () => {
        const conn = get().conn;
        if (!conn?.token) return;
        const org = await createOrganisation(f, conn.serverUrl, conn.token, name);
        set({ orgs: [...(get().orgs ?? []), org] });
        await teamItem.setValue({ ...conn, orgId: org.id, orgName: org.name });
        created = org.id;
      });
      return created;
    },
  };
});
