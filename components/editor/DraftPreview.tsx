import { useDrafts, selectDraft } from '@/utils/editor/store';
import { FacebookPreview } from '../platforms/meta/Preview';
import { LinkedInPreview } from '../platforms/linkedin/Preview';

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
