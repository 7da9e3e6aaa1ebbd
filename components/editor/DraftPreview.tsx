import { useDrafts, selectDraft } from '@/utils/editor/store';
import { PlatformPreview } from '../platforms/registry';

export function DraftPreview({ draftId }: { draftId: string }) {
  const draft = useDrafts(selectDraft(draftId));
  const company = useDrafts((s) => (draft ? s.releases[draft.releaseId]?.release.company : null)) ?? 'Your company';
  if (!draft) return null;
  return <PlatformPreview draft={draft} company={company} />;
}
