import { useDrafts, selectDraft } from '@/utils/stores/drafts';
import { FacebookPreview } from './previews/FacebookPreview';
import { LinkedInPreview } from './previews/LinkedInPreview';

export function DraftPreview({ draftId }: { draftId: string }) {
  const draft = useDrafts(selectDraft(draftId));
  const company = useDrafts((s) => (draft ? s.releases[draft.releaseId]?.release.company : null)) ?? 'Your company';
  if (!draft) return null;
  return draft.platform === 'meta' ? (
    <FacebookPreview draft={draft} company={company} />
  ) : (
    <LinkedInPreview draft={draft} company={company} />
  );
}
