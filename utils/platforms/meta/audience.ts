import type { BeatId } from '../../engine/beats';
import { countryInSentence as where } from '../../engine/geo';
import type { AudienceBase, PlatformAudience } from '../types';

/** A Meta audience: detailed-targeting names (ids come from GET /search at send time) and countries. */
export interface MetaAudience extends AudienceBase {
  platform: 'meta';
  work_positions: string[];
  interests: string[];
  behaviors: string[];
  geo_locations: { countries: string[] };
}

/** Meta interest names per beat. */
const INTERESTS: Record<BeatId, string[]> = {
  cybersecurity: ['Computer security', 'Information security'],
  technology: ['Technology', 'Software', 'Tech news'],
  workforce: ['Human resources', 'Recruitment'],
  finance: ['Finance', 'Investment', 'Stock market'],
  government: ['Politics', 'Public policy', 'Government'],
  mobility: ['Electric vehicle', 'Renewable energy'],
  marketing: ['Digital marketing', 'Advertising'],
  health: ['Health care', 'Medicine'],
  business: ['News', 'Business'],
};

export const metaAudience: PlatformAudience<MetaAudience> = {
  presets: {
    journalists: (b, g) => ({
      work_positions: [
        'Journalist',
        'Reporter',
        'Editor',
        'Correspondent',
        `${b.titleWord} Reporter`,
        `${b.titleWord} Editor`,
      ],
      interests: ['Journalism', ...INTERESTS[b.id]],
      behaviors: [],
      geo_locations: { countries: [g.country] },
      explanation: `People whose job title is journalist, reporter or editor in ${where(g)}, with an interest in ${b.label.toLowerCase()}.`,
    }),
    bloggers: (b, g) => ({
      work_positions: ['Blogger', 'Content Creator', 'Podcaster', 'Writer'],
      interests: ['Blogging', ...INTERESTS[b.id]],
      behaviors: ['Facebook page admins'],
      geo_locations: { countries: [g.country] },
      explanation: `Bloggers, podcasters and page admins in ${where(g)} who follow ${b.label.toLowerCase()}: independent voices that amplify news.`,
    }),
    pundits: (b, g) => ({
      work_positions: ['Analyst', 'Industry Analyst', 'Consultant', 'Commentator'],
      interests: [...INTERESTS[b.id], 'Public policy'],
      behaviors: [],
      geo_locations: { countries: [g.country] },
      explanation: `Analysts, consultants and commentators in ${where(g)} interested in ${b.label.toLowerCase()}: the people reporters call for comment.`,
    }),
  },
  notes: [
    'For traffic objectives Meta treats job titles and interests as signals (Advantage detailed targeting), not hard filters.',
  ],
  shown: [
    { field: 'work_positions', label: 'Job titles' },
    { field: 'interests', label: 'Interests' },
    { field: 'behaviors', label: 'Behaviours' },
  ],
};
