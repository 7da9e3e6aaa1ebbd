import type { AudiencePreset } from '../../utils/contract/draft.ts';

/**
 * What the server knows about the organisation's connected account and the plan for this release,
 * beyond the draft itself. Money is in major units here (50 = 50.00); each client converts to the
 * platform's own unit (Meta: integer minor units; LinkedIn: decimal string in major units).
 */
export interface SendSettings {
  /** Ad account id without prefix (Meta "act_" / LinkedIn "urn:li:sponsoredAccount:" are added by builders). */
  adAccountId: string;
  currency: string;
  /** Daily budget in major units. */
  dailyBudget: number;
  /** ISO 8601 with offset, inside the release's plan (e.g. the 72-hour window). */
  startTime: string;
  endTime: string;
  /** Campaign name (one campaign per release; ad names add the draft's angle). */
  campaignName: string;
  /** Where the ads run: ISO 3166-1 alpha-2 for Meta; for LinkedIn, geo URNs or names resolved by typeahead. */
  countries: string[];
  /** Meta only. */
  meta?: {
    pageId: string;
    objective?: MetaObjective;
    /** Reported as required since v23: 0 keeps our targeting as chosen, 1 lets Meta expand it. */
    advantageAudience?: 0 | 1;
  };
  /** LinkedIn only. */
  linkedin?: {
    organizationId: string;
    objectiveType?: 'BRAND_AWARENESS' | 'WEBSITE_VISIT' | 'ENGAGEMENT';
    costType?: 'CPM' | 'CPC';
    locale?: { country: string; language: string };
  };
}

export type MetaObjective =
  | 'OUTCOME_AWARENESS'
  | 'OUTCOME_TRAFFIC'
  | 'OUTCOME_ENGAGEMENT'
  | 'OUTCOME_LEADS'
  | 'OUTCOME_SALES'
  | 'OUTCOME_APP_PROMOTION';

/** The hashed media list, if the draft targets one. Hashes only: raw e-mails never reach this library. */
export interface MediaListInput {
  name: string;
  /** SHA-256 hex of trimmed, lower-cased e-mails (see hash.ts). */
  hashes: string[];
}

/** Audience preset → names to resolve live. Names, never IDs: IDs are looked up at send time. */
export interface AudienceNames {
  meta: { interests: string[]; workPositions: string[] };
  linkedin: { titles?: string[]; functions?: string[]; seniorities?: string[] };
}

export type AudienceTable = Record<AudiencePreset, AudienceNames>;
