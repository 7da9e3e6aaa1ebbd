import { useEffect } from 'react';
import { selectDraft, useDrafts } from '@/utils/editor/store';
import { ago, count, money, percent } from '@/utils/engine/results/format';
import { useResults } from '@/utils/results/store';
import { useNow } from '@/utils/editor/use-now';

/**
 * One line of results under a sent draft (popup and workspace send panel): its variant's spend,
 * impressions, clicks and CTR, or the platform's state in words. Part of the send panel's lazy chunk, so
 * it adds nothing to the popup's first load.
 */
export function ResultsLine({ draftId }: { draftId: string }) {
  const draft = useDrafts(selectDraft(draftId));
  const releaseId = draft?.releaseId;
  const sent = draft?.status === 'sent';
  const s = useResults((st) => (releaseId ? st.byRelease[releaseId] : undefined));
  const now = useNow();
  useEffect(() => {
    if (sent && releaseId && !useResults.getState().byRelease[releaseId]?.report)
      void useResults.getState().load(releaseId);
  }, [sent, releaseId]);
  if (!draft || !sent) return null;
  const p = s?.report?.platforms.find((x) => x.platform === draft.platform);
  const v = p?.variants.find((x) => x.draftId === draftId);
  let text: string;
  if (s?.error) text = s.error.message;
  else if (!p) text = 'Loading results…';
  else if (v && (v.totals.impressions || v.totals.spend) && p.state !== 'permission')
    text = `${money(v.totals.spend, p.currency)} · ${count(v.totals.impressions)} impressions · ${count(v.totals.clicks)} clicks · CTR ${percent(v.totals.ctr)}${v.winner ? ' · best angle' : ''} · updated ${ago(p.lastPulledAt, now)}`;
  else text = p.message;
  return (
    <p className="results-line muted" data-testid="results-line" data-state={p?.state ?? ''}>
      <strong>Results:</strong> {text}
    </p>
  );
}
