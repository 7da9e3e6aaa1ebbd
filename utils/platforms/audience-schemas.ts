import type { Platform } from '../contract/draft';
import { linkedinAudienceShape } from './linkedin/audience-schema';
import { metaAudienceShape } from './meta/audience-schema';

/**
 * Each platform's audience fields as zod shapes, for the draft set schema (utils/engine/draftset.ts).
 * Apart from audiences.ts so the popup's audience section does not load zod.
 */
export const AUDIENCE_SHAPES = {
  meta: metaAudienceShape,
  linkedin: linkedinAudienceShape,
} satisfies Record<Platform, object>;
