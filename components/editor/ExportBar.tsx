import type { Draft } from '@/utils/contract/draft';
import type { Release } from '@/utils/contract/release';
import { useState } from 'react';
import type { MessagingKit } from '@/utils/contract/draft';
import type { ExportFile, ExportKind } from '@/utils/engine/ui/heavy';
import { PLATFORM_LIST } from '@/utils/engine/ui/light';

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

/** Export the drafts of one release: the platforms' import sheets (Meta), JSON draft set, Markdown brief. */
export function ExportBar({
  drafts,
  release,
  kit,
}: {
  drafts: Draft[];
  release: Release | null;
  kit: MessagingKit | null;
}) {
  const [error, setError] = useState<string | null>(null);
  const none = drafts.length === 0 || !release;
  const run = async (kind: ExportKind) => {
    if (!release) return;
    try {
      const { exportDrafts } = await import('@/utils/engine/ui/heavy');
      download(exportDrafts(kind, drafts, release, kit));
      setError(null);
    } catch (e) {
      setError(`Export failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return (
    <div className="export-bar" role="group" aria-label="Export">
      <span className="muted">Export</span>
      {PLATFORM_LIST.map(
        ({ id, sheet }) =>
          sheet && (
            <button
              key={id}
              type="button"
              className="ghost"
              disabled={none || !drafts.some((d) => d.platform === id)}
              onClick={() => void run(id)}
              data-testid={`export-${id}`}
              title={sheet.title}
            >
              {sheet.label}
            </button>
          ),
      )}
      <button
        type="button"
        className="ghost"
        disabled={none}
        onClick={() => void run('json')}
        data-testid="export-json"
        title="The whole draft set, versioned"
      >
        JSON
      </button>
      <button
        type="button"
        className="ghost"
        disabled={none}
        onClick={() => void run('brief')}
        data-testid="export-brief"
        title="Markdown brief for the social team"
      >
        Brief
      </button>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
    </div>
  );
}
