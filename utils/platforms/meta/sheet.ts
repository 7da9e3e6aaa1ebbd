import Papa from 'papaparse';
import type { DraftSet } from '../../engine/draftset';
import type { MetaDraft } from '../../contract/draft';
import { metaCampaign } from './campaign';

/**
 * Meta Ads Manager bulk import sheet. Headers are Ads Manager's own export headers (PLATFORMS.md). Whether
 * the importer wants objective enums or UI labels is unverified, so every column lives in this one table.
 */
export interface MetaSheetOptions {
  /** Facebook page id for "Link Object ID" (o:<PAGE_ID>); left blank for the person to fill in. */
  pageId?: string;
  campaignName?: string;
  objective?: string;
  /** 'label' writes "Traffic" instead of OUTCOME_TRAFFIC if the importer turns out to want labels. */
  objectiveAs?: 'enum' | 'label';
}

interface Row {
  set: DraftSet;
  draft: MetaDraft;
  opts: MetaSheetOptions;
  index: number;
}

const displayLink = (url: string) => {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
};
const fileName = (url: string | null) => (url ? decodeURIComponent(url.split(/[?#]/)[0]!.split('/').pop() ?? '') : '');
// Ads Manager's sheet times are "MM/DD/YYYY HH:mm" in the ad account's zone; we keep the ISO wall time.
const sheetTime = (iso: string) => iso.slice(0, 16).replace('T', ' ');

function objective(r: Row): string {
  const value = r.opts.objective ?? metaCampaign.defaultObjective;
  return r.opts.objectiveAs === 'label'
    ? (metaCampaign.objectives.find((o) => o.value === value)?.label ?? value)
    : value;
}

export const META_SHEET_COLUMNS: { header: string; value: (r: Row) => string }[] = [
  {
    header: 'Campaign Name',
    value: (r) => r.opts.campaignName ?? `Wireboost · ${r.set.release.headline}`.slice(0, 200),
  },
  { header: 'Campaign Status', value: () => 'PAUSED' },
  { header: 'Campaign Objective', value: objective },
  { header: 'Ad Set Name', value: (r) => `${r.draft.angle} · ${r.draft.audience}` },
  { header: 'Ad Set Daily Budget', value: (r) => r.set.clock.flight.perVariant.toFixed(2) },
  { header: 'Ad Set Time Start', value: (r) => sheetTime(r.set.clock.flight.start) },
  { header: 'Ad Set Time Stop', value: (r) => sheetTime(r.set.clock.flight.end) },
  { header: 'Link Object ID', value: (r) => (r.opts.pageId ? `o:${r.opts.pageId}` : '') },
  { header: 'Ad Name', value: (r) => `${r.draft.angle} ${r.index + 1}` },
  { header: 'Ad Status', value: () => 'PAUSED' },
  { header: 'Title', value: (r) => r.draft.headline },
  { header: 'Body', value: (r) => r.draft.primaryText },
  { header: 'Link Description', value: (r) => r.draft.description },
  { header: 'Link', value: (r) => r.draft.destination },
  { header: 'Display Link', value: (r) => displayLink(r.draft.destination) },
  { header: 'Call to Action', value: (r) => r.draft.cta },
  { header: 'URL Tags', value: (r) => new URL(r.draft.url).search.replace(/^\?/, '') },
  { header: 'Image File Name', value: (r) => fileName(r.draft.imageUrl) },
];

export function exportMetaSheet(set: DraftSet, opts: MetaSheetOptions = {}): string {
  const drafts = set.drafts.filter((d): d is MetaDraft => d.platform === 'meta');
  const rows = drafts.map((draft, index) =>
    META_SHEET_COLUMNS.map((c) => {
      try {
        return c.value({ set, draft, opts, index });
      } catch {
        return '';
      }
    }),
  );
  // CRLF and quoting as spreadsheet tools expect; a BOM so Excel reads UTF-8 (quotes, emoji) correctly.
  return `\uFEFF${Papa.unparse({ fields: META_SHEET_COLUMNS.map((c) => c.header), data: rows }, { newline: '\r\n' })}`;
}
