import type { Release } from '@/utils/release/schema';
import type { Clock } from '@/utils/stores/engine';
import { timeAgo } from '@/utils/time';
import { wireLabel } from '@/utils/release/labels';

const STATUS_TEXT = { 'on-track': 'on track', 'at-risk': 'at risk', missed: 'missed', unknown: '' } as const;

/**
 * Headline, company, wire and the 72-hour clock in one line:
 * "hit the wire 5 h ago · 67 h left · on track" (at risk inside the ad-review lead time; missed after 72 h).
 */
export function ReleaseCard({ release, now, clock }: { release: Release; now: number; clock?: Clock }) {
  const ago = timeAgo(release.publishedAt, now);
  const known = clock && clock.status !== 'unknown';
  const title = clock?.explanation;
  return (
    <article className="release-card" aria-label="Press release">
      <p className="eyebrow">
        <span data-testid="release-company">{release.company ?? 'Unknown company'}</span>
        <span aria-hidden="true"> · </span>
        <span>{wireLabel(release.wire)}</span>
      </p>
      <h1 className="release-headline" data-testid="release-headline">{release.headline}</h1>
      <p className="release-meta clock" data-testid="release-clock" title={title}>
        {ago ? (
          <time dateTime={release.publishedAt ?? undefined} data-testid="release-age">hit the wire {ago}</time>
        ) : (
          <span>publish time unknown</span>
        )}
        {known && (
          <>
            <span aria-hidden="true"> · </span>
            <span>{clock.status === 'missed' ? '72-hour window closed' : `${Math.round(clock.hoursLeft ?? 0)} h left`}</span>
            <span aria-hidden="true"> · </span>
            <span className={`pill pill-${clock.status}`} data-testid="clock-status">{STATUS_TEXT[clock.status]}</span>
          </>
        )}
      </p>
    </article>
  );
}
