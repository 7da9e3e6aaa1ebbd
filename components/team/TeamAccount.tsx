import { useEffect, useId, useState } from 'react';
import { useKit } from '@/utils/kit/store';
import { useTeamAccount } from '@/utils/team/store';

/**
 * The options page's "Team server" account part: sign in or create an account on the server whose URL
 * is in the field above, then choose or create the organisation drafts sync with (utils/team/store.ts).
 */
export function TeamServer() {
  const serverField = useKit((s) => s.form?.teamServerUrl ?? '');
  const conn = useTeamAccount((s) => s.conn);
  const status = useTeamAccount((s) => s.status);
  const orgs = useTeamAccount((s) => s.orgs);
  const busy = useTeamAccount((s) => s.busy);
  const error = useTeamAccount((s) => s.error);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [name, setName] = useState('');
  const [orgName, setOrgName] = useState('');
  const [picked, setPicked] = useState('');
  const id = useId();

  useEffect(() => useTeamAccount.getState().hydrate(), []);

  const signedIn = conn?.token ? conn : null;
  const choice = picked || signedIn?.orgId || orgs?.[0]?.id || '';
  const account = async (create: boolean) => {
    const ok = await useTeamAccount.getState().account({ serverField, email, password, name, create });
    if (ok) setPassword('');
  };

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
          refused: 'The server refused a draft: open it to see why',
        }[status.state];
  return (
    <div className="team" data-testid="team-signed-in">
      <p>
        Signed in as <strong>{signedIn.user.email}</strong> on {signedIn.serverUrl}.{' '}
        <button
          type="button"
          className="ghost"
          data-testid="team-signout"
          onClick={() => void useTeamAccount.getState().signOut()}
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
            onChange={(e) => setPicked(e.target.value)}
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
            onClick={() => void useTeamAccount.getState().chooseOrg(choice)}
          >
            Use this organisation
          </button>
        </div>
      )}
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void useTeamAccount
            .getState()
            .createOrg(orgName)
            .then((created) => {
              if (!created) return;
              setPicked(created);
              setOrgName('');
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
