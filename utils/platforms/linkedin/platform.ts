import type { PlatformEntry } from '../types';
import { linkedinRules } from './rules';

/** LinkedIn (single-image sponsored content) as the first paint knows it. */
export const linkedinPlatform: PlatformEntry<'linkedin'> = {
  id: 'linkedin',
  label: 'LinkedIn',
  longLabel: 'LinkedIn',
  bodyField: 'introText',
  rules: linkedinRules,
};
