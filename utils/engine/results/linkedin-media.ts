/**
 * Which LinkedIn member values count as "media" in a results report: data, one entry per professional
 * demographic pivot (LinkedIn reports them one pivot at a time, so each is its own view of the audience).
 * A value counts when its URN is listed or its name matches; names are LinkedIn's standardized names as
 * the targeting look-up returns them.
 *
 * Sources:
 * - Pivots and their caveats: Microsoft Learn, LinkedIn Marketing "Reporting" (adAnalytics; MEMBER_JOB_TITLE,
 *   MEMBER_JOB_FUNCTION, MEMBER_INDUSTRY are approximate, 12–24 h late, rows under 3 events omitted).
 *   https://learn.microsoft.com/en-us/linkedin/marketing/integrations/ads-reporting/ads-reporting
 * - Job function "Media and Communication" = urn:li:function:16 (reported; PLATFORMS.md).
 * - Industries: LinkedIn's industry codes V2 — 81 Newspaper Publishing, 36 Broadcast Media Production and
 *   Distribution, 113 Online Audio and Video Media, 82 Book and Periodical Publishing, 126 Media Production.
 *   https://learn.microsoft.com/en-us/linkedin/shared/references/reference-tables/industry-codes-v2
 * - Titles: the newsroom titles the issue names (journalist, editor, reporter) and their usual kin.
 */
export interface MediaPivotRule {
  pivot: 'MEMBER_JOB_TITLE' | 'MEMBER_JOB_FUNCTION' | 'MEMBER_INDUSTRY';
  /** How the report names this view. */
  label: string;
  urns: readonly string[];
  names: readonly RegExp[];
}

export const MEDIA_AUDIENCE: readonly MediaPivotRule[] = [
  {
    pivot: 'MEMBER_JOB_TITLE',
    label: 'Journalist, editor and reporter titles',
    urns: [],
    names: [
      /\bjournalist/i,
      /\breporter\b/i,
      /\beditor\b/i,
      /\bcorrespondent\b/i,
      /\bcolumnist\b/i,
      /\bnews (anchor|producer|director)\b/i,
      /\bbroadcaster\b/i,
      /\bblogger\b/i,
    ],
  },
  {
    pivot: 'MEMBER_JOB_FUNCTION',
    label: 'Media and communication function',
    urns: ['urn:li:function:16'],
    names: [/^media (and|&) communications?$/i],
  },
  {
    pivot: 'MEMBER_INDUSTRY',
    label: 'Newspaper, broadcast and online media industries',
    urns: [
      'urn:li:industry:81',
      'urn:li:industry:36',
      'urn:li:industry:113',
      'urn:li:industry:82',
      'urn:li:industry:126',
    ],
    names: [
      /newspaper/i,
      /broadcast media/i,
      /online (audio and video )?media/i,
      /periodical publishing/i,
      /^media production$/i,
    ],
  },
];

/** The pivots a results pull asks LinkedIn for, in report order. */
export const MEDIA_PIVOTS = MEDIA_AUDIENCE.map((r) => r.pivot);

export function isMediaValue(pivot: string, urn: string, name: string | undefined): boolean {
  const rule = MEDIA_AUDIENCE.find((r) => r.pivot === pivot);
  if (!rule) return false;
  return rule.urns.includes(urn) || (!!name && rule.names.some((re) => re.test(name)));
}

/** Shown wherever the media share is: LinkedIn's own limits on these numbers. */
export const MEDIA_CAVEAT =
  'LinkedIn reports audience demographics approximately, 12–24 hours late, and leaves out values with fewer than 3 events, so the rows do not add up to the totals. Each view (titles, function, industry) is reported separately and they overlap: the media audience shown is the largest of them, a lower bound.';
