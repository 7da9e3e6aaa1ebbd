/**
 * The engine's Intl-heavy parts for the UI: grapheme counting (as the platforms count), lint, the clock in
 * the ad account's time zone. Loaded with import() just after first paint (see use-deferred.ts), because
 * the first Intl use in a fresh extension process costs ~60 ms of ICU loading.
 */
import type { Draft, MessagingKit, Platform } from '../../contract/draft';
import type { Release } from '../../contract/release';
import { lintDraft as engineLint } from '../lint';
import { computeClock, type Clock } from '../clock';
import { isValidTimeZone } from '../tz';
import { graphemes } from '../text';
import { countChars } from '../../platforms/count';
import { DEFAULT_KIT, fieldRule, type FieldCount, type Hint } from './light';

export type { Clock };
export { graphemes };

export function countField(platform: Platform, key: string, text: string): FieldCount | null {
  const rule = fieldRule(platform, key);
  if (!rule) return null;
  const count = countChars(text, rule.counting);
  const state = count > rule.max.value ? 'over-max' : count > rule.recommended.value ? 'over-recommended' : 'ok';
  return { count, recommended: rule.recommended.value, max: rule.max.value, state };
}

export function lintDraft(draft: Draft, ctx: { audienceSize?: number | null } = {}): Hint[] {
  return engineLint(draft, { mediaListSize: ctx.audienceSize ?? null }).map((h) => ({
    id: `${h.field ?? 'draft'}:${h.code}`,
    code: h.code,
    level: h.severity,
    field: h.field,
    message: h.message,
    source: h.source,
  }));
}

/** The full clock: deadline and submit-by in the ad account's zone, the explanation line, the flight plan. */
export function clockFor(release: Release, kit: MessagingKit | null, now: Date, variants = 1): Clock {
  const k = kit ?? DEFAULT_KIT;
  return computeClock(release.publishedAt, {
    now: now.getTime(),
    reviewLeadHours: k.adReviewLeadHours,
    flightDays: k.flightDays,
    dailyBudget: k.dailyBudget,
    currency: k.currency,
    variants,
    timeZone: isValidTimeZone(k.adAccountTimeZone) ? k.adAccountTimeZone : 'UTC',
  });
}
