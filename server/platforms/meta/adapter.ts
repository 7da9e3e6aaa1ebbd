import type { PlatformAdapter } from '../adapter.ts';
import { metaConfig } from '../config.ts';
import { listMetaChoices } from './accounts.ts';
import { META_RULES } from './client.ts';
import { connectMeta, metaAuthorizeUrl } from './oauth.ts';
import { prepareMeta } from './prepare.ts';
import { metaPreviewCard } from './preview-card.ts';
import { META } from './profile.ts';
import { metaReporting } from './reporting.ts';

/** Meta's entry in the registry (registry.ts): its profile and the functions in this folder. */
export const metaAdapter: PlatformAdapter<'meta'> = {
  ...META,
  authorizeUrl: ({ config, ...o }) => metaAuthorizeUrl({ ...o, config: config.meta }),
  grant: ({ config, ...o }, input) => connectMeta({ ...o, config: config.meta }, input),
  choices: ({ config, ...o }) => listMetaChoices({ ...o, cfg: metaConfig(config.meta) }),
  errorRules: META_RULES,
  prepare: prepareMeta,
  identitySettings: (pageId) => ({ meta: { pageId } }),
  previewCard: metaPreviewCard,
  reporting: metaReporting,
};
