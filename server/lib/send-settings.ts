import { and, eq } from 'drizzle-orm';
import { MessagingKitSchema, type Draft, type StoredRelease } from '../../utils/contract/draft.ts';
import { computeClock } from '../../utils/engine/clock.ts';
import { messagingKits, releases } from '../db/schema/index.ts';
import { adapterFor, PlatformError, type SendSettings } from '../platforms/index.ts';
import type { AppDeps } from './context.ts';
import { toConnection } from './connections.ts';
import type { ConnectionRow } from './platform-store.ts';

/**
 * SendSettings from what the organisation chose (connection), its messaging kit (budget, flight days,
 * fallback currency / zone) and the release (campaign name, publication time for the plan).
 */
export async function sendSettings(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  orgId: string,
  draft: Draft,
  row: ConnectionRow,
): Promise<SendSettings> {
  const platform = adapterFor(draft.platform);
  const c = toConnection(draft.platform, row);
  if (!c.ready) {
    throw new PlatformError(
      draft.platform,
      'invalid',
      `Choose the ${platform.label} ad account and ${platform.identity.noun} before sending.`,
    );
  }
  const [kitRow] = await deps.db
    .select({ doc: messagingKits.doc })
    .from(messagingKits)
    .where(eq(messagingKits.orgId, orgId))
    .limit(1);
  const kit = MessagingKitSchema.parse(kitRow?.doc ?? {});
  const [relRow] = await deps.db
    .select({ doc: releases.doc, deleted: releases.deleted })
    .from(releases)
    .where(and(eq(releases.orgId, orgId), eq(releases.id, draft.releaseId)))
    .limit(1);
  const release = relRow && !relRow.deleted ? (relRow.doc as StoredRelease).release : undefined;
  const currency = c.currency ?? kit.currency;
  const flight = computeClock(release?.publishedAt ?? null, {
    now: deps.clock().getTime(),
    timeZone: c.timeZone ?? kit.adAccountTimeZone,
    flightDays: kit.flightDays,
    dailyBudget: kit.dailyBudget,
    currency,
  }).flight;
  const name = release
    ? [release.company, release.headline].filter(Boolean).join(': ')
    : `Wireboost release ${draft.releaseId}`;
  return {
    adAccountId: c.adAccountId!,
    currency,
    dailyBudget: kit.dailyBudget,
    startTime: flight.start,
    endTime: flight.end,
    campaignName: name.slice(0, 100),
    countries: c.countries,
    ...platform.identitySettings(c[platform.identity.field]!),
  };
}
