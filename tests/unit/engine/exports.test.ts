import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildDraftSet } from '@/utils/engine/build';
import { exportMetaSheet, META_SHEET_COLUMNS } from '@/utils/platforms/meta/sheet';
import { DraftSetImportError, exportDraftSetJson, importDraftSetJson } from '@/utils/engine/export-json';
import { renderBrief } from '@/utils/engine/brief';
import { aRelease, NOW } from './builder';

const set = buildDraftSet(
  aRelease({ images: [{ url: 'https://acme.example/img/lab%20photo.jpg?w=1200', alt: '' }] }),
  {},
  { now: NOW },
);

describe('Meta import sheet', () => {
  const csv = exportMetaSheet(set, { pageId: '1234' });
  const rows = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  }).data;

  it('uses the Ads Manager headers, one row per Meta draft, everything paused', () => {
    expect(Object.keys(rows[0]!)).toEqual([
      'Campaign Name',
      'Campaign Status',
      'Campaign Objective',
      'Ad Set Name',
      'Ad Set Daily Budget',
      'Ad Set Time Start',
      'Ad Set Time Stop',
      'Link Object ID',
      'Ad Name',
      'Ad Status',
      'Title',
      'Body',
      'Link Description',
      'Link',
      'Display Link',
      'Call to Action',
      'URL Tags',
      'Image File Name',
    ]);
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r['Campaign Status'] === 'PAUSED' && r['Ad Status'] === 'PAUSED')).toBe(true);
  });

  it('carries copy, link, UTM tags, budget and flight', () => {
    const meta = set.drafts.filter((d) => d.platform === 'meta');
    expect(rows.map((r) => r.Body)).toEqual(meta.map((d) => d.platform === 'meta' && d.primaryText));
    expect(rows[0]!['URL Tags']).toMatch(/^utm_source=facebook&utm_medium=paid_social/);
    expect(rows[0]!['Link Object ID']).toBe('o:1234');
    expect(rows[0]!['Ad Set Daily Budget']).toBe('8.33');
    expect(rows[0]!['Campaign Objective']).toBe('OUTCOME_TRAFFIC');
    expect(rows[0]!['Image File Name']).toBe('lab photo.jpg');
    expect(rows[0]!['Display Link']).toBe('acmerobotics.com');
  });

  it('can write objective labels instead of enums (column map is data)', () => {
    expect(exportMetaSheet(set, { objectiveAs: 'label' })).toContain(',Traffic,');
    expect(META_SHEET_COLUMNS).toHaveLength(18);
  });
});

describe('JSON export', () => {
  it('round-trips to identical drafts', () => {
    const back = importDraftSetJson(exportDraftSetJson(set));
    expect(back).toEqual(set);
    expect(exportDraftSetJson(back)).toBe(exportDraftSetJson(set));
  });

  it.each([
    ['not JSON', '{oops', /does not parse/],
    ['not an object', '42', /expected a JSON object/],
    ['a future version', JSON.stringify({ ...set, version: 9 }), /version 9/],
    ['a broken draft', JSON.stringify({ ...set, drafts: [{ ...set.drafts[0], platform: 'tiktok' }] }), /drafts\.0/],
    ['a missing clock', JSON.stringify({ ...set, clock: undefined }), /clock/],
  ])('a malformed file (%s) gives a clear error', (_n, text, message) => {
    expect(() => importDraftSetJson(text)).toThrow(DraftSetImportError);
    expect(() => importDraftSetJson(text)).toThrow(message);
  });
});

describe('brief', () => {
  it('has the clock, every variant with its link and hints, and the audiences', () => {
    const md = renderBrief(set);
    expect(md).toMatch(/^# Paid social brief: Acme Robotics/);
    expect(md).toContain('72-hour deadline:** 2026-11-23T09:00:00-05:00');
    expect(md.match(/^### (news|quote|insight)/gm)).toHaveLength(6);
    for (const d of set.drafts) expect(md).toContain(d.url);
    expect(md).toContain('Journalists');
  });
});
