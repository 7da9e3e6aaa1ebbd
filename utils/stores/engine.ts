/**
 * The UI's door to the draft engine (utils/drafts/, utils/platforms/). Stores and components use only what
 * is exported here and from engine-heavy.ts, so following the engine's API is a change in these two files.
 *
 * This module is the light half, loaded with the popup: counting, lint, clock, audiences, UTM — no zod, no
 * CSV parser. Building drafts, exports and media-list import live in engine-heavy.ts, loaded on demand.
 */
import type { AudiencePreset, Draft, MessagingKit, Platform } from '../drafts/schema';
import type { Release } from '../release/schema';
import { releaseId } from '../drafts/ids';
import { lintDraft as engineLint } from '../drafts/lint';
import { computeClock, type Clock as EngineClock } from '../drafts/clock';
import { buildAudience, PRESETS } from '../drafts/audiences';
import { inferBeat } from '../drafts/beats';
import { geoFromDateline } from '../drafts/geo';
import { releaseFacts } from '../drafts/facts';
import { relink } from '../drafts/utm';
import { isValidTimeZone } from '../drafts/tz';
import { countChars } from '../platforms/count';
import { PLATFORM_RULES } from '../platforms';
import type { FieldRule } from '../platforms/types';

export type { FieldRule };
export { PLATFORM_RULES };

export const releaseIdOf = (release: Release): string => releaseId(release);

/** The kit's defaults, without parsing (the schema's defaults, kept in step by a unit test). */
export const DEFAULT_KIT: MessagingKit = {
  keyMessages: [], boilerplate: '', newsroomUrl: '', assetUrl: '', assetLabel: '', defaultUtm: {},
  defaultAudiences: ['journalists'], adReviewLeadHours: 24, flightDays: 7, dailyBudget: 50, currency: 'USD',
  adAccountTimeZone: 'America/New_York',
};

export const ANGLE_LABELS: Record<Draft['angle'], string> = { news: 'News', quote: 'Quote', insight: 'Insight', custom: 'Custom' };

export function ctaLabel(platform: Platform, value: string): string {
  return PLATFORM_RULES[platform].ctas.find((c) => c.value === value)?.label ?? value.replace(/_/g, ' ').toLowerCase();
}

/* ------------------------------------------------------------------ editing */

/** A draft with fields changed; destination / UTM edits recompute the tagged `url` (engine's relink). */
export function applyPatch(draft: Draft, patch: Partial<Draft>, now: Date): Draft {
  let next = { ...draft, ...patch, updatedAt: now.toISOString() } as Draft;
  if ('destination' in patch || 'utm' in patch) next = relink(next, { destination: next.destination, utm: next.utm });
  return next;
}

/** A copy of a draft as a new variant: new id, status back to draft, utm_content marked as a copy. */
export function duplicateDraft(draft: Draft, now: Date): Draft {
  const stamp = now.toISOString();
  const id = `drf_${now.getTime().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const copy = { ...draft, id, status: 'draft', createdAt: stamp, updatedAt: stamp, remote: {} } as Draft;
  return relink(copy, { utm: { content: `${draft.utm.content}-copy` } });
}

/* ------------------------------------------------------------------ counters + lint */

export interface FieldCount { count: number; recommended: number; max: number; state: 'ok' | 'over-recommended' | 'over-max' }

export function countField(platform: Platform, key: string, text: string): FieldCount | null {
  const rule = PLATFORM_RULES[platform].fields.find((f) => f.key === key);
  if (!rule) return null;
  const count = countChars(text, rule.counting);
  const state = count > rule.max.value ? 'over-max' : count > rule.recommended.value ? 'over-recommended' : 'ok';
  return { count, recommended: rule.recommended.value, max: rule.max.value, state };
}

export interface Hint { id: string; code: string; level: 'error' | 'warning' | 'info'; field: string | null; message: string; source?: string }

export function lintDraft(draft: Draft, ctx: { audienceSize?: number | null } = {}): Hint[] {
  return engineLint(draft, { mediaListSize: ctx.audienceSize ?? null }).map((h) => ({
    id: `${h.field ?? 'draft'}:${h.code}`, code: h.code, level: h.severity, field: h.field, message: h.message, source: h.source,
  }));
}

/* ------------------------------------------------------------------ clock */

export type Clock = EngineClock;
export type ClockStatus = EngineClock['status'];

export function clockFor(release: Release, kit: MessagingKit | null, now: Date, variants = 1): Clock {
  const k = kit ?? DEFAULT_KIT;
  return computeClock(release.publishedAt, {
    now: now.getTime(), reviewLeadHours: k.adReviewLeadHours, flightDays: k.flightDays, dailyBudget: k.dailyBudget,
    currency: k.currency, variants, timeZone: isValidTimeZone(k.adAccountTimeZone) ? k.adAccountTimeZone : 'UTC',
  });
}

/* ------------------------------------------------------------------ audiences */

export interface AudienceOption {
  preset: AudiencePreset; label: string; explanation: string; beat: string; beatEvidence: string[]; geo: string;
  facets: { label: string; values: string[] }[]; notes: string[];
}

export function audienceOptions(release: Release, platform: Platform): AudienceOption[] {
  const facts = releaseFacts(release);
  const beat = inferBeat(facts.headline, [facts.subheadline ?? '', ...facts.story].join(' '));
  const geo = geoFromDateline(facts.dateline);
  return PRESETS.map((preset) => {
    const a = buildAudience(platform, preset, beat, geo);
    const facets = a.platform === 'meta'
      ? [{ label: 'Job titles', values: a.work_positions }, { label: 'Interests', values: a.interests }, { label: 'Behaviours', values: a.behaviors }]
      : [{ label: 'Job titles', values: a.titles }, { label: 'Functions', values: a.functions }, { label: 'Seniorities', values: a.seniorities },
        { label: 'Industries', values: a.industries }, { label: 'Groups', values: a.groups }];
    return {
      preset, label: a.label, explanation: a.explanation, beat: a.beat.label, beatEvidence: a.beat.keywords,
      geo: a.geo.city ? `${a.geo.city}, ${a.geo.countryName}` : a.geo.countryName,
      facets: facets.filter((f) => f.values.length), notes: a.notes,
    };
  });
}
