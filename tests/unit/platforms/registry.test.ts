import { describe, expect, it, vi } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { AudiencePresetSchema, DraftSchema, PLATFORM_IDS, type Platform } from '@/utils/contract/draft';
import { ConnectionSchema } from '@/utils/contract/platforms';
import { bodyOf, byPlatform, isPlatform, PLATFORM_LIST, PLATFORMS, type DraftCommon } from '@/utils/platforms/registry';
import { draftWithBody } from '@/utils/platforms/drafts';
import { PLATFORM_SEND, stepLabel } from '@/utils/platforms/send-registry';
import { PLATFORM_CAMPAIGNS } from '@/utils/platforms/campaign-registry';
import { PLATFORM_AUDIENCES, audienceFacets } from '@/utils/platforms/audiences';
import { AUDIENCE_SHAPES } from '@/utils/platforms/audience-schemas';
import { PLATFORM_SHEETS } from '@/utils/platforms/sheets';
import { PREVIEWS, PlatformPreview } from '@/components/platforms/registry';
import { buildAudience } from '@/utils/engine/audiences';
import { AudienceSchema } from '@/utils/engine/draftset';
import { buildDraftSet } from '@/utils/engine/build';
import { exportDrafts } from '@/utils/engine/ui/heavy';
import { BEATS, GENERAL_BEAT } from '@/utils/engine/beats';
import { geoFromDateline } from '@/utils/engine/geo';
import { emptyRelease } from '@/utils/release/empty';

const DOC_URL = /^https:\/\/[\w.-]+\.[a-z]{2,}\//;
const ids = [...PLATFORM_IDS].sort();

/** A draft's shared fields, as the engine builds them. */
const common: DraftCommon = {
  id: 'd1',
  releaseId: 'r1',
  angle: 'news',
  rationale: 'why',
  status: 'draft',
  destination: 'https://acme.example/news',
  utm: { source: 's', medium: 'paid_social', campaign: 'c', content: 'news' },
  url: 'https://acme.example/news?utm_source=s',
  imageUrl: null,
  audience: 'journalists',
  mediaListId: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  remote: {},
  cta: 'LEARN_MORE',
  headline: 'Acme cuts fact-checking time',
  description: 'The 2026 report',
};

describe('every registry has an entry for every platform id, and nothing else', () => {
  it.each([
    ['registry', PLATFORMS],
    ['campaign rules', PLATFORM_CAMPAIGNS],
    ['send', PLATFORM_SEND],
    ['audiences', PLATFORM_AUDIENCES],
    ['audience schemas', AUDIENCE_SHAPES],
    ['previews', PREVIEWS],
  ] as const)('%s', (_name, registry) => expect(Object.keys(registry).sort()).toEqual(ids));

  it('the list follows the contract order; labels are distinct', () => {
    expect(PLATFORM_LIST.map((p) => p.id)).toEqual([...PLATFORM_IDS]);
    expect(new Set(PLATFORM_LIST.map((p) => p.label)).size).toBe(PLATFORM_IDS.length);
    expect(byPlatform((p) => p.length)).toEqual(Object.fromEntries(PLATFORM_IDS.map((p) => [p, p.length])));
    expect(PLATFORM_IDS.every(isPlatform)).toBe(true);
    expect([isPlatform('all'), isPlatform(''), isPlatform(null)]).toEqual([false, false, false]);
  });

  it('a sheet button only for a platform with a sheet writer, and the reverse', () => {
    const withSheet = PLATFORM_LIST.filter((p) => p.sheet).map((p) => p.id);
    expect(Object.keys(PLATFORM_SHEETS).sort()).toEqual(withSheet.sort());
  });
});

