/**
 * Beats: the desk a journalist covers. A release's keywords pick the beat; the beat picks the facet values
 * each platform targets (names only: ids and URNs are resolved live at send time). Order breaks ties.
 */
export interface Beat {
  id: string;
  label: string;
  keywords: RegExp;
  /** Words for job titles: "Technology Reporter", "Technology Editor". */
  titleWord: string;
  linkedinIndustries: string[];
  linkedinGroups: string[];
  metaInterests: string[];
}

export const BEATS: Beat[] = [
  {
    id: 'cybersecurity',
    label: 'Cybersecurity',
    titleWord: 'Security',
    keywords: /\b(?:cyber ?security|cyber|security|breach|ransomware|malware|threat|encryption|zero trust)\b/gi,
    linkedinIndustries: ['Computer & Network Security'],
    linkedinGroups: ['Information Security Community'],
    metaInterests: ['Computer security', 'Information security'],
  },
  {
    id: 'technology',
    label: 'Technology',
    titleWord: 'Technology',
    keywords:
      /\b(?:software|cloud|platform|saas|ai|artificial intelligence|machine learning|data|app|api|developer|engineers?|coding|tech(?:nology)?|digital|automat\w*|analytics)\b/gi,
    linkedinIndustries: [
      'Software Development',
      'IT Services and IT Consulting',
      'Technology, Information and Internet',
    ],
    linkedinGroups: ['Tech Journalists', 'Technology Reporters & Bloggers'],
    metaInterests: ['Technology', 'Software', 'Tech news'],
  },
  {
    id: 'workforce',
    label: 'Workforce & HR',
    titleWord: 'Workplace',
    keywords: /\b(?:hiring|hire|talent|recruit\w*|workforce|skills?|jobs?|employ\w*|careers?|human capital|hr)\b/gi,
    linkedinIndustries: ['Human Resources Services', 'Staffing and Recruiting'],
    linkedinGroups: ['HR & Workplace Journalists'],
    metaInterests: ['Human resources', 'Recruitment'],
  },
  {
    id: 'finance',
    label: 'Business & Finance',
    titleWord: 'Business',
    keywords:
      /\b(?:nasdaq|nyse|shares?|stock|investors?|debt|earnings|revenue|quarter|fiscal|ipo|funding|financ\w*|capital|fintech|acquisition|merger|dividend|balance sheet)\b/gi,
    linkedinIndustries: ['Financial Services', 'Capital Markets', 'Investment Banking'],
    linkedinGroups: ['Financial Journalists'],
    metaInterests: ['Finance', 'Investment', 'Stock market'],
  },
  {
    id: 'government',
    label: 'Government & Policy',
    titleWord: 'Policy',
    keywords:
      /\b(?:government|federal|agenc(?:y|ies)|public sector|congress|white house|policy|regulat\w*|senate|ministry|municipal)\b/gi,
    linkedinIndustries: ['Government Administration', 'Public Policy Offices'],
    linkedinGroups: ['Public Sector Reporters'],
    metaInterests: ['Politics', 'Public policy', 'Government'],
  },
  {
    id: 'mobility',
    label: 'Energy & Mobility',
    titleWord: 'Energy',
    keywords:
      /\b(?:electric vehicles?|ev|evs|battery|batteries|charging|solar|renewable|energy|clean ?tech|emissions|automotive)\b/gi,
    linkedinIndustries: ['Renewable Energy Power Generation', 'Motor Vehicle Manufacturing'],
    linkedinGroups: ['Energy & Cleantech Journalists'],
    metaInterests: ['Electric vehicle', 'Renewable energy'],
  },
  {
    id: 'marketing',
    label: 'Marketing & Media',
    titleWord: 'Marketing',
    keywords: /\b(?:marketing|customer data|crm|advertis\w*|brand|customer journey|martech|campaigns?)\b/gi,
    linkedinIndustries: ['Advertising Services', 'Marketing Services'],
    linkedinGroups: ['Marketing Journalists & Analysts'],
    metaInterests: ['Digital marketing', 'Advertising'],
  },
  {
    id: 'health',
    label: 'Health & Life Sciences',
    titleWord: 'Health',
    keywords: /\b(?:health\w*|medical|patients?|clinical|fda|pharma\w*|biotech\w*|hospital|therap\w*|drug)\b/gi,
    linkedinIndustries: ['Hospitals and Health Care', 'Pharmaceutical Manufacturing'],
    linkedinGroups: ['Health Care Journalists'],
    metaInterests: ['Health care', 'Medicine'],
  },
];

export const GENERAL_BEAT: Beat = {
  id: 'business',
  label: 'General business',
  titleWord: 'Business',
  keywords: /$^/g,
  linkedinIndustries: ['Newspaper Publishing', 'Online Audio and Video Media'],
  linkedinGroups: [],
  metaInterests: ['News', 'Business'],
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
