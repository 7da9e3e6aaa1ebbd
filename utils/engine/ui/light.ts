/**
 * The UI's door to the draft engine (utils/engine/, utils/platforms/). Stores and components use only what
 * is exported here, from audience-options.ts and heavy.ts, so following the engine's API touches only these.
 *
 * This module is the light half, loaded with the popup's first paint: rule tables, editing, the clock's
 * status. It must not touch Intl on import or in first render (the first Intl use loads ICU data: ~60 ms
 * in a fresh extension process), so grapheme counting, lint and the zoned clock live in deferred.ts,
 * loaded right after the drafts are on screen; building, exports and media lists in heavy.ts.
 */
import type { Draft, MessagingKit } from '../../contract/draft';
import type { Release } from '../../contract/release';
import { releaseId } from '../ids';
import { statusAt, WINDOW_HOURS, type ClockStatus } from '../clock';

export type { ClockStatus };
// The light platform registry (names, body fields, rules tables): pure data, no Intl, safe for first paint.
export {
  PLATFORMS,
  PLATFORM_IDS,
  PLATFORM_LIST,
  byPlatform,
  bodyOf,
  bodyRule,
  ctaLabel,
  fieldRule,
  isPlatform,
  platformLabel,
  rulesFor,
  type DraftOf,
  type FieldRule,
  type Platform,
  type PlatformEntry,
} from '../../platforms/registry';

/** 12,345 without Intl (toLocaleString would load ICU on the first paint). */
export const fmtInt = (n: number): string => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export const releaseIdOf = (release: Release): string => releaseId(release);

/** The kit's defaults, without parsing (the schema's defaults, kept in step by a unit test). */
export const DEFAULT_KIT: MessagingKit = {
  keyMessages: [],
  boilerplate: '',
  newsroomUrl: '',
  assetUrl: '',
  assetLabel: '',
  defaultUtm: {},
  defaultAudiences: ['journalists'],
  adReviewLeadHours: 24,
  flightDays: 7,
  dailyBudget: 50,
  currency: 'USD',
  adAccountTimeZone: 'America/New_York',
};

export const ANGLE_LABELS: Record<Draft['angle'], string> = {
  news: 'News',
  quote: 'Quote',
  insight: 'Insight',
  custom: 'Custom',
};

/* ------------------------------------------------------------------ editing */

/**
 * A draft with fields changed. Destination / UTM edits come from the UTM editor with the tagged `url`
 * already recomputed by the engine's relink (see UtmEditor), which keeps utm.ts out of the popup's first load.
 */
export function applyPatch(draft: Draft, patch: Partial<Draft>, now: Date): Draft {
  return { ...draft, ...patch, updatedAt: now.toISOString() } as Draft;
}

/** A copy of a draft as a new variant: new id, status back to draft, utm_content marked as a copy. */
export function duplicateDraft(draft: Draft, now: Date): Draft {
  const stamp = now.toISOString();
  const id = `drf_${now.getTime().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const content = `${draft.utm.content}-copy`;
  let url = draft.url;
  try {
    const u = new URL(draft.url);
    u.searchParams.set('utm_content', content);
    url = u.toString();
  } catch {
    /* untagged */
  }
  return {
    ...draft,
    id,
    status: 'draft',
    createdAt: stamp,
    updatedAt: stamp,
    remote: {},
    utm: { ...draft.utm, content },
    url,
  } as Draft;
}

/* ------------------------------------------------------------------ counters + lint (types; code deferred) */

export interface FieldCount {
  count: number;
  recommended: number;
  max: number;
  state: 'ok' | 'over-recommended' | 'over-max';
}
export interface Hint {
  id: string;
  code: string;
  level: 'error' | 'warning' | 'info';
  field: string | null;
  message: string;
  source?: string;
}

export const loadDeferred = () => import('./deferred');

/* ------------------------------------------------------------------ clock */

/** The 72-hour clock as the card shows it: the engine's status rule, no time-zone formatting (see deferred). */
export interface QuickClock {
  status: ClockStatus;
  hoursSincePublished: number | null;
  hoursLeft: number | null;
}

export function quickClock(publishedAt: string | null, kit: MessagingKit | null, now: Date): QuickClock {
  const published = publishedAt ? Date.parse(publishedAt) : Number.NaN;
  if (Number.isNaN(published)) return { status: 'unknown', hoursSincePublished: null, hoursLeft: null };
  const H = 3_600_000;
  const deadline = published + WINDOW_HOURS * H;
  const submitBy = deadline - (kit ?? DEFAULT_KIT).adReviewLeadHours * H;
  const t = now.getTime();
  return {
    status: statusAt(t, submitBy, deadline),
    hoursSincePublished: (t - published) / H,
    hoursLeft: (deadline - t) / H,
  };
}
