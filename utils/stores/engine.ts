/**
 * The one door from the UI to the draft engine (utils/drafts/, utils/platforms/). Stores and components
 * call only what is exported here, so following the engine's API is a one-file change.
 *
 * Until the engine's entry point lands, the bodies below are small stand-ins with the same shapes.
 */
import type { AudiencePreset, Draft, MessagingKit, Platform } from '../drafts/schema';
import type { Release } from '../release/schema';
import { releaseId as engineReleaseId, draftId } from '../drafts/ids';
import { countChars } from '../platforms/count';
import { PLATFORM_RULES } from '../platforms';
import type { FieldRule } from '../platforms/types';
import { wireForHost } from '../release/hosts';

export type { FieldRule };
export { PLATFORM_RULES };

export const releaseIdOf = (release: Release): string => engineReleaseId(release);

/* ------------------------------------------------------------------ kit */

export const DEFAULT_KIT: MessagingKit = {
  keyMessages: [], boilerplate: '', newsroomUrl: '', assetUrl: '', assetLabel: '', defaultUtm: {},
  defaultAudiences: ['journalists'], adReviewLeadHours: 24, flightDays: 7, dailyBudget: 50, currency: 'USD',
  adAccountTimeZone: 'America/New_York',
};

/* ------------------------------------------------------------------ drafts */

/** Build the drafts for a release (deterministic ids: building twice converges). */
export function buildDrafts(release: Release, kit: MessagingKit | null, now: Date): Draft[] {
  return fallbackBuild(release, kit ?? DEFAULT_KIT, now);
}

/** A copy of a draft as a new variant (new id, angle kept, label "copy"). */
export function duplicateDraft(draft: Draft, now: Date): Draft {
  const stamp = now.toISOString();
  const id = draftId(draft.releaseId, draft.platform, draft.angle, `${stamp}|${Math.random()}`);
  return { ...draft, id, status: 'draft', createdAt: stamp, updatedAt: stamp, remote: {},
    utm: { ...draft.utm, content: `${draft.utm.content}-copy` }, url: tagUrl(draft.destination, { ...draft.utm, content: `${draft.utm.content}-copy` }) };
}

export const ANGLE_LABELS: Record<Draft['angle'], string> = {
  news: 'News', quote: 'Quote', insight: 'Insight', custom: 'Custom',
};

export function ctaLabel(platform: Platform, value: string): string {
  return PLATFORM_RULES[platform].ctas.find((c) => c.value === value)?.label ?? value.replace(/_/g, ' ').toLowerCase();
}

/* ------------------------------------------------------------------ UTM */

export function tagUrl(destination: string, utm: Draft['utm']): string {
  try {
    const u = new URL(destination);
    const set = (k: string, v: string) => { if (v) u.searchParams.set(k, v); else u.searchParams.delete(k); };
    set('utm_source', utm.source); set('utm_medium', utm.medium); set('utm_campaign', utm.campaign); set('utm_content', utm.content);
    return u.toString();
  } catch {
    return destination;
  }
}

