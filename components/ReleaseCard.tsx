import type { Release } from '@/utils/release/schema';
import { timeAgo } from '@/utils/time';
import { wireLabel } from '@/utils/release/labels';

export function ReleaseCard({ release, now }: { release: Release; now: number }) {
  const ago = timeAgo(release.publishedAt, now);
  return (
    <article className="release-card" aria-label="Press release">
      <h1 className="release-headline" data-testid="release-headline">{release.headline}</h1>
      <p className="release-meta">
        <span data-testid="release-company">{release.company ?? 'Unknown company'}</span>
        {' · '}
        <span>{wireLabel(release.wire)}</span>
        {ago && (
          <>
            {' · '}
            <time dateTime={release.publishedAt ?? undefined} data-testid="release-age">hit the wire {ago}</time>
          </>
        )}
      </p>
    </article>
  );
}
