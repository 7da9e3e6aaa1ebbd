import { useId, type ReactNode } from 'react';
import type { AudiencePreset } from '@/utils/contract/draft';
import { useKit } from '@/utils/kit/store';
import type { KitForm } from '@/utils/kit/form';
import { Logo } from '@/components/Logo';
import { TeamServer } from '../../components/team/TeamAccount';
import { Platforms, PlatformsIntro } from '../../components/send/PlatformConnections';

const CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'CHF', 'JPY', 'SEK', 'NOK', 'DKK', 'INR', 'SGD', 'BRL', 'MXN'];
const TIME_ZONES: string[] = (Intl as { supportedValuesOf?(k: string): string[] }).supportedValuesOf?.('timeZone') ?? [
  'UTC',
  'America/New_York',
  'Europe/London',
];
// A selector must return the same value for the same state: a fresh [] before hydration made React
// re-render forever (error #185) whenever the first render beat storage.
const NO_AUDIENCES: AudiencePreset[] = [];
const AUDIENCES: { id: AudiencePreset; label: string }[] = [
  { id: 'journalists', label: 'Journalists' },
  { id: 'bloggers', label: 'Bloggers & creators' },
  { id: 'pundits', label: 'Pundits & analysts' },
];

function Field({
  name,
  label,
  help,
  children,
}: {
  name: keyof KitForm;
  label: string;
  help?: string;
  children(id: string, describedBy: string | undefined, invalid: boolean): ReactNode;
}) {
  const id = useId();
  const error = useKit((s) => s.errors[name]);
  const describedBy = [help ? `${id}-help` : '', error ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id, describedBy, Boolean(error))}
      {help && (
        <p id={`${id}-help`} className="hint-text">
          {help}
        </p>
      )}
      {error && (
        <p id={`${id}-err`} className="error-text" role="alert" data-testid={`error-${name}`}>
          {error}
        </p>
      )}
    </div>
  );
}

function Text({
  name,
  label,
  help,
  type = 'text',
  multiline = 0,
  placeholder,
}: {
  name: keyof KitForm;
  label: string;
  help?: string;
  type?: string;
  multiline?: number;
  placeholder?: string;
}) {
  const value = useKit((s) => String(s.form?.[name] ?? ''));
  const change = useKit((s) => s.change);
  return (
    <Field name={name} label={label} help={help}>
      {(id, d, invalid) =>
        multiline ? (
          <textarea
            id={id}
            rows={multiline}
            value={value}
            aria-describedby={d}
            aria-invalid={invalid}
            onChange={(e) => change(name, e.target.value as never)}
            data-testid={`kit-${name}`}
            placeholder={placeholder}
          />
        ) : (
          <input
            id={id}
            type={type}
            value={value}
            aria-describedby={d}
            aria-invalid={invalid}
            onChange={(e) => change(name, e.target.value as never)}
            data-testid={`kit-${name}`}
            placeholder={placeholder}
          />
        )
      }
    </Field>
  );
}