/** A draft with a field changed, keeping the tagged `url` in step with destination and UTM. */
export function applyPatch(draft: Draft, patch: Partial<Draft>, now: Date): Draft {
  const next = { ...draft, ...patch, updatedAt: now.toISOString() } as Draft;
  if ('destination' in patch || 'utm' in patch) next.url = tagUrl(next.destination, next.utm);
  return next;
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

export interface Hint { id: string; level: 'error' | 'warning' | 'info'; field: string | null; message: string }

export function lintDraft(draft: Draft, ctx: { audienceSize?: number | null } = {}): Hint[] {
  const hints: Hint[] = [];
  const rules = PLATFORM_RULES[draft.platform];
  for (const f of rules.fields) {
    const text = String((draft as Record<string, unknown>)[f.key] ?? '');
    const c = countField(draft.platform, f.key, text)!;
    if (!text.trim()) hints.push({ id: `${f.key}-empty`, level: f.key === 'description' ? 'info' : 'error', field: f.key, message: `${f.label} is empty.` });
    else if (c.state === 'over-max') hints.push({ id: `${f.key}-max`, level: 'error', field: f.key, message: `${f.label} is ${c.count - c.max} over ${rules.label}'s ${c.max}-character limit: it will be rejected.` });
    else if (c.state === 'over-recommended') hints.push({ id: `${f.key}-rec`, level: f.overRecommended, field: f.key, message: f.overRecommended === 'info' ? `${f.label} runs past ${c.recommended} characters: the rest folds behind "See more".` : `${f.label} is longer than the ${c.recommended} characters the feed shows: it may be cut off.` });
    if (text && /\b[A-Z]{4,}\s+[A-Z]{4,}\s+[A-Z]{4,}\b/.test(text)) hints.push({ id: `${f.key}-caps`, level: 'warning', field: f.key, message: `${f.label} shouts in capitals; journalists skip it.` });
  }
  if (!draft.destination) hints.push({ id: 'link-missing', level: 'error', field: 'destination', message: 'No destination link.' });
  else {
    try {
      const host = new URL(draft.destination).hostname;
      if (wireForHost(host)) hints.push({ id: 'link-wire', level: 'warning', field: 'destination', message: 'The link points at the wire\'s own page: no retargeting pixel there, and Meta won\'t let you edit its preview. Link your newsroom instead.' });
    } catch { hints.push({ id: 'link-invalid', level: 'error', field: 'destination', message: 'The destination is not a valid URL.' }); }
  }
  if (draft.destination && !/[?&]utm_/.test(draft.url)) hints.push({ id: 'utm-missing', level: 'warning', field: 'utm', message: 'The link carries no UTM tags: the visits won\'t show up as this campaign.' });
  if (!draft.imageUrl) hints.push({ id: 'image-missing', level: 'warning', field: 'image', message: 'No image: link ads without one look broken in the feed.' });
  if (ctx.audienceSize != null) {
    const min = rules.audienceMinimum.value;
    if (ctx.audienceSize < min) hints.push({ id: 'audience-small', level: 'warning', field: 'audience', message: `The media list matches at most ${ctx.audienceSize} people; ${rules.label} needs ${min}. Combine it with title targeting.` });
  }
  return hints;
}

/* ------------------------------------------------------------------ clock */

export type ClockStatus = 'on-track' | 'at-risk' | 'missed' | 'unknown';
export interface Clock { publishedAt: string | null; deadline: string | null; submitBy: string | null; status: ClockStatus; hoursAgo: number | null; hoursLeft: number | null }

export function clockFor(release: Release, kit: MessagingKit | null, now: Date): Clock {
  const lead = (kit ?? DEFAULT_KIT).adReviewLeadHours;
  const t = release.publishedAt ? Date.parse(release.publishedAt) : NaN;
  if (Number.isNaN(t)) return { publishedAt: null, deadline: null, submitBy: null, status: 'unknown', hoursAgo: null, hoursLeft: null };
  const deadline = t + 72 * 3_600_000;
  const submitBy = deadline - lead * 3_600_000;
  const n = now.getTime();
  const status: ClockStatus = n >= deadline ? 'missed' : n > submitBy ? 'at-risk' : 'on-track';
  return {
    publishedAt: release.publishedAt, deadline: new Date(deadline).toISOString(), submitBy: new Date(submitBy).toISOString(),
    status, hoursAgo: Math.max(0, Math.floor((n - t) / 3_600_000)), hoursLeft: Math.max(0, Math.ceil((deadline - n) / 3_600_000)),
  };
}

/* ------------------------------------------------------------------ audiences */

export interface AudienceOption { preset: AudiencePreset; label: string; explanation: string; beat: string; geo: string; facets: string[] }

const PRESET_LABELS: Record<AudiencePreset, string> = { journalists: 'Journalists', bloggers: 'Bloggers & creators', pundits: 'Pundits & analysts' };

export function audienceOptions(release: Release, platform: Platform): AudienceOption[] {
  const beat = release.about[0] ? 'Business' : 'General news';
  const geo = release.dateline?.city ? `${release.dateline.city}${release.dateline.country ? `, ${release.dateline.country}` : ''}` : 'United States';
  const li = platform === 'linkedin';
  return (['journalists', 'bloggers', 'pundits'] as AudiencePreset[]).map((preset) => ({
    preset, label: PRESET_LABELS[preset], beat, geo,
    explanation: preset === 'journalists' ? 'Reporters and editors who cover this beat: the people who can turn the release into a story.'
      : preset === 'bloggers' ? 'Independent writers and creators who comment on the topic and link to sources.'
      : 'Analysts and commentators whose take shapes how the news is framed.',
    facets: li ? (preset === 'journalists' ? ['Job titles: Journalist, Reporter, Editor'] : ['Job titles: Blogger, Content Creator'])
      : ['Job titles (as a signal)', 'Interests: Journalism'],
  }));
}

/* ------------------------------------------------------------------ media list */

export interface MediaListImport { totalRows: number; hashes: string[]; invalidRows: { line: number; reason: string }[]; warnings: string[] }

async function sha256Hex(text: string): Promise<string> {
  const buf = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function importMediaList(csv: string, onProgress: (done: number, total: number) => void): Promise<MediaListImport> {
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split(/[;,]/).map((h) => h.trim().toLowerCase().replace(/^"|"$/g, ''));
  let col = header.findIndex((h) => /e-?mail/.test(h));
  const start = col >= 0 ? 1 : 0;
  if (col < 0) col = 0;
  const seen = new Set<string>();
  const invalidRows: MediaListImport['invalidRows'] = [];
  let totalRows = 0;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim()) continue;
    totalRows++;
    const cell = (line.split(/[;,]/)[col] ?? '').trim().replace(/^"|"$/g, '').toLowerCase();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(cell)) invalidRows.push({ line: i + 1, reason: cell ? 'not an e-mail address' : 'no e-mail' });
    else seen.add(await sha256Hex(cell));
    if (i % 500 === 0) onProgress(i, lines.length);
  }
  onProgress(lines.length, lines.length);
  const hashes = [...seen];
  const warnings: string[] = [];
  if (hashes.length < 300) warnings.push(`${hashes.length} unique addresses: below LinkedIn's 300 matched members. Combine with title targeting.`);
  if (hashes.length < 100) warnings.push(`Below Meta's minimum of about 100 matched people.`);
  return { totalRows, hashes, invalidRows, warnings };
}

