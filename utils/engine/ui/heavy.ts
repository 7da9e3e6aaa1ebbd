/**
 * The heavy half of the engine door (zod-validated draft building, CSV parsing, exports). The popup loads
 * it with import() only when it must build drafts or export; the background imports it directly.
 */
import type { Draft, MessagingKit } from '../../contract/draft';
import type { Release } from '../../contract/release';
import { buildDraftSet } from '../build';
import { lintDraft } from '../lint';
import { PLATFORM_SHEETS } from '../../platforms/sheets';
import { isPlatform, platformLabel, type Platform } from '../../platforms/registry';
import { exportDraftSetJson } from '../export-json';
import { renderBrief } from '../brief';
import { importMediaList as engineImport } from '../medialist';
import type { StoredMediaList } from '../../editor/media-lists';

/** Every draft for a release (deterministic ids: building twice converges). */
export function buildDrafts(release: Release, kit: MessagingKit | null, now: Date): Draft[] {
  return buildDraftSet(release, kit ?? undefined, { now: now.getTime() }).drafts;
}

export interface ExportFile {
  filename: string;
  mime: string;
  content: string;
}
/** A platform id: that platform's bulk-import sheet (registry entries with a `sheet`). */
export type ExportKind = Platform | 'json' | 'brief';

/** Export the drafts of one release as they are now (edits included). */
export function exportDrafts(
  kind: ExportKind,
  drafts: Draft[],
  release: Release,
  kit: MessagingKit | null,
  now = new Date(),
): ExportFile {
  const built = buildDraftSet(release, kit ?? undefined, { now: now.getTime() });
  const set = { ...built, drafts, lint: Object.fromEntries(drafts.map((d) => [d.id, lintDraft(d)])) };
  const slug = (release.headline || 'release')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 40)
    .replace(/^-|-$/g, '');
  if (isPlatform(kind)) {
    const sheet = PLATFORM_SHEETS[kind];
    if (!sheet) throw new Error(`${platformLabel(kind)} has no import sheet.`);
    return { filename: `${slug}-${kind}-import.csv`, mime: 'text/csv', content: sheet(set) };
  }
  if (kind === 'json')
    return { filename: `${slug}-drafts.json`, mime: 'application/json', content: exportDraftSetJson(set) };
  return { filename: `${slug}-brief.md`, mime: 'text/markdown', content: renderBrief(set) };
}

/** Hash a media-list CSV on this device; only hashes and the report are returned (never raw e-mails). */
export async function importMediaList(
  name: string,
  csv: string,
  onProgress: (done: number, total: number) => void,
): Promise<StoredMediaList> {
  const list = await engineImport(csv, { onProgress });
  const warnings = list.warnings.map((w) => w.message);
  if (list.duplicates.length)
    warnings.unshift(`${list.duplicates.length} duplicate address${list.duplicates.length === 1 ? '' : 'es'} merged.`);
  return {
    id: list.id,
    name,
    createdAt: new Date().toISOString(),
    hashes: list.hashes,
    totalRows: list.rows,
    invalidRows: list.invalid,
    warnings,
  };
}
