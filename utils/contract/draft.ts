import { z } from 'zod';
import { ReleaseSchema } from './release';
import { PLATFORM_IDS } from './platform-ids';
import { DRAFT_TEXT_LIMITS as MAX, LIMITS } from './limits';

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

/** A string of at most `max` characters (utils/contract/limits.ts has every maximum and why). */
const text = (max: number) => z.string().max(max);

export const UtmSchema = z.object({
  source: text(MAX['utm.source']),
  medium: text(MAX['utm.medium']),
  campaign: text(MAX['utm.campaign']),
  content: text(MAX['utm.content']),
});
export type Utm = z.infer<typeof UtmSchema>;

/** Copy fields, named as the platform names them (Meta: primaryText; LinkedIn: introText). */
export const MetaCopySchema = z.object({
  primaryText: text(MAX.primaryText),
  headline: text(MAX.headline),
  description: text(MAX.description),
  cta: text(MAX.cta),
});
export const LinkedInCopySchema = z.object({
  introText: text(MAX.introText),
  headline: text(MAX.headline),
  description: text(MAX.description),
  cta: text(MAX.cta),
});

const DraftBase = z.object({
  id: text(LIMITS.id).min(1),
  /** Stable id of the release the draft backs (see utils/engine/ids.ts). */
  releaseId: text(LIMITS.id).min(1),
  angle: AngleSchema,
  /** One line on why this variant says what it says. */
  rationale: text(MAX.rationale),
  status: DraftStatusSchema,
  /** Destination without UTM parameters; `url` is the final tagged link. */
  destination: text(MAX.destination),
  utm: UtmSchema,
  url: text(MAX.url),
  imageUrl: text(MAX.imageUrl).nullable(),
  audience: AudiencePresetSchema,
  /** Media-list audience attached (hashes live elsewhere; never raw e-mails). */
  mediaListId: text(LIMITS.id).nullable(),
  createdAt: text(LIMITS.timestamp),
  updatedAt: text(LIMITS.timestamp),
  /**
   * Remote ids and deep links once sent to the platform, per step. Server-owned: the team server keeps
   * its own copy on every push (server/lib/push.ts), so a client cannot plant a link here.
   */
  remote: z
    .record(text(LIMITS.id), text(LIMITS.url))
    .refine((r) => Object.keys(r).length <= LIMITS.remoteEntries, `at most ${LIMITS.remoteEntries} remote entries`)
    .default({}),
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
  id: text(LIMITS.id).min(1),
  release: ReleaseSchema,
  savedAt: text(LIMITS.timestamp),
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
