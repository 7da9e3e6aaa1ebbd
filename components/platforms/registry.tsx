import type { ComponentType } from 'react';
import type { Draft, Platform } from '@/utils/contract/draft';
import type { DraftOf } from '@/utils/engine/ui/light';
import { FacebookPreview } from './meta/Preview';
import { LinkedInPreview } from './linkedin/Preview';

export interface PreviewProps<P extends Platform> {
  draft: DraftOf<P>;
  company: string;
}

/**
 * Each platform's feed preview (utils/platforms/registry.ts lists the other registries). Keyed by the
 * contract's ids: a new platform is a type error here until it has a preview.
 */
export const PREVIEWS: { readonly [P in Platform]: ComponentType<PreviewProps<P>> } = {
  meta: FacebookPreview,
  linkedin: LinkedInPreview,
};

/** The draft as its platform's feed shows it. */
export function PlatformPreview({ draft, company }: { draft: Draft; company: string }) {
  // PREVIEWS[draft.platform] takes that platform's draft, which TypeScript cannot pair up on its own.
  const Preview = PREVIEWS[draft.platform] as ComponentType<PreviewProps<Platform>>;
  return <Preview draft={draft} company={company} />;
}
