import { z } from 'zod';
import { AngleSchema, AudiencePresetSchema, PlatformSchema } from './draft';

/**
 * The results report: what a release's paid amplification achieved, per platform and per variant, as the
 * team server builds it from the insights it pulled (server/results) and the extension, the reviewer page
 * and the exports show it. Money is in the ad account's currency, major units; rates are fractions (0.012
 * = 1.2 %); null where the platform does not report the metric (LinkedIn has no daily reach).
 */
export const MetricsSchema = z.object({
  spend: z.number(),
  impressions: z.number(),
  /** Unique people (Meta reach, LinkedIn approximate member reach); not additive across days or variants. */
  reach: z.number().nullable(),
  clicks: z.number(),
  /** Clicks to the release (Meta inline link clicks, LinkedIn landing-page clicks). */
  linkClicks: z.number().nullable(),
  /** clicks ÷ impressions */
  ctr: z.number().nullable(),
  /** spend ÷ clicks */
  cpc: z.number().nullable(),
});
export type Metrics = z.infer<typeof MetricsSchema>;

export const DailyRowSchema = z.object({
  /** YYYY-MM-DD in the ad account's time zone (LinkedIn: UTC). */
  date: z.string(),
  spend: z.number(),
  impressions: z.number(),
  clicks: z.number(),
  linkClicks: z.number().nullable(),
});
export type DailyRow = z.infer<typeof DailyRowSchema>;

/**
 * What the team should read first, per platform: the states the issue names, in words.
 * - not_sent: nothing of this release was sent to the platform
 * - waiting: sent, not pulled yet (or nothing delivered yet)
 * - paused: the campaign is paused / draft on the platform and nothing was spent
 * - permission: the connection lacks the reporting permission, or the token expired: reconnect
 * - error: the last pull failed (throttling, platform error); the next one retries
 * - ok: numbers to show
 */
export const ResultsStateSchema = z.enum(['not_sent', 'waiting', 'paused', 'permission', 'error', 'ok']);
export type ResultsState = z.infer<typeof ResultsStateSchema>;

export const VariantResultSchema = z.object({
  draftId: z.string(),
  angle: AngleSchema,
  audience: AudiencePresetSchema,
  headline: z.string(),
  /** The platform's delivery status of the ad / campaign (ACTIVE, PAUSED, DRAFT…), when read. */
  delivery: z.string().nullable(),
  totals: MetricsSchema,
  daily: z.array(DailyRowSchema),
  /** The variant with the best click-through rate among those with enough impressions to judge. */
  winner: z.boolean(),
});
export type VariantResult = z.infer<typeof VariantResultSchema>;

/** One LinkedIn member value (a title, function or industry) with its approximate counts. */
export const AudienceRowSchema = z.object({
  value: z.string(),
  name: z.string(),
  impressions: z.number(),
  clicks: z.number(),
  media: z.boolean(),
});

/** One demographic pivot, pulled alone (LinkedIn allows one professional pivot per request). */
export const AudienceDimensionSchema = z.object({
  pivot: z.string(),
  label: z.string(),
  /** Impressions and clicks from values the media table counts as media. */
  mediaImpressions: z.number(),
  mediaClicks: z.number(),
  /** Sum of the rows LinkedIn returned (rows under 3 events are omitted, so below the campaign's total). */
  reportedImpressions: z.number(),
  rows: z.array(AudienceRowSchema),
});
export type AudienceDimension = z.infer<typeof AudienceDimensionSchema>;

export const MediaAudienceSchema = z.object({
  /** false until LinkedIn delivers the demographics (12–24 h after the impressions). */
  available: z.boolean(),
  pulledAt: z.string().nullable(),
  /** The largest media count of the pivots: a lower bound of the media audience (the pivots overlap). */
  mediaImpressions: z.number(),
  mediaClicks: z.number(),
  /** mediaImpressions ÷ the platform's total impressions. */
  share: z.number().nullable(),
  dimensions: z.array(AudienceDimensionSchema),
  caveat: z.string(),
});
export type MediaAudience = z.infer<typeof MediaAudienceSchema>;

export const PlatformResultSchema = z.object({
  platform: PlatformSchema,
  label: z.string(),
  currency: z.string().nullable(),
  state: ResultsStateSchema,
  /** The state in one sentence a PR person can act on. */
  message: z.string(),
  /** What to do about it: reconnect in Options, or nothing. */
  action: z.enum(['reconnect', 'none']),
  lastPulledAt: z.string().nullable(),
  nextPullAt: z.string().nullable(),
  totals: MetricsSchema,
  /** The day (in the platform's reporting zone) the 72-hour window closes; it counts inside. */
  windowCloseDay: z.string().nullable(),
  /** Split at the end of the 72-hour window (by day in the account's zone: the closing day counts inside). */
  inside: MetricsSchema,
  after: MetricsSchema,
  variants: z.array(VariantResultSchema),
  /** LinkedIn only: how much of the audience was media. */
  media: MediaAudienceSchema.nullable(),
});
export type PlatformResult = z.infer<typeof PlatformResultSchema>;

export const ResultsReportSchema = z.object({
  releaseId: z.string(),
  headline: z.string(),
  company: z.string(),
  generatedAt: z.string(),
  window: z.object({
    publishedAt: z.string().nullable(),
    /** publishedAt + 72 h; null when the release has no publication time. */
    closesAt: z.string().nullable(),
    hours: z.number(),
  }),
  platforms: z.array(PlatformResultSchema),
});
export type ResultsReport = z.infer<typeof ResultsReportSchema>;

/** POST …/results/releases/:releaseId/refresh — what the manual refresh did. */
export const RefreshReplySchema = z.object({
  pulled: z.number(),
  skipped: z.number(),
  report: ResultsReportSchema,
});
export type RefreshReply = z.infer<typeof RefreshReplySchema>;
