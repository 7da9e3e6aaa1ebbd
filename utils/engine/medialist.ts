import Papa from 'papaparse';
import type { Platform } from '../contract/draft';
import { PLATFORM_LIST } from '../platforms/registry';
import { campaignFor } from '../platforms/campaign-registry';
import { stableHash } from './ids';

/**
 * A journalist list (CSV) turned into platform-ready hashes on the device: SHA-256 hex of the trimmed,
 * lower-cased e-mail, as Meta (EMAIL_SHA256) and LinkedIn (SHA256_EMAIL) take them. Raw addresses never
 * leave this function: the result holds hashes, names, outlets and beats only.
 */
export interface MediaContact {
  /** 1-based line in the file where the row starts (quoted fields may span lines). */
  line: number;
  hash: string;
  name: string | null;
  outlet: string | null;
  beat: string | null;
}

export interface MediaListIssue {
  line: number;
  reason: string;
}

export interface MediaListWarning {
  platform: Platform;
  code: 'below-minimum' | 'may-fall-below';
  message: string;
  source: string;
}

export interface MediaList {
  /** Stable id from the set of hashes: the same list uploaded twice is the same list. */
  id: string;
  hashes: string[];
  contacts: MediaContact[];
  rows: number;
  invalid: MediaListIssue[];
  duplicates: MediaListIssue[];
  /** Header (or "column N") each field was read from; null when not found. */
  columns: { email: string | null; name: string | null; outlet: string | null; beat: string | null };
  warnings: MediaListWarning[];
}

export interface MediaListOptions {
  onProgress?: (done: number, total: number) => void;
  /** Rows hashed per batch between progress reports. */
  batchSize?: number;
}

export class MediaListError extends Error {}

const EMAIL_RE =
  /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.[a-z]{2,}$/;
const ANGLE_RE = /<([^<>\s]+@[^<>\s]+)>/;

const HEADERS = {
  email: /e-?mail|courriel|correo|mail\s*address/i,
  name: /^(?:full\s*)?name$|^contact(?:\s*name)?$|journalist|reporter|^name\b|first\s*name/i,
  lastName: /last\s*name|surname|family\s*name/i,
  outlet: /outlet|publication|media|company|organi[sz]ation|newspaper|magazine|employer|station|masthead/i,
  beat: /beat|topic|section|coverage|desk|subject|vertical/i,
} as const;

const BEAT_WORDS =
  /^(?:tech(?:nology)?|business|finance|markets?|politics|policy|health(?:care)?|science|sports?|culture|energy|climate|security|cyber(?:security)?|media|retail|autos?|mobility|startups?|ai|education|legal|real estate|travel|food|lifestyle|entertainment|hr|workplace|government)(?:\s*[/&,]\s*\w+)*$/i;
const PERSON = /^(?:[\p{Lu}][\p{L}'’.-]+)(?:,?\s+(?:[\p{Lu}][\p{L}'’.-]*|de|van|von|da|del|Jr\.?|Sr\.?)){1,3}$/u;

/** Trimmed, lower-cased, "Name <a@b.c>" unwrapped; null when not an address. */
export function normaliseEmail(raw: string): string | null {
  const inner = ANGLE_RE.exec(raw)?.[1] ?? raw;
  const email = inner
    .trim()
    .replace(/^mailto:/i, '')
    .toLowerCase();
  return EMAIL_RE.test(email) ? email : null;
}

const encoder = new TextEncoder();
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export async function sha256Hex(text: string): Promise<string> {
  const bytes = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', encoder.encode(text)));
  let hex = '';
  for (let i = 0; i < bytes.length; i++) hex += HEX[bytes[i]!];
  return hex;
}

interface Row {
  line: number;
  cells: string[];
}

function readRows(text: string): Row[] {
  const src = text.replace(/^\uFEFF/, '');
  const rows: Row[] = [];
  let line = 1;
  let prev = 0;
  Papa.parse<string[]>(src, {
    skipEmptyLines: false,
    step: (r) => {
      const start = line;
      const cursor = r.meta.cursor;
      for (let i = prev; i < cursor; i++) if (src.charCodeAt(i) === 10) line++;
      prev = cursor;
      const cells = r.data.map((c) => (c ?? '').trim());
      if (cells.some(Boolean)) rows.push({ line: start, cells });
    },
  });
  return rows;
}

