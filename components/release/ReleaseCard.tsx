import { useMemo } from 'react';
import type { MessagingKit } from '@/utils/contract/draft';
import type { Release } from '@/utils/contract/release';
import { quickClock } from '@/utils/engine/ui/light';
import { useDeferred } from '@/utils/engine/ui/use-deferred';
import { timeAgo } from '@/utils/release/age';
import { wireLabel } from '@/utils/release/labels';

const STATUS_TEXT = { 'on-track': 'on track', 'at-risk': 'at risk', missed: 'missed', unknown: '' } as const;

/**
 * Headline, company, wire and the 72-hour clock in one line:
 * "hit the wire 5 h ago · 67 h left · on track" (at risk near the ad-review submit-by time; missed after 72 h).
 * The status is computed at once; the zoned deadline, explanation and flight plan fill in from the engine.
 */
export function ReleaseCard({
  release,
  now,
  kit = null,
  variants = 1,
  showFlight = false,
}: {
  release: Release;
  now: number;
  kit?: MessagingKit | null;
  variants?: number;
  showFlight?: boolean;
}) {
  const ago = timeAgo(release.publishedAt, now);
  const clock = quickClock(release.publishedAt, kit, new Date(now));
  const engine = useDeferred();
  const full = useMemo(
    () => engine?.clockFor(release, kit, new Date(now), variants) ?? null,
    [engine, release, kit, now, variants],
  );
  const known = clock.status !== 'unknown';
  return (
    <article className="release-card" aria-label="Press release">
      <p className="eyebrow">
        <span data-testid="release-company">{release.company ?? 'Unknown company'}</span>
        <span aria-hidden="true"> · </span>
        <span>{wireLabel(release.wire)}</span>
      </p>
      <h1 className="release-headline" data-testid="release-headline">
        {release.headline}
      </h1>
      <p className="release-meta clock" data-testid="release-clock" title={full?.explanation}>
        {ago ? (
          <time dateTime={release.publishedAt ?? undefined} data-testid="release-age">
            hit the wire {ago}
          </time>
        ) : (
          <span>publish time unknown</span>
        )}
        {known && (
          <>
            <span aria-hidden="true"> · </span>
            <span>
              {clock.status === 'missed' ? '72-hour window closed' : `${Math.round(clock.hoursLeft ?? 0)} h left`}
            </span>
            <span aria-hidden="true"> · </span>
            <span className={`pill pill-${clock.status}`} data-testid="clock-status">
              {STATUS_TEXT[clock.status]}
            </span>
          </>
        )}
      </p>
      {showFlight && full && (
        <p className="flight muted" data-testid="release-flight">
          {full.explanation} Suggested flight: {full.flight.start.slice(0, 16).replace('T', ' ')} →{' '}
          {full.flight.end.slice(0, 16).replace('T', ' ')} ({full.flight.timeZone}), {full.flight.currency}{' '}
          {full.flight.dailyBudget}/day over {full.flight.variants} variant{full.flight.variants === 1 ? '' : 's'} (
          {full.flight.currency} {full.flight.perVariant} each).
        </p>
      )}
    </article>
  );
}
