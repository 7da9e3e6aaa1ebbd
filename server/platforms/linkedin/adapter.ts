import type { PlatformAdapter } from '../adapter.ts';
import { linkedInConfig } from '../config.ts';
import { listLinkedInChoices } from './accounts.ts';
import { LINKEDIN_RULES } from './client.ts';
import { connectLinkedIn, linkedInAuthorizeUrl } from './oauth.ts';
import { prepareLinkedIn } from './prepare.ts';
import { linkedInPreviewCard } from './preview-card.ts';
import { LINKEDIN } from './profile.ts';
import { linkedInReporting } from './reporting.ts';

/** LinkedIn's entry in the registry (registry.ts): its profile and the functions in this folder. */
export const linkedInAdapter: PlatformAdapter<'linkedin'> = {
  ...LINKEDIN,
  authorizeUrl: ({ config, ...o }) => linkedInAuthorizeUrl({ ...o, config: config.linkedin }),
  grant: ({ config, ...o }, input) => connectLinkedIn({ ...o, config: config.linkedin }, input),
  choices: ({ config, ...o }) => listLinkedInChoices({ ...o, cfg: linkedInConfig(config.linkedin) }),
  errorRules: LINKEDIN_RULES,
  prepare: prepareLinkedIn,
  identitySettings: (organizationId) => ({ linkedin: { organizationId } }),
  previewCard: linkedInPreviewCard,
  reporting: linkedInReporting,
};
