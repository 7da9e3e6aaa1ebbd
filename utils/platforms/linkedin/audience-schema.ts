import { z } from 'zod';

const names = z.array(z.string());

/** LinkedInAudience's own fields (audience.ts), for the draft set schema: the guard in utils/engine/draftset.ts keeps the two in step. */
export const linkedinAudienceShape = {
  titles: names,
  functions: names,
  seniorities: names,
  industries: names,
  groups: names,
  locations: names,
};
