import { describe, expect, test } from 'vitest';
import { ReleaseSchema } from '@/utils/contract/release';
import { LIMITS } from '@/utils/contract/limits';
import { emptyRelease } from '@/utils/release/empty';
import { fitRelease } from '@/utils/release/fit';

const base = () => ({
  ...emptyRelease('https://www.prnewswire.com/news-releases/acme-301000001.html'),
  isRelease: true,
  headline: 'Acme opens a plant',
  company: 'Acme Corp.',
  body: ['BOSTON, Jan. 8, 2024 /PRNewswire/ -- Acme opened a plant.'],
});

describe('an extracted release is cut to the contract before it is kept', () => {
  test('oversized fields of an odd page fit, and the schema then takes the release', () => {
    const odd = {
      ...base(),
      company: 'C'.repeat(3_000),
      headline: 'H'.repeat(LIMITS.headline + 10),
      body: Array.from({ length: LIMITS.paragraphs + 3 }, (_, i) => `Paragraph ${i}.`),
      quotes: [{ speaker: 'S'.repeat(2_000), text: 'Q'.repeat(LIMITS.paragraph + 1) }],
      images: [{ url: `https://example.com/${'p'.repeat(5_000)}.jpg`, alt: 'a' }],
    };
    expect(ReleaseSchema.safeParse(odd).success).toBe(false);
    const fitted = fitRelease(odd);
    expect(ReleaseSchema.safeParse(fitted).success).toBe(true);
    expect(fitted.company).toHaveLength(LIMITS.shortText);
    expect(fitted.headline).toHaveLength(LIMITS.headline);
    expect(fitted.body).toHaveLength(LIMITS.paragraphs);
    expect(fitted.quotes[0]!.text).toHaveLength(LIMITS.paragraph);
    // a URL keeps the URL maximum, not a short field's
    expect(fitted.images[0]!.url).toBe(odd.images[0]!.url);
  });

  test('text within the limits is untouched, and a cut never leaves half of an emoji', () => {
    const ok = base();
    expect(fitRelease(ok)).toEqual(ok);
    const company = `${'x'.repeat(LIMITS.shortText - 1)}👩🏽‍💻`;
    const cut = fitRelease({ ...ok, company }).company!;
    expect(cut).toBe('x'.repeat(LIMITS.shortText - 1));
    expect(/[\uD800-\uDBFF]$/.test(cut)).toBe(false);
  });
});
