import { z } from 'zod';

const names = z.array(z.string());

/** MetaAudience's own fields (audience.ts), for the draft set schema: the guard in utils/engine/draftset.ts keeps the two in step. */
export const metaAudienceShape = {
  work_positions: names,
  interests: names,
  behaviors: names,
  geo_locations: z.object({ countries: names }),
};
