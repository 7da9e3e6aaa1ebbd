import type { Release } from '../contract/release';
import { PLATFORM_IDS, PLATFORMS } from '../platforms/registry';
import { campaignFor } from '../platforms/campaign-registry';
import { draftWithBody } from '../platforms/drafts';
import { buildAudience, PRESETS } from './audiences';
import { inferBeat } from './beats';
import { computeClock } from './clock';
import { generateCopy, type CopyVariant } from './copy';
import { DRAFT_SET_VERSION, type DraftSet } from './draftset';
import { releaseFacts, type ReleaseFacts } from './facts';
import { geoFromDateline } from './geo';
import { draftId, releaseId } from './ids';
import { lintDraft } from './lint';
import { MessagingKitSchema, type Draft, type MessagingKit } from '../contract/draft';
import { isValidTimeZone } from './tz';
import { buildUtm, tagUrl, UTM_MEDIUM, utmCampaign } from './utm';

export interface BuildOptions {
  /** Epoch ms, ISO string or Date; the engine never reads the system clock itself. */
  now: number | string | Date;
  /** Mixed into draft ids, e.g. an organisation id, so two teams' drafts never collide. */
  idSeed?: string;
  mediaListId?: string | null;
  mediaListSize?: number | null;
}

export type KitInput = Partial<MessagingKit> | undefined;

const toMs = (now: number | string | Date) =>
  typeof now === 'number' ? now : now instanceof Date ? now.getTime() : Date.parse(now);

/** Where the ad sends people: the asset it promotes, the team's newsroom, the company site, else the wire page. */
export function chooseDestination(
  variant: Pick<CopyVariant, 'asset'>,
  facts: ReleaseFacts,
  kit: MessagingKit,
  release: Release,
): string {
  return variant.asset?.url || kit.newsroomUrl || facts.companyUrl || release.canonicalUrl || release.url;
}

function toDraft(
  v: CopyVariant,
  ctx: {
    release: Release;
    relId: string;
    facts: ReleaseFacts;
    kit: MessagingKit;
    campaign: string;
    stamp: string;
    seed: string;
    mediaListId: string | null;
  },
): Draft {
  const campaign = campaignFor(v.platform);
  const destination = chooseDestination(v, ctx.facts, ctx.kit, ctx.release);
  const utm = buildUtm(
    { source: campaign.utmSource, medium: UTM_MEDIUM, campaign: ctx.campaign, content: v.angle },
    ctx.kit,
  );
  const base = {
    id: draftId(ctx.relId, v.platform, v.angle, ctx.seed),
    releaseId: ctx.relId,
    angle: v.angle,
    rationale: v.rationale,
    status: 'draft' as const,
    destination,
    utm,
    url: tagUrl(destination, utm),
    imageUrl: ctx.facts.imageUrl,
    audience: ctx.kit.defaultAudiences[0] ?? 'journalists',
    mediaListId: ctx.mediaListId,
    createdAt: ctx.stamp,
    updatedAt: ctx.stamp,
    remote: {},
    cta: v.cta,
    headline: v.fields.headline ?? '',
    description: v.fields.description ?? '',
  };
  return draftWithBody(v.platform, base, v.fields[PLATFORMS[v.platform].bodyField] ?? '');
}

/**
 * The one entry point: a release and the team's kit in, every draft, audience, hint and the clock out.
 * Pure and deterministic: the same inputs (including `now` and `idSeed`) give the same output.
 */
export function buildDraftSet(release: Release, kitInput: KitInput, opts: BuildOptions): DraftSet {
  const now = toMs(opts.now);
  if (Number.isNaN(now)) throw new Error(`buildDraftSet: "now" is not a valid time (${String(opts.now)})`);
  const kit = MessagingKitSchema.parse(kitInput ?? {});
  const facts = releaseFacts(release);
  const relId = releaseId(release);
  const stamp = new Date(now).toISOString();
  const ctx = {
    release,
    relId,
    facts,
    kit,
    stamp,
    seed: opts.idSeed ?? '',
    mediaListId: opts.mediaListId ?? null,
    campaign: utmCampaign(facts.headline || release.url, release.publishedAt, stamp),
  };
  const drafts = PLATFORM_IDS.flatMap((p) => generateCopy(p, facts, kit).map((v) => toDraft(v, ctx)));
  const beat = inferBeat(facts.headline, [facts.subheadline ?? '', ...facts.story].join(' '));
  const geo = geoFromDateline(facts.dateline);
  const audiences = PLATFORM_IDS.flatMap((p) => PRESETS.map((preset) => buildAudience(p, preset, beat, geo)));
  const timeZone = isValidTimeZone(kit.adAccountTimeZone) ? kit.adAccountTimeZone : 'UTC';
  const clock = computeClock(release.publishedAt, {
    now,
    reviewLeadHours: kit.adReviewLeadHours,
    timeZone,
    flightDays: kit.flightDays,
    dailyBudget: kit.dailyBudget,
    currency: kit.currency,
    variants: drafts.length,
  });
  const lint = Object.fromEntries(
    drafts.map((d) => [d.id, lintDraft(d, { mediaListSize: opts.mediaListSize ?? null })]),
  );
  return { version: DRAFT_SET_VERSION, releaseId: relId, release, generatedAt: stamp, clock, drafts, audiences, lint };
}
