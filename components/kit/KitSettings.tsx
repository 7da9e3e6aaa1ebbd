import { useKit } from '@/utils/kit/store';
import { AUDIENCE_CHOICES, CURRENCIES, NO_AUDIENCES, TIME_ZONES } from '@/utils/kit/choices';
import { Field, Text } from './KitFields';

/** The messaging kit and the campaign defaults: what every new draft starts from. */
export function KitSettings() {
  const audiences = useKit((s) => s.form?.defaultAudiences ?? NO_AUDIENCES);
  const currency = useKit((s) => s.form?.currency ?? 'USD');
  const tz = useKit((s) => s.form?.adAccountTimeZone ?? '');
  const audienceError = useKit((s) => s.errors.defaultAudiences);
  const change = useKit((s) => s.change);
  return (
    <>
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
            {AUDIENCE_CHOICES.map((a) => (
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
    </>
  );
}