/* ------------------------------------------------------------------ exports */

export interface ExportFile { filename: string; mime: string; content: string }

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function exportMetaSheet(drafts: Draft[], release: Release | null): ExportFile {
  const headers = ['Campaign Name', 'Campaign Status', 'Campaign Objective', 'Ad Set Name', 'Ad Name', 'Ad Status', 'Title', 'Body', 'Link Description', 'Link', 'Call to Action', 'URL Tags'];
  const rows = drafts.filter((d) => d.platform === 'meta').map((d) => d.platform === 'meta' ? [
    release?.headline ?? d.releaseId, 'PAUSED', 'Traffic', `${d.audience}`, `${d.angle}`, 'PAUSED', d.headline, d.primaryText, d.description, d.destination, d.cta,
    `utm_source=${d.utm.source}&utm_medium=${d.utm.medium}&utm_campaign=${d.utm.campaign}&utm_content=${d.utm.content}`] : []);
  return { filename: 'wireboost-meta-import.csv', mime: 'text/csv', content: [headers, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n' };
}

export function exportJson(drafts: Draft[], release: Release | null): ExportFile {
  return { filename: 'wireboost-drafts.json', mime: 'application/json', content: JSON.stringify({ schema: 'wireboost.drafts/1', release, drafts }, null, 2) };
}

export function exportBrief(drafts: Draft[], release: Release | null): ExportFile {
  const out = [`# Social brief: ${release?.headline ?? 'release'}`, ''];
  for (const d of drafts) {
    out.push(`## ${d.platform === 'meta' ? 'Meta' : 'LinkedIn'} · ${ANGLE_LABELS[d.angle]}`, '');
    out.push(d.platform === 'meta' ? d.primaryText : d.introText, '', `**${d.headline}** — ${d.description}`, '', `Link: ${d.url}`, `Audience: ${d.audience}`, '');
  }
  return { filename: 'wireboost-brief.md', mime: 'text/markdown', content: out.join('\n') };
}

/* ------------------------------------------------------------------ stand-in builder */

function cut(text: string, max: number): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const s = t.slice(0, max - 1);
  const at = s.lastIndexOf(' ');
  return `${(at > max * 0.5 ? s.slice(0, at) : s).replace(/[\s,;:]+$/, '')}…`;
}

function fallbackBuild(release: Release, kit: MessagingKit, now: Date): Draft[] {
  const rid = engineReleaseId(release);
  const stamp = now.toISOString();
  const lead = (release.body[0] ?? release.subheadline ?? release.headline).replace(/^.*?\/\s*(?:PRNewswire|GlobeNewswire)[^/]*\/\s*--\s*/i, '');
  const quote = release.quotes[0];
  const destination = kit.newsroomUrl || release.canonicalUrl || release.url;
  const campaign = `${release.headline.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 40).replace(/-+$/, '')}-${(release.publishedAt ?? stamp).slice(0, 10)}`;
  const drafts: Draft[] = [];
  for (const platform of ['meta', 'linkedin'] as const) {
    const r = PLATFORM_RULES[platform];
    const [f1, f2, f3] = r.fields as readonly FieldRule[];
    for (const angle of ['news', 'quote', 'insight'] as const) {
      const text = angle === 'quote' && quote ? `“${quote.text}”${quote.speaker ? ` — ${quote.speaker}` : ''}` : angle === 'insight' ? (kit.assetLabel ? `Get the ${kit.assetLabel}: ${lead}` : lead) : lead;
      const utm = { source: r.utmSource, medium: kit.defaultUtm.medium || 'paid_social', campaign: kit.defaultUtm.campaign || campaign, content: `${platform}-${angle}` };
      const base = {
        id: draftId(rid, platform, angle), releaseId: rid, angle, status: 'draft' as const,
        rationale: angle === 'news' ? 'Leads with the news itself.' : angle === 'quote' ? 'A named voice gives reporters a quote to use.' : kit.assetUrl ? 'Promotes the team\'s asset.' : 'Add an asset (report, white paper) in the kit to promote it here.',
        destination, utm, url: tagUrl(destination, utm), imageUrl: release.images[0]?.url ?? null,
        audience: kit.defaultAudiences[0] ?? 'journalists', mediaListId: null, createdAt: stamp, updatedAt: stamp, remote: {},
      };
      const cta = angle === 'insight' && kit.assetUrl ? r.ctaForAngle.insight : r.ctaForAngle.news;
      const headline = cut(release.headline, f2!.recommended.value);
      const description = cut(release.company ? `From ${release.company}` : release.subheadline ?? '', f3!.recommended.value);
      const body = cut(text, f1!.max.value);
      drafts.push(platform === 'meta'
        ? { ...base, platform, primaryText: body, headline, description, cta }
        : { ...base, platform, introText: body, headline, description, cta });
    }
  }
  return drafts;
}
