import type { PlatformEntry } from '../types';
import { metaRules } from './rules';

/** Meta (Facebook and Instagram link ads) as the first paint knows it. */
export const metaPlatform: PlatformEntry<'meta'> = {
  id: 'meta',
  label: 'Meta',
  longLabel: 'Meta (Facebook & Instagram)',
  bodyField: 'primaryText',
  rules: metaRules,
  sheet: { label: 'Meta sheet', title: 'Ads Manager bulk-import sheet (CSV)' },
};
