import { z } from 'zod';
import { ReleaseSchema } from '../contract/release';
import { AudiencePresetSchema, DraftSchema, PLATFORM_IDS, type Platform } from '../contract/draft';
import { AUDIENCE_SHAPES } from '../platforms/audience-schemas';
import type { Audience } from './audiences';
import type { Clock } from './clock';
import type { LintHint } from './lint';

/**
 * The draft engine's whole output, versioned: what the JSON export writes, what import reads back, what
 * the UI renders. Bump DRAFT_SET_VERSION (and add a migration in importDraftSet) when the shape changes.
 */
export const DRAFT_SET_VERSION = 1;

const GeoSchema = z.object({
  country: z.string().length(2),
  countryName: z.string(),
  city: z.string().nullable(),
  basis: z.enum(['dateline', 'default']),
  explanation: z.string(),
});

const AudienceBase = {
  preset: AudiencePresetSchema,
  label: z.string(),
  explanation: z.string(),
  beat: z.object({ id: z.string(), label: z.string(), keywords: z.array(z.string()) }),
  geo: GeoSchema,
  notes: z.array(z.string()),
};
const audienceSchemaFor = <P extends Platform>(platform: P) =>
  z.object({ platform: z.literal(platform), ...AudienceBase, ...AUDIENCE_SHAPES[platform] });
type PlatformAudienceSchema = { [P in Platform]: ReturnType<typeof audienceSchemaFor<P>> }[Platform];
/** One member per platform, each with the platform's own fields (utils/platforms/<id>/audience-schema.ts). */
export const AudienceSchema = z.discriminatedUnion(
  'platform',
  PLATFORM_IDS.map(audienceSchemaFor) as [PlatformAudienceSchema, ...PlatformAudienceSchema[]],
);

export const FlightPlanSchema = z.object({
  start: z.string(),
  end: z.string(),
  timeZone: z.string(),
  days: z.number(),
  currency: z.string(),
  dailyBudget: z.number(),
  perVariant: z.number(),
  perVariantMinor: z.number().int(),
  variants: z.number().int(),
});

export const ClockSchema = z.object({
  publishedAt: z.string().nullable(),
  deadline: z.string().nullable(),
  submitBy: z.string().nullable(),
  status: z.enum(['on-track', 'at-risk', 'missed', 'unknown']),
  hoursSincePublished: z.number().nullable(),
  hoursLeft: z.number().nullable(),
  reviewLeadHours: z.number(),
  explanation: z.string(),
  flight: FlightPlanSchema,
});

export const LintHintSchema = z.object({
  code: z.enum([
    'over-max',
    'over-recommended',
    'empty',
    'missing-link',
    'bad-link',
    'missing-image',
    'all-caps',
    'wire-destination',
    'no-utm',
    'insecure-link',
    'audience-below-minimum',
    'audience-small',
    'hype',
    'bad-cta',
    'no-short-form',
    'logo-image',
  ]),
  severity: z.enum(['error', 'warning', 'info']),
  field: z.string().nullable(),
  message: z.string(),
  source: z.string().optional(),
});

export const DraftSetSchema = z.object({
  version: z.literal(DRAFT_SET_VERSION),
  releaseId: z.string().min(1),
  release: ReleaseSchema,
  generatedAt: z.string(),
  clock: ClockSchema,
  drafts: z.array(DraftSchema),
  audiences: z.array(AudienceSchema),
  /** Hints per draft id. */
  lint: z.record(z.string(), z.array(LintHintSchema)),
});
export type DraftSet = z.infer<typeof DraftSetSchema>;

// Compile-time guards: the hand-written interfaces and these schemas must describe the same shapes.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameClock: Same<z.infer<typeof ClockSchema>, Clock> = true;
const sameAudience: Same<z.infer<typeof AudienceSchema>, Audience> = true;
const sameHint: Same<z.infer<typeof LintHintSchema>, LintHint> = true;
void sameClock;
void sameAudience;
void sameHint;