function detectColumns(rows: Row[]) {
  const head = rows[0]?.cells ?? [];
  const headerFor = (re: RegExp, except: number[] = []) => head.findIndex((h, i) => !except.includes(i) && re.test(h));
  const headerEmail = headerFor(HEADERS.email);
  const hasHeader = headerEmail >= 0 || (head.length > 0 && !head.some((c) => normaliseEmail(c)));
  let email = headerEmail;
  if (email < 0) {
    // No e-mail header: the column with the most addresses in a sample is the e-mail column.
    const sample = rows.slice(hasHeader ? 1 : 0, 200);
    const width = Math.max(0, ...sample.map((r) => r.cells.length));
    let best = 0;
    for (let c = 0; c < width; c++) {
      const n = sample.filter((r) => normaliseEmail(r.cells[c] ?? '')).length;
      if (n > best) {
        best = n;
        email = c;
      }
    }
  }
  const taken = [email];
  const pick = (re: RegExp) => {
    if (!hasHeader) return -1;
    const i = headerFor(re, taken);
    if (i >= 0) taken.push(i);
    return i;
  };
  let name = pick(HEADERS.name);
  const lastName = pick(HEADERS.lastName);
  let outlet = pick(HEADERS.outlet);
  let beat = pick(HEADERS.beat);
  if (!hasHeader) {
    // No header: guess by content. Beat cells use a small desk vocabulary; a name is 2–4 capitalised words;
    // the remaining text column is the outlet.
    const sample = rows.slice(0, 200);
    const share = (c: number, test: (v: string) => boolean) =>
      sample.filter((r) => r.cells[c] && test(r.cells[c]!)).length /
      Math.max(1, sample.filter((r) => r.cells[c]).length);
    const width = Math.max(0, ...sample.map((r) => r.cells.length));
    const free = () => Array.from({ length: width }, (_, c) => c).filter((c) => !taken.includes(c));
    beat = free().find((c) => share(c, (v) => BEAT_WORDS.test(v)) >= 0.6) ?? -1;
    if (beat >= 0) taken.push(beat);
    name = free().find((c) => share(c, (v) => PERSON.test(v)) >= 0.6) ?? -1;
    if (name >= 0) taken.push(name);
    outlet = free().find((c) => share(c, (v) => /\p{L}/u.test(v) && !normaliseEmail(v)) >= 0.6) ?? -1;
  }
  const label = (i: number) => (i < 0 ? null : hasHeader ? head[i] || `column ${i + 1}` : `column ${i + 1}`);
  return {
    hasHeader,
    email,
    name,
    lastName,
    outlet,
    beat,
    labels: { email: label(email), name: label(name), outlet: label(outlet), beat: label(beat) },
  };
}

/** Share of uploaded contacts the platforms typically match (used only to word the warning). */
const ASSUMED_MATCH_RATE = 0.5;

export function mediaListWarnings(unique: number): MediaListWarning[] {
  const out: MediaListWarning[] = [];
  for (const { id: platform, longLabel: name } of PLATFORM_LIST) {
    const rules = campaignFor(platform);
    const min = rules.audienceMinimum.value;
    if (unique < min) {
      out.push({
        platform,
        code: 'below-minimum',
        source: rules.audienceMinimum.source,
        message: `${unique} contacts is below ${name}'s minimum of ${min} matched people: the list alone won't deliver. Combine it with job-title targeting (journalists, editors).`,
      });
    } else if (unique * ASSUMED_MATCH_RATE < min) {
      out.push({
        platform,
        code: 'may-fall-below',
        source: rules.audienceMinimum.source,
        message: `${unique} contacts may match fewer than ${name}'s minimum of ${min} (match rates are often around half). Consider adding job-title targeting.`,
      });
    }
  }
  return out;
}

export async function importMediaList(csv: string, opts: MediaListOptions = {}): Promise<MediaList> {
  const rows = readRows(csv);
  if (!rows.length)
    throw new MediaListError('The file is empty: expected a CSV with one contact per row and an e-mail column.');
  const cols = detectColumns(rows);
  if (cols.email < 0)
    throw new MediaListError('No e-mail column found: name a column "Email" or include addresses in one column.');
  const data = cols.hasHeader ? rows.slice(1) : rows;
  const invalid: MediaListIssue[] = [];
  const duplicates: MediaListIssue[] = [];
  const firstLine = new Map<string, number>();
  const pending: { row: Row; email: string }[] = [];
  for (const row of data) {
    const email = normaliseEmail(row.cells[cols.email] ?? '');
    if (!email) {
      invalid.push({
        line: row.line,
        reason: (row.cells[cols.email] ?? '') ? 'not a valid e-mail address' : 'no e-mail address',
      });
      continue;
    }
    const seen = firstLine.get(email);
    if (seen !== undefined) {
      duplicates.push({ line: row.line, reason: `same e-mail as line ${seen}` });
      continue;
    }
    firstLine.set(email, row.line);
    pending.push({ row, email });
  }
  const cell = (row: Row, i: number) => (i >= 0 && row.cells[i] ? row.cells[i]! : null);
  const batch = opts.batchSize ?? 1000;
  const contacts: MediaContact[] = [];
  for (let i = 0; i < pending.length; i += batch) {
    const slice = pending.slice(i, i + batch);
    const hashes = await Promise.all(slice.map((p) => sha256Hex(p.email)));
    slice.forEach(({ row }, j) => {
      const name = [cell(row, cols.name), cell(row, cols.lastName)].filter(Boolean).join(' ') || null;
      contacts.push({
        line: row.line,
        hash: hashes[j]!,
        name,
        outlet: cell(row, cols.outlet),
        beat: cell(row, cols.beat),
      });
    });
    opts.onProgress?.(Math.min(i + batch, pending.length), pending.length);
  }
  if (!pending.length) opts.onProgress?.(0, 0);
  const hashes = contacts.map((c) => c.hash);
  return {
    id: `ml_${stableHash([...hashes].sort().join(''))}`,
    hashes,
    contacts,
    rows: data.length,
    invalid,
    duplicates,
    columns: cols.labels,
    warnings: mediaListWarnings(hashes.length),
  };
}