export function App() {
  const hydrated = useKit((s) => s.hydrated);
  const saveState = useKit((s) => s.saveState);
  const audiences = useKit((s) => s.form?.defaultAudiences ?? NO_AUDIENCES);
  const currency = useKit((s) => s.form?.currency ?? 'USD');
  const tz = useKit((s) => s.form?.adAccountTimeZone ?? '');
  const audienceError = useKit((s) => s.errors.defaultAudiences);
  const change = useKit((s) => s.change);
  if (!hydrated) return <div className="skeleton" aria-busy="true" aria-label="Loading" />;
  const saveText = {
    saved: 'All changes saved',
    pending: 'Saving…',
    invalid: 'Fix the highlighted field to save',
    error: 'Could not save',
  }[saveState];
  return (
    <div className="opt">
      <header className="topbar">
        <Logo />
        <h1 className="ws-title">Settings</h1>
        <span
          className={`sync sync-${saveState === 'saved' ? 'saved' : saveState === 'pending' ? 'pending' : 'error'}`}
          role="status"
          data-testid="kit-save-state"
        >
          <span className="dot" aria-hidden="true" />
          {saveText}
        </span>
      </header>
      <main className="opt-main">
        <section className="card" aria-labelledby="kit-h">
          <h2 id="kit-h">Messaging kit</h2>
          <p className="muted">
            What your team says about itself. Drafts use it: key messages and boilerplate for copy, the newsroom as the
            default destination, the asset for “insight” variants.
          </p>
          <Text name="keyMessages" label="Key messages" help="One per line, up to ten." multiline={4} />
          <Text name="boilerplate" label="Boilerplate (About us)" multiline={3} />
          <div className="grid2">
            <Text
              name="newsroomUrl"
              label="Newsroom URL"
              type="url"
              placeholder="https://example.com/newsroom"
              help="Default ad destination instead of the wire page (which has no retargeting pixel)."
            />
            <Text name="assetUrl" label="Asset URL" type="url" placeholder="https://example.com/report.pdf" />
          </div>
          <Text name="assetLabel" label="Asset name" placeholder="2026 Skills Report" />
        </section>

        <section className="card" aria-labelledby="defaults-h">
          <h2 id="defaults-h">Campaign defaults</h2>
          <div className="grid2">
            <Text name="utmMedium" label="Default utm_medium" placeholder="paid_social" />
            <Text name="utmCampaign" label="Default utm_campaign" placeholder="release slug + date when empty" />
          </div>
          <fieldset className="audience-defaults" aria-describedby={audienceError ? 'aud-err' : undefined}>
            <legend>Default audiences</legend>
            <div className="row">
              {AUDIENCES.map((a) => (
                <label key={a.id} className="check">
                  <input
                    type="checkbox"
                    checked={audiences.includes(a.id)}
                    data-testid={`kit-audience-${a.id}`}
                    onChange={(e) =>
                      change(
                        'defaultAudiences',
                        e.target.checked ? [...audiences, a.id] : audiences.filter((x) => x !== a.id),
                      )
                    }
                  />
                  {a.label}
                </label>
              ))}
            </div>
            {audienceError && (
              <p id="aud-err" role="alert" className="error-text">
                {audienceError}
              </p>
            )}
          </fieldset>
          <div className="grid3">
            <Text
              name="adReviewLeadHours"
              label="Ad-review lead time (hours)"
              type="number"
              help="Time platforms take to review; the 72-hour clock turns “at risk” inside it."
            />
            <Text name="flightDays" label="Default flight (days)" type="number" />
            <Text name="dailyBudget" label="Default daily budget" type="number" />
          </div>
          <div className="grid2">
            <Field name="currency" label="Currency">
              {(id, d) => (
                <select
                  id={id}
                  value={currency}
                  aria-describedby={d}
                  onChange={(e) => change('currency', e.target.value)}
                  data-testid="kit-currency"
                >
                  {[...new Set([currency, ...CURRENCIES])].map((c) => (
                    <option key={c}>{c}</option>
                  ))}
                </select>
              )}
            </Field>
            <Field name="adAccountTimeZone" label="Ad account time zone">
              {(id, d, invalid) => (
                <>
                  <input
                    id={id}
                    list={`${id}-tz`}
                    value={tz}
                    aria-describedby={d}
                    aria-invalid={invalid}
                    onChange={(e) => change('adAccountTimeZone', e.target.value)}
                    data-testid="kit-adAccountTimeZone"
                  />
                  <datalist id={`${id}-tz`}>
                    {TIME_ZONES.map((z) => (
                      <option key={z} value={z} />
                    ))}
                  </datalist>
                </>
              )}
            </Field>
          </div>
        </section>

        <section className="card" aria-labelledby="server-h">
          <h2 id="server-h">Team server</h2>
          <p className="muted">
            Share drafts and reviews with your team. Leave empty to keep everything on this device.
          </p>
          <Text name="teamServerUrl" label="Team server URL" type="url" placeholder="https://wireboost.example.com" />
          <TeamServer />
        </section>

        <section className="card" aria-labelledby="platforms-h">
          <h2 id="platforms-h">Ad platforms</h2>
          <PlatformsIntro />
          <Platforms />
        </section>
      </main>
    </div>
  );
}
