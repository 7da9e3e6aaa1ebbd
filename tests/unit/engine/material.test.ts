import { describe, expect, it } from 'vitest';
import { releaseFacts } from '@/utils/engine/facts';
import { chooseImage } from '@/utils/engine/image';
import { eventDatePlace, notAdText, storyMaterial } from '@/utils/engine/material';
import { aRelease } from './builder';

describe('ad text', () => {
  it.each([
    ['Tableau Software logo www.tableausoftware.com.', 'link'],
    ['Photo - https://mma.prnewswire.com/media/1/crane.jpg', 'media line'],
    ['Logo - https://mma.prnewswire.com/media/1/logo.jpg', 'media line'],
    ['SOURCE Acme Robotics', 'source line'],
    ['Media contact: Anna Jansen, press@acme.example', 'media line'],
    ['This press release contains forward-looking statements.', 'legal'],
    ['Acme Robotics is a leading provider of warehouse robots.', 'self-description'],
    ['Acme Robotics logo', 'logo alt text'],
  ])('"%s" is never ad text (%s)', (text) => {
    expect(notAdText(text)).not.toBeNull();
  });

  it('leads with the dateline paragraph, not a caption or highlights above it', () => {
    const m = storyMaterial(
      [
        'Acme Software logo www.acme.example.',
        'First Quarter Highlights',
        'SEATTLE, May 26, 2015 /PRNewswire/ -- Acme Software today said its CFO will present at two conferences.',
      ],
      [],
    );
    expect(m.leadParagraph).toBe('Acme Software today said its CFO will present at two conferences.');
    expect(m.sentences).toEqual(['Acme Software today said its CFO will present at two conferences.']);
  });

  it('drops the sentence with a link, keeps the rest of its paragraph', () => {
    const m = storyMaterial(
      ['BOSTON, Nov. 20, 2026 /PRNewswire/ -- Acme opened a lab. Learn more at www.acme.example.'],
      [],
    );
    expect(m.sentences).toEqual(['Acme opened a lab.']);
  });
});

describe('quotes', () => {
  it.each([
    [
      'fr',
      '« Nous voulons prouver qu’un cadre fabriqué en France peut coûter le même prix », a déclaré Claire Martin, présidente de Veloria.',
      'Claire Martin, présidente de Veloria',
    ],
    [
      'de',
      '„Dieser Auftrag sichert 300 Arbeitsplätze in unserem Werk für vier Jahre“, sagte Jana Becker, Geschäftsführerin von Kranwerk.',
      'Jana Becker, Geschäftsführerin von Kranwerk',
    ],
  ])('reads %s quotes with their speaker', (language, para, speaker) => {
    const f = releaseFacts(
      aRelease({ language, quotes: [], body: ['PARIS, 10 février 2026 /PRNewswire/ -- Une usine ouvre.', para] }),
    );
    expect(f.quotes[0]).toMatchObject({ speaker });
    expect(f.quotes[0]!.text).not.toMatch(/[«»„“]/);
  });

  it('tidies a speaker printed with the full stop', () => {
    const f = releaseFacts(
      aRelease({
        quotes: [{ speaker: 'Governor Poloz.', text: 'This bank note is intended to captivate our imagination.' }],
      }),
    );
    expect(f.quotes[0]!.speaker).toBe('Governor Poloz');
  });
});

describe('event date and place', () => {
  it('reads the date and venue of an event release', () => {
    expect(
      eventDatePlace('Quayside Health to Host Clinical Data Summit', [
        'Quayside Health today announced its first summit, to be held October 14-15, 2026 at the McCormick Place Convention Center in Chicago.',
      ]),
    ).toBe('October 14-15, 2026 · the McCormick Place Convention Center in Chicago');
  });
  it('is null for a release that is not about an event', () => {
    expect(eventDatePlace('Acme Opens Lab', ['Acme opened a lab on June 3 in Boston.'])).toBeNull();
  });
});

describe('chooseImage', () => {
  const logo = {
    url: 'https://mma.prnewswire.com/media/1/Acme_Logo.jpg?p=thumbnail',
    alt: 'Acme logo',
    width: 100,
    height: 100,
    logo: true,
  };
  const photo = {
    url: 'https://mma.prnewswire.com/prnvar/20260304/2/crane.jpg?p=publish&w=1200',
    alt: 'A crane',
    logo: false,
  };
  const thumb = {
    url: 'https://mma.prnewswire.com/media/2/crane.jpg?p=thumbnail',
    alt: 'A crane',
    width: 100,
    height: 67,
    logo: false,
  };
  const share = { url: 'https://www.prnewswire.com/images/fb_share.png', alt: '', logo: false };

  it('takes the large photo over its thumbnail, a logo and a share button', () => {
    expect(chooseImage([share, logo, thumb, photo])).toMatchObject({ url: photo.url, logo: false });
  });
  it('falls back to a logo, saying so', () => {
    const c = chooseImage([share, { ...logo, width: 400, height: 400 }])!;
    expect(c.logo).toBe(true);
    expect(c.note).toMatch(/logo.*no photo/);
  });
  it('has no image rather than a share button', () => {
    expect(chooseImage([share])).toBeNull();
  });
});
