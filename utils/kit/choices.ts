import type { AudiencePreset } from '../contract/draft';
import { PRESET_LABELS } from '../engine/audiences';

/** Currencies offered first in the settings' picker (any ISO code the kit holds stays selectable). */
export const CURRENCIES = [
  'USD',
  'EUR',
  'GBP',
  'CAD',
  'AUD',
  'CHF',
  'JPY',
  'SEK',
  'NOK',
  'DKK',
  'INR',
  'SGD',
  'BRL',
  'MXN',
];

/** Every IANA zone the browser knows, for the ad account's time zone; a short list where Intl cannot say. */
export const TIME_ZONES: string[] = (Intl as { supportedValuesOf?(k: string): string[] }).supportedValuesOf?.(
  'timeZone',
) ?? ['UTC', 'America/New_York', 'Europe/London'];

/** The audience presets a kit can default to, in the order the settings show them. */
export const AUDIENCE_CHOICES = (Object.keys(PRESET_LABELS) as AudiencePreset[]).map((id) => ({
  id,
  label: PRESET_LABELS[id],
}));

// A selector must return the same value for the same state: a fresh [] before hydration made React
// re-render forever (error #185) whenever the first render beat storage.
export const NO_AUDIENCES: AudiencePreset[] = [];
