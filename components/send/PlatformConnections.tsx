import { useEffect, useId } from 'react';
import type { Platform } from '@/utils/contract/draft';
import { followTeam, usePlatforms } from '@/utils/send/connections-store';
import { PLATFORM_IDS, platformLabel } from '@/utils/engine/ui/light';
import { PLATFORM_SEND, scopeUse } from '@/utils/platforms/send-registry';

const CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'CHF', 'JPY', 'SEK', 'NOK', 'DKK', 'INR', 'SGD', 'BRL', 'MXN'];

/** What "Ad platforms" in Options is for: every platform, and how each creates what is sent. */
export function PlatformsIntro() {
  const names = PLATFORM_IDS.map(platformLabel).join(' and ');
  const how = PLATFORM_IDS.map((p) => `${PLATFORM_SEND[p].createdAs} (${platformLabel(p)})`).join(' or ');
  return (
    <p className="muted">
      Connect your organisation’s {names} ad accounts. The team server keeps the sign-ins; approved drafts are sent{' '}
      {how}, never live.
    </p>
  );
}

/**
 * "Ad platforms" in Options: connect each platform for the organisation (the team server keeps the tokens),
 * choose the ad account, page / organisation, currency and time zone, see the permissions.
 */
export function Platforms() {
  const key = usePlatforms((s) => s.key);
  const loading = usePlatforms((s) => s.loading);
  const error = usePlatforms((s) => s.error);
  useEffect(() => followTeam(), []);
  if (!key)
    return (
      <p className="muted" data-testid="platforms-signed-out">
        Sign in to a team server and choose an organisation above to connect ad accounts.
      </p>
    );
  if (loading)
    return (
      <p className="muted" aria-busy="true">
        Loading connections…
      </p>
    );
  if (error)
    return (
      <p className="error-text" role="alert" data-testid="platforms-error">
        {error}
      </p>
    );
  return (
    <div className="platforms">
      {PLATFORM_IDS.map((p) => (
        <PlatformCard key={p} platform={p} />
      ))}
      <RedirectHint />
    </div>
  );
}

/** For whoever sets up the Meta / LinkedIn apps: the platforms only redirect to registered URLs. */
function RedirectHint() {
  const url = usePlatforms((s) => s.redirectUrl);
  return url ? (
    <p className="hint-text" data-testid="redirect-url">
      Sign-in redirect URL of this browser (add it to the {PLATFORM_IDS.map(platformLabel).join(' and ')} apps’ allowed
      redirect URLs): <code>{url}</code>
    </p>
  ) : null;
}

function PlatformCard({ platform: p }: { platform: Platform }) {
  const s = usePlatforms((st) => st[p]);
  const name = platformLabel(p);
  const { identity, timeZonePlaceholder } = PLATFORM_SEND[p];
  const { connect, disconnect, save, setField } = usePlatforms.getState();
  const id = useId();
  const c = s.connection;
  const state = !c?.connected
    ? 'Not connected'
    : c.ready
      ? `Connected — ad account ${c.adAccountId}, ${c.currency}`
      : 'Connected — choose the account';
  return (
    <section
      className="platform"
      aria-labelledby={`${id}-h`}
      data-testid={`platform-${p}`}
      data-connected={c?.connected ? 'true' : 'false'}
      data-ready={c?.ready ? 'true' : 'false'}
    >
      <div className="row">
        <h3 id={`${id}-h`}>{name}</h3>
        <span className="muted" data-testid={`platform-${p}-state`}>
          {state}
        </span>
        <span className="spacer" />
        <button
          type="button"
          className={c?.connected ? 'secondary' : 'primary'}
          disabled={!!s.busy}
          onClick={() => void connect(p)}
          data-testid={`connect-${p}`}
        >
          {s.busy === 'connect' ? 'Waiting for sign-in…' : c?.connected ? 'Reconnect' : `Connect ${name}`}
        </button>
        {c?.connected && (
          <button
            type="button"
            className="ghost danger"
            disabled={!!s.busy}
            onClick={() => void disconnect(p)}
            data-testid={`disconnect-${p}`}
          >
            Disconnect
          </button>
        )}
      </div>
      {c?.connected && (
        <ul className="scopes" aria-label={`${name} permissions`} data-testid={`scopes-${p}`}>
          {c.scopes.map((x) => (
            <li key={x} className="granted" data-scope={x}>
              ✓ {x}
              {scopeUse(p, x) && <span className="muted"> — {scopeUse(p, x)}</span>}
            </li>
          ))}
          {c.missing.map((x) => (
            <li key={x} className="missing" data-scope={x} data-testid={`missing-${p}`}>
              ✗ {x} not granted<span className="muted"> — Wireboost cannot {scopeUse(p, x) || 'use it'}</span>
            </li>
          ))}
        </ul>
      )}
      {c?.connected && s.choices && (
        <form
          className="choice"
          onSubmit={(e) => {
            e.preventDefault();
            void save(p);
          }}
        >
          <div className="grid2">
            <div className="field">
              <label htmlFor={`${id}-acct`}>Ad account</label>
              <select
                id={`${id}-acct`}
                value={s.form.adAccountId}
                onChange={(e) => setField(p, 'adAccountId', e.target.value)}
                data-testid={`choice-${p}-account`}
              >
                {!s.form.adAccountId && <option value="">Choose…</option>}
                {s.choices.adAccounts.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name} ({a.id})
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-ident`}>{identity.noun}</label>
              <select
                id={`${id}-ident`}
                value={s.form.identityId}
                onChange={(e) => setField(p, 'identityId', e.target.value)}
                data-testid={`choice-${p}-identity`}
              >
                {!s.form.identityId && <option value="">Choose…</option>}
                {s.choices.identities.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.name ? `${i.name} (${i.id})` : i.id}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-cur`}>Currency</label>
              <select
                id={`${id}-cur`}
                value={s.form.currency}
                onChange={(e) => setField(p, 'currency', e.target.value)}
                data-testid={`choice-${p}-currency`}
              >
                {[...new Set([s.form.currency, ...CURRENCIES].filter(Boolean))].map((x) => (
                  <option key={x}>{x}</option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-tz`}>Time zone</label>
              <input
                id={`${id}-tz`}
                value={s.form.timeZone}
                onChange={(e) => setField(p, 'timeZone', e.target.value)}
                placeholder={timeZonePlaceholder}
                data-testid={`choice-${p}-tz`}
              />
            </div>
          </div>
          <div className="row">
            <button type="submit" className="primary" disabled={!!s.busy} data-testid={`choice-${p}-save`}>
              {s.busy === 'save' ? 'Saving…' : 'Use this account'}
            </button>
          </div>
        </form>
      )}
      {s.busy === 'choices' && (
        <p className="muted" aria-busy="true">
          Loading your {name} accounts…
        </p>
      )}
      {s.notice && (
        <p className="hint-text" role="status" data-testid={`platform-${p}-notice`}>
          {s.notice}
        </p>
      )}
      {s.error && (
        <p className="error-text" role="alert" data-testid={`platform-${p}-error`}>
          {s.error}
        </p>
      )}
    </section>
  );
}
