import type { Dateline } from '../contract/release';
import { clean } from './text';

/**
 * The wire dateline at the start of a lead paragraph, in its usual shapes:
 *   PALO ALTO, Calif., April 25, 2016 /PRNewswire/ --
 *   SAN FRANCISCO, CA--(Marketwired - April 06, 2016) -
 *   BOSTON--(BUSINESS WIRE)--
 *   TORONTO, June 3, 2024 (GLOBE NEWSWIRE) --
 *   WHITEFISH, MT / ACCESSWIRE / July 13, 2015 /
 */
const DATELINE_RE =
  /^\s*([A-Z][^\n]{0,120}?)\s*(?:(?:\/\s*[^/\n]{2,60}\/|-{0,2}\s*\((?=[^()\n]*(?:wire|newswire|presswire|marketwired|accesswire|prweb|newsfile|\d{4}))[^()\n]{2,80}\))\s*(?:--|—|–|-)|\/\s*[A-Z][A-Za-z .-]{2,30}\/\s*[^/\n]{4,30}?\d{4}\s*\/)\s*/i;

const MONTH =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b\d{4}\b/i;

export interface DatelineSplit {
  dateline: Dateline | null;
  /** The paragraph with the dateline boilerplate removed. */
  text: string;
}

export function splitDateline(paragraph: string): DatelineSplit {
  const text = clean(paragraph);
  const m = DATELINE_RE.exec(text);
  if (!m) return { dateline: null, text };
  const rest = text.slice(m[0].length);
  const parts = m[1]!
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const city = parts.shift() ?? '';
  const place = parts.filter((p) => !MONTH.test(p) && !/^\d+$/.test(p));
  if (!city || city.length > 40) return { dateline: null, text: rest };
  return {
    dateline: { city, region: place[0] ?? null, country: place[1] ?? null },
    text: rest,
  };
}
