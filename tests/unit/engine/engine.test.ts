import { describe, expect, it } from 'vitest';
import { buildDraftSet } from '@/utils/engine/build';
import { DraftSetSchema } from '@/utils/engine/draftset';
import { findHype, isShouting } from '@/utils/engine/text';
import { countChars } from '@/utils/platforms/count';
import { rulesFor } from '@/utils/platforms/registry';
import type { Draft } from '@/utils/contract/draft';
import { aRelease, NOW } from './builder';

const body = (d: Draft) => (d.platform === 'meta' ? d.primaryText : d.introText);
const byAngle = (set: ReturnType<typeof buildDraftSet>, platform: string, angle: string) =>
  set.drafts.find((d) => d.platform === platform && d.angle === angle)!;

describe('buildDraftSet', () => {
  const set = buildDraftSet(aRelease(), {}, { now: NOW });

  it('validates against the shared schema', () => expect(DraftSetSchema.parse(set)).toEqual(set));

  it('makes news, quote and insight variants for each platform', () => {
    for (const p of ['meta', 'linkedin']) {
      expect(set.drafts.filter((d) => d.platform === p).map((d) => d.angle)).toEqual(['news', 'quote', 'insight']);
    }
  });

  it('is deterministic, ids included', () => {
    expect(buildDraftSet(aRelease(), {}, { now: NOW })).toEqual(set);
    expect(new Set(set.drafts.map((d) => d.id)).size).toBe(6);
    const seeded = buildDraftSet(aRelease(), {}, { now: NOW, idSeed: 'org-2' });
    expect(seeded.drafts[0]!.id).not.toBe(set.drafts[0]!.id);
  });

  it('news: lead sentence without dateline, headline keeps the company', () => {
    const d = byAngle(set, 'meta', 'news');
    expect(body(d)).toMatch(/^Acme Robotics today opened a research lab/);
    expect(body(d)).not.toMatch(/PRNewswire|BOSTON, Nov/);
    expect(d.headline).toContain('Acme Robotics');
    expect(body(d)).toContain('40%');
  });

  it('quote: the quote with its speaker', () => {
    const d = byAngle(set, 'linkedin', 'quote');
    expect(body(d)).toContain('Warehouses lose billions');
    expect(body(d)).toContain('Jane Doe');
  });

  it('insight: promotes the release asset with a DOWNLOAD call to action', () => {
    const withAsset = buildDraftSet(
      aRelease({
        assets: [
          {
            url: 'https://go.acmerobotics.com/picking-report.pdf',
            label: 'Picking Errors Report 2026',
            kind: 'report',
          },
        ],
      }),
      {},
      { now: NOW },
    );
    const d = byAngle(withAsset, 'meta', 'insight');
    expect(d.cta).toBe('DOWNLOAD');
    expect(d.destination).toBe('https://go.acmerobotics.com/picking-report.pdf');
    expect(d.headline).toContain('Picking Errors Report');
  });

  it("insight: never promotes a third party's document linked from the release", () => {
    const s = buildDraftSet(
      aRelease({
        assets: [{ url: 'https://www.whitehouse.gov/proposal.pdf', label: 'White House proposal', kind: 'pdf' }],
      }),
      {},
      { now: NOW },
    );
    const d = byAngle(s, 'linkedin', 'insight');
    expect(d.cta).toBe('LEARN_MORE');
    expect(d.destination).not.toMatch(/whitehouse/);
  });

  it('insight: falls back to the kit asset, then says what to add', () => {
    const kitSet = buildDraftSet(
      aRelease(),
      { assetUrl: 'https://acme.example/wp', assetLabel: 'Automation white paper' },
      { now: NOW },
    );
    expect(byAngle(kitSet, 'linkedin', 'insight').cta).toBe('DOWNLOAD');
    expect(byAngle(kitSet, 'linkedin', 'insight').rationale).toMatch(/team kit/);
    const none = byAngle(set, 'linkedin', 'insight');
    expect(none.cta).toBe('LEARN_MORE');
    expect(none.rationale).toMatch(/Add a report, white paper or webinar/);
  });

  it('quote without any quote explains what to add', () => {
    const r = aRelease({
      body: ['BOSTON, Nov. 20, 2026 /PRNewswire/ -- Acme opened a lab.', 'It will hire 120 people.'],
    });
    expect(byAngle(buildDraftSet(r, {}, { now: NOW }), 'meta', 'quote').rationale).toMatch(/Add a spokesperson quote/);
  });

  it('uses journalist tone: no hype, no capitals', () => {
    const r = aRelease({
      headline: 'ACME LAUNCHES REVOLUTIONARY GAME-CHANGING ROBOT',
      body: [
        'BOSTON, Nov. 20, 2026 /PRNewswire/ -- Acme Robotics is pleased to announce an innovative, cutting-edge robot that picks 30% faster.',
      ],
    });
    for (const d of buildDraftSet(r, {}, { now: NOW }).drafts) {
      for (const text of [body(d), d.headline, d.description]) {
        expect(findHype(text)).toEqual([]);
        expect(isShouting(text)).toBe(false);
      }
      expect(body(d)).not.toMatch(/pleased to announce/);
    }
  });

  it('every field is within the platform maximum and every draft has a one-line rationale', () => {
    for (const d of set.drafts) {
      for (const f of rulesFor(d.platform).fields) {
        expect(countChars((d as unknown as Record<string, string>)[f.key]!, f.counting)).toBeLessThanOrEqual(
          f.max.value,
        );
      }
      expect(d.rationale).not.toContain('\n');
      expect(d.rationale.length).toBeGreaterThan(10);
    }
  });

  it('destination: the company site from the release, tagged per platform and angle', () => {
    const d = byAngle(set, 'linkedin', 'quote');
    expect(d.destination).toBe('https://www.acmerobotics.com');
    const u = new URL(d.url);
    expect(Object.fromEntries(u.searchParams)).toEqual({
      utm_source: 'linkedin',
      utm_medium: 'paid_social',
      utm_campaign: 'acme-robotics-opens-research-lab-2026-11-20',
      utm_content: 'quote',
    });
  });

  it('destination: the kit newsroom wins; the wire page is the last resort, and lint explains why it is poor', () => {
    const kit = buildDraftSet(aRelease(), { newsroomUrl: 'https://acme.example/news?lang=en' }, { now: NOW });
    expect(kit.drafts[0]!.url).toMatch(/^https:\/\/acme\.example\/news\?lang=en&utm_source=facebook/);
    const bare = buildDraftSet(aRelease({ body: ['Acme opened a lab.'] }), {}, { now: NOW });
    const d = bare.drafts[0]!;
    expect(d.destination).toBe(aRelease().url);
    expect(bare.lint[d.id]!.map((h) => h.code)).toContain('wire-destination');
  });

  it('kit defaultUtm overrides the generated values', () => {
    const s = buildDraftSet(aRelease(), { defaultUtm: { campaign: 'q4-launch', medium: 'paid' } }, { now: NOW });
    expect(s.drafts[0]!.utm).toMatchObject({
      source: 'facebook',
      medium: 'paid',
      campaign: 'q4-launch',
      content: 'news',
    });
  });

  it('clock comes from publishedAt in the ad account time zone', () => {
    expect(set.clock.publishedAt).toBe('2026-11-20T09:00:00-05:00');
    expect(set.clock.deadline).toBe('2026-11-23T09:00:00-05:00');
    expect(set.clock.submitBy).toBe('2026-11-22T09:00:00-05:00');
    expect(set.clock.status).toBe('on-track');
  });

  it('audiences: three presets per platform with beat, geo and explanation', () => {
    expect(set.audiences).toHaveLength(6);
    for (const a of set.audiences) {
      expect(a.explanation.length).toBeGreaterThan(20);
      expect(a.geo.country).toBe('US');
      expect(a.beat.id).toBeTruthy();
    }
  });

  it('accepts an empty release without throwing and still stays within limits', () => {
    const s = buildDraftSet(
      aRelease({ headline: '', body: [], company: null, subheadline: null, publishedAt: null }),
      {},
      { now: NOW },
    );
    expect(s.drafts).toHaveLength(6);
    expect(s.clock.status).toBe('unknown');
    expect(s.lint[s.drafts[0]!.id]!.some((h) => h.code === 'empty')).toBe(true);
  });

  it('rejects an invalid now', () => expect(() => buildDraftSet(aRelease(), {}, { now: 'yesterday' })).toThrow(/now/));
});
