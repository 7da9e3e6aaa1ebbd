import { useEffect, useId, useState } from 'react';
import { useKit } from '@/utils/kit/store';
import { syncStatusItem } from '@/utils/sync/items';
import { teamItem } from '@/utils/team/connection';
import {
  createOrganisation,
  fetchMe,
  normaliseServerUrl,
  signIn,
  signOut,
  signUp,
  type Organisation,
} from '@/utils/team/api';
import type { TeamSyncStatus } from '@/utils/sync/items';
import type { TeamConnection } from '@/utils/team/connection';

const f: typeof fetch = (input, init) => fetch(input, init);
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * The options page's "Team server" account part: sign in or create an account on the server whose URL
 * is in the field above, then choose or create the organisation drafts sync with. The token goes to
 * storage.local (`local:team`), which the background's sync runner watches.
 */
export function TeamServer() {
  const serverField = useKit((s) => s.form?.teamServerUrl ?? '');
  const [conn, setConn] = useState<TeamConnection | null | undefined>(undefined);
  const [status, setStatus] = useState<TeamSyncStatus | null>(null);
  /** The organisations of one session (server + token): another session's list is never shown. */
  const [orgList, setOrgList] = useState<{ session: string; orgs: Organisation[] } | null>(null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [name, setName] = useState('');
  const [orgName, setOrgName] = useState('');
  const [choice, setChoice] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  useEffect(() => {
    void teamItem.getValue().then(setConn);
    void syncStatusItem.getValue().then(setStatus);
    const u = [teamItem.watch((v) => setConn(v)), syncStatusItem.watch((v) => setStatus(v))];
    return () => u.forEach((x) => x());
  }, []);

  const signedIn = conn?.token ? conn : null;
  const serverUrl = signedIn?.serverUrl;
  const token = signedIn?.token;
  const orgId = signedIn?.orgId ?? null;
  const session = serverUrl && token ? `${serverUrl}|${token}` : null;
  const orgs = orgList && orgList.session === session ? orgList.orgs : null;
  useEffect(() => {
    if (!serverUrl || !token) return;
    fetchMe(f, serverUrl, token)
      .then((me) => {
        setOrgList({ session: `${serverUrl}|${token}`, orgs: me.organizations });
        setChoice((c) => c || orgId || me.organizations[0]?.id || '');
      })
      .catch((e) => setError(errorText(e)));
  }, [serverUrl, token, orgId]);

  async function run(fn: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  const account = (create: boolean) =>
    run(async () => {
      const serverUrl = normaliseServerUrl(serverField);
      if (!email.trim() || !password) throw new Error('Enter your e-mail and password.');
      const r = create
        ? await signUp(f, serverUrl, name, email, password)
        : await signIn(f, serverUrl, email, password);
      const me = await fetchMe(f, serverUrl, r.token);
      const only = me.organizations.length === 1 ? me.organizations[0]! : null;
      await teamItem.setValue({
        serverUrl,
        token: r.token,
        user: r.user,
        orgId: only?.id ?? null,
        orgName: only?.name ?? null,
      });
      setPassword('');
    });

  const chooseOrg = (org: Organisation) => teamItem.setValue({ ...signedIn!, orgId: org.id, orgName: org.name });

  if (conn === undefined) return null;
  if (!signedIn) {
    return (
      <form
        className="team"
        data-testid="team-signin-form"
        onSubmit={(e) => {
          e.preventDefault();
          void account(false);
        }}
      >
        <div className="grid2">
          <div className="field">
            <label htmlFor={`${id}-email`}>E-mail</label>
            <input
              id={`${id}-email`}
              type="email"
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              data-testid="team-email"
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-pw`}>Password</label>
            <input
              id={`${id}-pw`}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              data-testid="team-password"
            />
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-name`}>Your name (new accounts)</label>
          <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} data-testid="team-name" />
        </div>
        <div className="row">
          <button type="submit" className="primary" disabled={busy || !serverField} data-testid="team-signin">
            Sign in
          </button>
          <button
            type="button"
            className="ghost"
            disabled={busy || !serverField}
            onClick={() => void account(true)}
            data-testid="team-signup"
          >
            Create account
          </button>
          {!serverField && <span className="muted">Enter the team server URL first.</span>}
        </div>
        {error && (
          <p className="error-text" role="alert" data-testid="team-error">
            {error}
          </p>
        )}
      </form>
    );
  }

  const current = orgs?.find((o) => o.id === signedIn.orgId);
  const syncText =
    !status || status.state === 'off'
      ? (status?.message ?? 'Not syncing')
      : {
          synced: 'All drafts synced',
          pending: 'Changes waiting to sync',
          offline: status.message ?? 'Offline',
          conflict: 'A conflict needs you: open the popup',
        }[status.state];
  return (
    <div className="team" data-testid="team-signed-in">
      <p>
        Signed in as <strong>{signedIn.user.email}</strong> on {signedIn.serverUrl}.{' '}
        <button
          type="button"
          className="ghost"
          data-testid="team-signout"
          onClick={() =>
            void run(async () => {
              await signOut(f, signedIn.serverUrl, signedIn.token);
              await teamItem.setValue(null);
            })
          }
        >
          Sign out
        </button>
      </p>
      <p data-testid="team-org-current">
        {signedIn.orgId ? (
          <>
            Syncing drafts with <strong>{signedIn.orgName ?? current?.name}</strong>
            {current ? ` (${current.role})` : ''}. {syncText}.
          </>
        ) : (
          'Choose an organisation to start syncing drafts.'
        )}
      </p>
      {orgs && orgs.length > 0 && (
        <div className="row">
          <label htmlFor={`${id}-org`}>Organisation</label>
          <select
            id={`${id}-org`}
            value={choice}
            onChange={(e) => setChoice(e.target.value)}
            data-testid="team-org-select"
          >
            {orgs.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name} — {o.role}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="primary"
            disabled={busy || !choice || choice === signedIn.orgId}
            data-testid="team-org-use"
            onClick={() =>
              void run(async () => {
                const o = orgs.find((x) => x.id === choice);
                if (o) await chooseOrg(o);
              })
            }
          >
            Use this organisation
          </button>
        </div>
      )}
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            const o = await createOrganisation(f, signedIn.serverUrl, signedIn.token, orgName);
            setOrgList({ session: session!, orgs: [...(orgs ?? []), o] });
            setChoice(o.id);
            setOrgName('');
            await chooseOrg(o);
          });
        }}
      >
        <label htmlFor={`${id}-neworg`}>New organisation</label>
        <input
          id={`${id}-neworg`}
          value={orgName}
          onChange={(e) => setOrgName(e.target.value)}
          placeholder="Acme Communications"
          data-testid="team-org-name"
        />
        <button type="submit" className="ghost" disabled={busy || !orgName.trim()} data-testid="team-org-create">
          Create
        </button>
      </form>
      {error && (
        <p className="error-text" role="alert" data-testid="team-error">
          {error}
        </p>
      )}
    </div>
  );
}
