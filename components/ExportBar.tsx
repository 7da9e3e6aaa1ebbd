import type { Draft } from '@/utils/drafts/schema';
import type { Release } from '@/utils/release/schema';
import { exportBrief, exportJson, exportMetaSheet, type ExportFile } from '@/utils/stores/engine';

/** Save a file through a Blob URL (no downloads permission needed). */
export function download(file: ExportFile): void {
  const url = URL.createObjectURL(new Blob([file.content], { type: `${file.mime};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ExportBar({ drafts, release }: { drafts: Draft[]; release: Release | null }) {
  const none = drafts.length === 0;
  return (
    <div className="export-bar" role="group" aria-label="Export">
      <span className="muted">Export</span>
      <button type="button" className="ghost" disabled={none || !drafts.some((d) => d.platform === 'meta')} onClick={() => download(exportMetaSheet(drafts, release))} data-testid="export-meta" title="Ads Manager bulk-import sheet (CSV)">Meta sheet</button>
      <button type="button" className="ghost" disabled={none} onClick={() => download(exportJson(drafts, release))} data-testid="export-json">JSON</button>
      <button type="button" className="ghost" disabled={none} onClick={() => download(exportBrief(drafts, release))} data-testid="export-brief">Brief</button>
    </div>
  );
}
