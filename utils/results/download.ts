import type { ResultsReport } from '../contract/results';
import { reportCsv } from '../engine/results/csv';
import { reportHtml } from '../engine/results/export-html';

/** A file the person saves: a Blob behind a temporary link (no downloads permission needed). */
export function saveFile(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const fileBase = (r: ResultsReport) =>
  `wireboost-results-${r.releaseId.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 80)}`;

/** The same renderers the team server uses for its exports and reviewer links. */
export const exportHtml = (r: ResultsReport) => saveFile(`${fileBase(r)}.html`, reportHtml(r), 'text/html');
export const exportCsv = (r: ResultsReport) => saveFile(`${fileBase(r)}.csv`, reportCsv(r), 'text/csv');
