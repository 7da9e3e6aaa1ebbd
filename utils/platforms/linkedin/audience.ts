import type { BeatId } from '../../engine/beats';
import { countryInSentence as where } from '../../engine/geo';
import type { AudienceBase, PlatformAudience } from '../types';

/** A LinkedIn audience: facet names, matched to URNs by typeahead when sending. */
export interface LinkedInAudience extends AudienceBase {
  platform: 'linkedin';
  titles: string[];
  functions: string[];
  seniorities: string[];
  industries: string[];
  groups: string[];
  locations: string[];
}

/** LinkedIn industry and member-group names per beat. */
const INDUSTRIES: Record<BeatId, string[]> = {
  cybersecurity: ['Computer & Network Security'],
  technology: ['Software Development', 'IT Services and IT Consulting', 'Technology, Information and Internet'],
  workforce: ['Human Resources Services', 'Staffing and Recruiting'],
  finance: ['Financial Services', 'Capital Markets', 'Investment Banking'],
  government: ['Government Administration', 'Public Policy Offices'],
  mobility: ['Renewable Energy Power Generation', 'Motor Vehicle Manufacturing'],
  marketing: ['Advertising Services', 'Marketing Services'],
  health: ['Hospitals and Health Care', 'Pharmaceutical Manufacturing'],
  business: ['Newspaper Publishing', 'Online Audio and Video Media'],
};
const GROUPS: Record<BeatId, string[]> = {
  cybersecurity: ['Information Security Community'],
  technology: ['Tech Journalists', 'Technology Reporters & Bloggers'],
  workforce: ['HR & Workplace Journalists'],
  finance: ['Financial Journalists'],
  government: ['Public Sector Reporters'],
  mobility: ['Energy & Cleantech Journalists'],
  marketing: ['Marketing Journalists & Analysts'],
  health: ['Health Care Journalists'],
  business: [],
};

// Titles cannot be combined with functions or seniorities on LinkedIn: each preset uses one or the other.
export const linkedinAudience: PlatformAudience<LinkedInAudience> = {
  presets: {
    journalists: (b, g) => ({
      titles: ['Journalist', 'Reporter', 'Editor', 'Correspondent', 'Columnist', `${b.titleWord} Reporter`],
      functions: [],
      seniorities: [],
      industries: [
        'Newspaper Publishing',
        'Broadcast Media Production and Distribution',
        'Online Audio and Video Media',
      ],
      groups: GROUPS[b.id],
      locations: [g.countryName],
      explanation: `Members titled journalist, reporter, editor, correspondent or columnist at media companies in ${where(g)}, plus ${b.label.toLowerCase()} press groups.`,
    }),
    bloggers: (b, g) => ({
      titles: ['Blogger', 'Content Creator', 'Podcast Host', 'Newsletter Writer', 'Freelance Writer'],
      functions: [],
      seniorities: [],
      industries: [],
      groups: GROUPS[b.id],
      locations: [g.countryName],
      explanation: `Independent writers and creators in ${where(g)} (blogger, podcast host, newsletter writer) who cover ${b.label.toLowerCase()}.`,
    }),
    pundits: (b, g) => ({
      titles: [],
      functions: ['Research', 'Consulting'],
      seniorities: ['Senior', 'Manager', 'Director', 'VP', 'CXO', 'Partner'],
      industries: [...INDUSTRIES[b.id], 'Think Tanks', 'Market Research'],
      groups: [],
      locations: [g.countryName],
      explanation: `Senior research and consulting professionals in ${b.label.toLowerCase()} industries in ${where(g)}: analysts whose take shapes coverage (function + seniority, since LinkedIn won't mix those with titles).`,
    }),
  },
  notes: [
    'LinkedIn requires advertisers to follow its non-discrimination policy when targeting by member attributes.',
    'A location is required and set from the release dateline.',
    'Titles, groups and industries are search terms: they are matched to LinkedIn URNs by typeahead when sending.',
  ],
  shown: [
    { field: 'titles', label: 'Job titles' },
    { field: 'functions', label: 'Functions' },
    { field: 'seniorities', label: 'Seniorities' },
    { field: 'industries', label: 'Industries' },
    { field: 'groups', label: 'Groups' },
  ],
};
