/**
 * Beats: the desk a journalist covers. A release's keywords pick the beat; the beat picks the facet values
 * each platform targets (names only: ids and URNs are resolved live at send time). The values are each
 * platform's vocabulary, so they live with the platform (utils/platforms/<id>/audience.ts), keyed by
 * BeatId: a new beat is a type error there until every platform has its words. Order breaks ties.
 */
export type BeatId =
  | 'cybersecurity'
  | 'technology'
  | 'workforce'
  | 'finance'
  | 'government'
  | 'mobility'
  | 'marketing'
  | 'health'
  | 'business';

export interface Beat {
  id: BeatId;
  label: string;
  keywords: RegExp;
  /** Words for job titles: "Technology Reporter", "Technology Editor". */
  titleWord: string;
}

export const BEATS: Beat[] = [
  {
    id: 'cybersecurity',
    label: 'Cybersecurity',
    titleWord: 'Security',
    keywords: /\b(?:cyber ?security|cyber|security|breach|ransomware|malware|threat|encryption|zero trust)\b/gi,
  },
  {
    id: 'technology',
    label: 'Technology',
    titleWord: 'Technology',
    keywords:
      /\b(?:software|cloud|platform|saas|ai|artificial intelligence|machine learning|data|app|api|developer|engineers?|coding|tech(?:nology)?|digital|automat\w*|analytics)\b/gi,
  },
  {
    id: 'workforce',
    label: 'Workforce & HR',
    titleWord: 'Workplace',
    keywords: /\b(?:hiring|hire|talent|recruit\w*|workforce|skills?|jobs?|employ\w*|careers?|human capital|hr)\b/gi,
  },
  {
    id: 'finance',
    label: 'Business & Finance',
    titleWord: 'Business',
    keywords:
      /\b(?:nasdaq|nyse|shares?|stock|investors?|debt|earnings|revenue|quarter|fiscal|ipo|funding|financ\w*|capital|fintech|acquisition|merger|dividend|balance sheet)\b/gi,
  },
  {
    id: 'government',
    label: 'Government & Policy',
    titleWord: 'Policy',
    keywords:
      /\b(?:government|federal|agenc(?:y|ies)|public sector|congress|white house|policy|regulat\w*|senate|ministry|municipal)\b/gi,
  },
  {
    id: 'mobility',
    label: 'Energy & Mobility',
    titleWord: 'Energy',
    keywords:
      /\b(?:electric vehicles?|ev|evs|battery|batteries|charging|solar|renewable|energy|clean ?tech|emissions|automotive)\b/gi,
  },
  {
    id: 'marketing',
    label: 'Marketing & Media',
    titleWord: 'Marketing',
    keywords: /\b(?:marketing|customer data|crm|advertis\w*|brand|customer journey|martech|campaigns?)\b/gi,
  },
  {
    id: 'health',
    label: 'Health & Life Sciences',
    titleWord: 'Health',
    keywords: /\b(?:health\w*|medical|patients?|clinical|fda|pharma\w*|biotech\w*|hospital|therap\w*|drug)\b/gi,
  },
];

export const GENERAL_BEAT: Beat = {
  id: 'business',
  label: 'General business',
  titleWord: 'Business',
  keywords: /$^/g,
};

export interface BeatMatch {
  beat: Beat;
  /** Keywords found, most frequent first (evidence shown to the user). */
  matched: string[];
  score: number;
}

/** Score beats by keyword hits; the headline counts three times because it states the story. */
export function inferBeat(headline: string, body: string): BeatMatch {
  let best: BeatMatch = { beat: GENERAL_BEAT, matched: [], score: 0 };
  for (const beat of BEATS) {
    const counts = new Map<string, number>();
    let score = 0;
    for (const [text, weight] of [
      [headline, 3],
      [body, 1],
    ] as const) {
      for (const m of text.matchAll(beat.keywords)) {
        const k = m[0].toLowerCase();
        counts.set(k, (counts.get(k) ?? 0) + weight);
        score += weight;
      }
    }
    if (score > best.score) {
      best = {
        beat,
        score,
        matched: [...counts]
          .sort((a, b) => b[1] - a[1])
          .map(([k]) => k)
          .slice(0, 5),
      };
    }
  }
  return best;
}
