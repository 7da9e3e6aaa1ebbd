import { z } from 'zod';
import { ReleaseSchema } from './release';
import { PLATFORM_IDS } from './platform-ids';

export { PLATFORM_IDS };

/**
 * The shapes every part of Wireboost shares for drafts: the draft engine produces them, the popup and
 * workspace edit them, storage keeps them, the team server syncs them, the platform senders push them.
 * A draft is the unit of sync: one ad variant for one platform.
 */
export const PlatformSchema = z.enum(PLATFORM_IDS);
export type Platform = z.infer<typeof PlatformSchema>;

export const AngleSchema = z.enum(['news', 'quote', 'insight', 'custom']);
export type Angle = z.infer<typeof AngleSchema>;

export const DraftStatusSchema = z.enum(['draft', 'in_review', 'approved', 'rejected', 'sent']);
export type DraftStatus = z.infer<typeof DraftStatusSchema>;

export const AudiencePresetSchema = z.enum(['journalists', 'bloggers', 'pundits']);
export type AudiencePreset = z.infer<typeof AudiencePresetSchema>;

export const UtmSchema = z.object({
  source: z.string(),
  medium: z.string(),
  campaign: z.string(),
  content: z.string(),
});
export type Utm = z.infer<typeof UtmSchema>;

/** Copy fields, named as the platform names them (Meta: primaryText; LinkedIn: introText). */
export const MetaCopySchema = z.object({
  primaryText: z.string(),
  headline: z.string(),
  description: z.string(),
  cta: z.string(),
});
export const LinkedInCopySchema = z.object({
  introText: z.string(),
  headline: z.string(),
  description: z.string(),
  cta: z.string(),
});

const DraftBase = z.object({
  id: z.string().min(1),
  /** Stable id of the release the draft backs (see utils/engine/ids.ts). */
  releaseId: z.string().min(1),
  angle: AngleSchema,
  /** One line on why this variant says what it says. */
  rationale: z.string(),
  status: DraftStatusSchema,
  /** Destination without UTM parameters; `url` is the final tagged link. */
  destination: z.string(),
  utm: UtmSchema,
  url: z.string(),
  imageUrl: z.string().nullable(),
  audience: AudiencePresetSchema,
  /** Media-list audience attached (hashes live elsewhere; never raw e-mails). */
  mediaListId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Remote ids and deep links once sent to the platform, per step. */
  remote: z.record(z.string(), z.string()).default({}),
});

export const MetaDraftSchema = DraftBase.extend({ platform: z.literal('meta') }).merge(MetaCopySchema);
export const LinkedInDraftSchema = DraftBase.extend({ platform: z.literal('linkedin') }).merge(LinkedInCopySchema);
export const DraftSchema = z.discriminatedUnion('platform', [MetaDraftSchema, LinkedInDraftSchema]);
export type MetaDraft = z.infer<typeof MetaDraftSchema>;
export type LinkedInDraft = z.infer<typeof LinkedInDraftSchema>;
export type Draft = z.infer<typeof DraftSchema>;

// Every platform id has a draft shape: adding an id to PLATFORM_IDS is a type error here until it does.
const everyPlatformHasADraft: [Platform] extends [Draft['platform']] ? true : false = true;
void everyPlatformHasADraft;

/** A release as the workspace keeps it: the extraction plus the id drafts point at. */
export const StoredReleaseSchema = z.object({
  id: z.string().min(1),
  release: ReleaseSchema,
  savedAt: z.string(),
});
export type StoredRelease = z.infer<typeof StoredReleaseSchema>;

/** The team's messaging kit: shared by the organisation, used by the draft engine. */
export const MessagingKitSchema = z.object({
  keyMessages: z.array(z.string()).default([]),
  boilerplate: z.string().default(''),
  newsroomUrl: z.string().default(''),
  /** An asset the team always offers (white paper, report…), used by the insight angle. */
  assetUrl: z.string().default(''),
  assetLabel: z.string().default(''),
  defaultUtm: UtmSchema.partial().default({}),
  defaultAudiences: z.array(AudiencePresetSchema).default(['journalists']),
  adReviewLeadHours: z.number().min(0).max(72).default(24),
  flightDays: z.number().int().min(1).max(90).default(7),
  dailyBudget: z.number().min(0).default(50),
  currency: z.string().length(3).default('USD'),
  adAccountTimeZone: z.string().default('America/New_York'),
});
export type MessagingKit = z.infer<typeof MessagingKitSchema>;
