import { describe, expect, it } from 'vitest';
import { isOwnAsset, quoteScore, releaseFacts } from '@/utils/engine/facts';
import { aRelease } from './builder';

describe('releaseFacts', () => {
  it('reads dateline, lead, quote and figures from body text when the extractor left them empty', () => {
    const f = releaseFacts(aRelease());
    expect(f.dateline).toEqual({ city: 'BOSTON', region: null, country: null });
    expect(f.lead).toMatch(/^Acme Robotics today opened/);
    expect(f.quotes[0]).toMatchObject({ speaker: 'Jane Doe, chief executive officer of Acme Robotics' });
    expect(f.figures[0]).toMatch(/40%/);
  });

  it("prefers the extractor's own fields", () => {
    const f = releaseFacts(
      aRelease({
        dateline: { city: 'Cambridge', region: 'Mass.', country: null },
        quotes: [
          { speaker: 'A. Person', text: 'Short.' },
          { speaker: 'Jane Doe, CEO', text: 'We will cut picking errors by 40% within two years, starting in Boston.' },
        ],
      }),
    );
    expect(f.dateline?.city).toBe('Cambridge');
    expect(f.quotes[0]!.speaker).toBe('Jane Doe, CEO');
  });

  it('rejoins a quote split around its attribution', () => {
    const f = releaseFacts(
      aRelease({ body: ['"We started budgeting," said Maria Chen, CEO of Northwind. "The question is how fast."'] }),
    );
    expect(f.quotes).toEqual([
      { speaker: 'Maria Chen, CEO of Northwind', text: 'We started budgeting. The question is how fast.' },
    ]);
  });

  it('keeps about and safe-harbor text out of the story', () => {
    const f = releaseFacts(
      aRelease({
        body: [
          'NEW YORK, June 11, 2020 /PRNewswire/ -- Acme cut debt by $10 million.',
          'Safe Harbor Statement This release contains forward-looking statements, see www.sec.gov for 100% of them.',
        ],
      }),
    );
    expect(f.story.join(' ')).not.toMatch(/Safe Harbor/);
    expect(f.companyUrl).toBeNull();
  });

  it('takes the company site only from a host carrying its name', () => {
    expect(releaseFacts(aRelease()).companyUrl).toBe('https://www.acmerobotics.com');
    const f = releaseFacts(
      aRelease({ about: ['Filings at https://www.sec.gov/cgi-bin/acme-robotics.'], body: ['Acme said.'] }),
    );
    expect(f.companyUrl).toBeNull();
  });

  it('uses the first bullet of a bulleted subheadline', () => {
    expect(
      releaseFacts(aRelease({ subheadline: '- Debt converted to equity - Growth plans on track' })).subheadline,
    ).toBe('Debt converted to equity');
  });

  it('own assets only', () => {
    expect(isOwnAsset('https://go.acmerobotics.com/r.pdf', 'Acme Robotics', 'https://www.acmerobotics.com')).toBe(true);
    expect(isOwnAsset('https://acmerobotics.example/r.pdf', 'Acme Robotics', null)).toBe(true);
    expect(isOwnAsset('https://www.whitehouse.gov/p.pdf', 'Acme Robotics', 'https://www.acmerobotics.com')).toBe(false);
    expect(isOwnAsset('https://www.prnewswire.com/x.pdf', 'PR Newswire', null)).toBe(false);
  });

  it('scores attributed, senior, concrete quotes highest', () => {
    expect(
      quoteScore({ speaker: 'Jane Doe, CEO', text: 'We will cut picking errors by 40% within two years in Boston.' }),
    ).toBeGreaterThan(quoteScore({ speaker: null, text: 'We are excited about this partnership and what it means.' }));
  });
});