describe.each(PLATFORM_IDS)('%s', (id: Platform) => {
  const entry = PLATFORMS[id];
  const send = PLATFORM_SEND[id];

  it('names itself: id, short label, long label', () => {
    expect(entry.id).toBe(id);
    expect(entry.label).toMatch(/^\S/);
    expect(entry.longLabel).toContain(entry.label);
  });

  it('rules: every limit and option names its source; the body field leads the copy fields', () => {
    const r = { ...entry.rules, ...PLATFORM_CAMPAIGNS[id] };
    expect(r.fields[0]!.key).toBe(entry.bodyField);
    for (const f of r.fields) {
      expect(f.label).toMatch(/^\S/);
      expect(f.recommended.value).toBeGreaterThan(0);
      expect(f.recommended.value).toBeLessThanOrEqual(f.max.value);
      expect(f.recommended.source).toMatch(DOC_URL);
      expect(f.max.source).toMatch(DOC_URL);
    }
    for (const o of [...r.ctas, ...r.objectives, ...r.facets]) expect(o.source).toMatch(DOC_URL);
    const ctas = r.ctas.map((c) => c.value);
    for (const cta of Object.values(r.ctaForAngle)) expect(ctas).toContain(cta);
    expect(r.objectives.map((o) => o.value)).toContain(r.defaultObjective);
    expect(r.audienceMinimum.source).toMatch(DOC_URL);
    expect(r.audienceComfortable.source).toMatch(DOC_URL);
    expect(r.utmSource).toMatch(/^[a-z]+$/);
  });

  it("the draft schema accepts a draft for it, with the rules' copy fields under their keys", () => {
    const draft = DraftSchema.parse(draftWithBody(id, common, 'Body text.'));
    expect(draft.platform).toBe(id);
    expect(bodyOf(draft)).toBe('Body text.');
    const copyKeys = Object.keys(draft).filter((k) => !(k in common) && k !== 'platform');
    expect(copyKeys).toEqual([entry.bodyField]);
    for (const f of entry.rules.fields) expect(draft).toHaveProperty(f.key);
  });

  it('send facts: identity field of the connection, scopes, steps, server settings', () => {
    expect(Object.keys(ConnectionSchema.shape)).toContain(send.identity.field);
    expect(send.identity.noun).toMatch(/^\S/);
    expect(send.note).toMatch(/^\S/);
    expect(send.createdAs).toMatch(/^\S/);
    expect(send.manager).toMatch(/^\S/);
    expect(send.serverSettings).toMatch(/^[A-Z_]+ \/ [A-Z_]+$/);
    expect(Object.keys(send.scopes).length).toBeGreaterThan(0);
    for (const step of Object.keys(send.steps)) expect(stepLabel(`${step}#2`, id)).toBe(send.steps[step]);
  });

  it('audiences: every preset for every beat, valid against the draft set schema, facets shown', () => {
    const geo = geoFromDateline({ city: 'LONDON', region: null, country: null });
    for (const beat of [...BEATS, GENERAL_BEAT]) {
      for (const preset of AudiencePresetSchema.options) {
        const a = buildAudience(id, preset, { beat, matched: [], score: 0 }, geo);
        expect(AudienceSchema.parse(a)).toEqual(a);
        expect(a.platform).toBe(id);
        expect(a.notes).toEqual(PLATFORM_AUDIENCES[id].notes);
        for (const f of audienceFacets(a)) expect(f.values.length).toBeGreaterThan(0);
      }
    }
    for (const f of PLATFORM_AUDIENCES[id].shown) expect(AUDIENCE_SHAPES[id]).toHaveProperty(f.field);
  });

  it('preview: its feed card with the body text', () => {
    const draft = draftWithBody(id, common, 'Body text of the ad.');
    const html = renderToStaticMarkup(createElement(PlatformPreview, { draft, company: 'Acme' }));
    expect(html).toContain(`data-testid="preview-${id}"`);
    expect(html).toContain('Body text of the ad.');
  });

  it('sheet: its import sheet has a row per draft of the platform; without a sheet the export says so', () => {
    const release = { ...emptyRelease('https://www.prnewswire.com/x.html'), isRelease: true, headline: 'Acme news' };
    const drafts = buildDraftSet(release, {}, { now: 0 }).drafts;
    const run = () => exportDrafts(id, drafts, release, null, new Date(0));
    if (!entry.sheet) return expect(run).toThrow(`${entry.label} has no import sheet.`);
    const file = run();
    expect(file.filename).toBe(`acme-news-${id}-import.csv`);
    expect(file.content.split('\r\n').length).toBe(1 + drafts.filter((d) => d.platform === id).length);
  });
});

it('the light registry (the popup first paint) builds no Intl.Segmenter on import', async () => {
  vi.resetModules();
  const Segmenter = vi.spyOn(Intl, 'Segmenter');
  await import('@/utils/engine/ui/light');
  expect(Segmenter).not.toHaveBeenCalled();
  // The check can fail: count.ts, which light.ts must not import, builds one.
  await import('@/utils/platforms/count');
  expect(Segmenter).toHaveBeenCalled();
  Segmenter.mockRestore();
});
