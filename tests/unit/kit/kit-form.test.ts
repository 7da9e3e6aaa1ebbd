import { describe, expect, it } from 'vitest';
import { kitToForm, validateKitForm, type KitForm } from '@/utils/kit/form';

const base: KitForm = kitToForm(null, '');

describe('options form validation', () => {
  it('defaults are valid and round-trip into a kit', () => {
    const r = validateKitForm(base);
    expect(r.ok).toBe(true);
    if (r.ok)
      expect(r.kit).toMatchObject({
        adReviewLeadHours: 24,
        flightDays: 7,
        currency: 'USD',
        defaultAudiences: ['journalists'],
      });
  });

  it.each([
    ['newsroomUrl', 'acme.com/news', 'full web address'],
    ['teamServerUrl', 'ftp://team', 'full web address'],
    ['adReviewLeadHours', '73', 'between 0 and 72'],
    ['adReviewLeadHours', 'soon', 'must be a number'],
    ['flightDays', '2.5', 'whole number'],
    ['flightDays', '', 'is needed'],
    ['dailyBudget', '-1', 'between 0'],
    ['currency', 'dollars', 'three-letter ISO code'],
    ['adAccountTimeZone', 'Mars/Olympus', 'IANA name'],
    ['utmMedium', 'paid social', 'letters, digits'],
  ] as const)('%s = %j → error mentioning "%s"', (key, value, message) => {
    const r = validateKitForm({ ...base, [key]: value });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[key]).toContain(message);
  });

  it('needs at least one default audience and a name for an asset', () => {
    const r = validateKitForm({ ...base, defaultAudiences: [], assetUrl: 'https://acme.example/report.pdf' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.defaultAudiences).toContain('at least one');
      expect(r.errors.assetLabel).toContain('Name the asset');
    }
  });

  it('splits key messages by line, trims, and normalises currency case', () => {
    const r = validateKitForm({ ...base, keyMessages: ' One \n\nTwo ', currency: 'eur', utmMedium: 'paid_social' });
    expect(r.ok && r.kit.keyMessages).toEqual(['One', 'Two']);
    expect(r.ok && r.kit.currency).toBe('EUR');
    expect(r.ok && r.kit.defaultUtm).toEqual({ medium: 'paid_social' });
  });
});

describe('engine door defaults', () => {
  it('DEFAULT_KIT is what the kit schema defaults to (the popup avoids parsing to stay zod-free)', async () => {
    const { DEFAULT_KIT } = await import('@/utils/engine/ui/light');
    const { MessagingKitSchema } = await import('@/utils/contract/draft');
    expect(DEFAULT_KIT).toEqual(MessagingKitSchema.parse({}));
  });
});
