import { describe, expect, test } from 'vitest';
import { extractFromHtml } from '@/utils/release/node';

/**
 * What the ad engine is handed besides the text: the release's pictures (never share buttons, pixels,
 * sprites or icons; one entry per photo at its largest URL; logos marked and listed last), the body as
 * copy material (prose) and the subheadlines one by one.
 */
const PRN_URL = 'https://www.prnewswire.com/news-releases/acme-opens-austin-plant-302000001.html';
const MMA = 'https://mma.prnewswire.com/media/2400001';
const prn = (head: string, body: string, header = '') =>
  `<!DOCTYPE html><html lang="en"><head><title>Acme Opens Austin Plant</title>${head}</head><body>
   <header class="release-header"><h1>Acme Opens Austin Plant</h1>${header}<p class="mb-no">May 01, 2024, 08:00 ET</p></header>
   <section class="release-body container "><p>AUSTIN, Texas, May 1, 2024 /PRNewswire/ -- Acme opened a plant, adding two hundred jobs.</p>${body}<p>SOURCE Acme</p>
   <img src="https://rt.prnewswire.com/rt.gif?NewsItemId=X" style="width:1px;height:1px"></section></body></html>`;

describe('images', () => {
  test('share buttons, tracking pixels, spacers, sprites and UI icons are never pictures of the release', () => {
    const r = extractFromHtml(
      prn(
        '',
        `<div class="social"><img src="//assets2.prnewswire.com/designimages/fb_share.png"><img src="/img/twitter.png"><img src="/img/pinterest.png" title="Pin It">
         <img src="/img/LI_share.jpg" alt="Share with LinkedIn"><img src="/img/google.jpg" alt="Google+"><img src="/img/email.png"><img src="/img/share-btn-fb.png"></div>
         <img src="/img/spacer.gif"><img src="/img/sprite-sheet.png"><img src="/img/icon-print.svg"><img src="/img/arrow.png" width="16" height="16">
         <img src="/img/beacon.jpg" width="1" height="1"><img src="data:image/png;base64,AAAA"><img src="/img/silicon-wafer.jpg" alt="A silicon wafer">`,
      ),
      PRN_URL,
    );
    expect(r.images).toEqual([
      { url: 'https://www.prnewswire.com/img/silicon-wafer.jpg', alt: 'A silicon wafer', logo: false },
    ]);
  });

  test('PR Newswire serves one photo at several sizes: one entry, the largest URL', () => {
    const r = extractFromHtml(
      prn(
        `<meta property="og:image" content="${MMA}/Acme_plant.jpg?p=facebook">`,
        `<img src="${MMA}/Acme_plant.jpg?p=publish" alt="The plant">
         <img src="${MMA}/Acme_plant.jpg" alt="">
         <img src="https://photos.prnewswire.com/prnvar/20240501/2400002?max=650" alt="The line">
         <img src="https://photos.prnewswire.com/prnh/20240501/2400002" alt="">
         <img src="${MMA}/Acme_team.jpg?w=300" width="300" height="200"><img src="${MMA}/Acme_team.jpg?w=700" width="700" height="467">`,
      ),
      PRN_URL,
    );
    expect(r.images).toEqual([
      { url: `${MMA}/Acme_plant.jpg`, alt: 'The plant', logo: false },
      { url: 'https://photos.prnewswire.com/prnh/20240501/2400002', alt: 'The line', logo: false },
      { url: `${MMA}/Acme_team.jpg?w=700`, alt: '', logo: false, width: 700, height: 467 },
    ]);
  });

  test('logos are marked (file name or alt) and come after the photos, even when og:image is the logo', () => {
    const r = extractFromHtml(
      prn(
        `<meta property="og:image" content="${MMA}/Acme_Logo.jpg?p=facebook">`,
        `<img src="https://photos.prnewswire.com/prnvar/20240501/169935LOGO" alt=""><img src="${MMA}/mark.png" alt="Acme logo">
         <img src="${MMA}/Acme_plant.jpg" alt="The plant" class="logo">`,
      ),
      PRN_URL,
    );
    expect(r.images.map((i) => [i.url.replace(/^.*\//, ''), i.logo])).toEqual([
      ['Acme_plant.jpg', false],
      ['Acme_Logo.jpg?p=facebook', true],
      ['169935LOGO', true],
      ['mark.png', true],
    ]);
  });

  test("a picture in a widget or a list after the release is not the release's", () => {
    const r = extractFromHtml(
      prn('', '<p>More.</p>').replace(
        '<p>SOURCE Acme</p>',
        `<p>SOURCE Acme</p><div class="widget"><img src="/content/dam/amplify-logo.png"></div><p>Also from this source</p><img src="${MMA}/Other.jpg">`,
      ),
      PRN_URL,
    );
    expect(r.images).toEqual([]);
  });
});

describe('prose and subheadlines', () => {
  test('prose is the body without media lines, credits and bare URLs; the body keeps them', () => {
    const r = extractFromHtml(
      prn(
        '',
        `<p>Acme's new line (PRNewsfoto/Acme) runs around the clock (PRNewsFoto/Acme Corp.).</p>
         <p>Photo - https://mma.prnewswire.com/media/2400001/Acme_plant.jpg</p><p>Logo - https://mma.prnewswire.com/media/2400001/Acme_Logo.jpg</p>
         <p>View original content to download multimedia:https://www.prnewswire.com/news-releases/acme-302000001.html</p><p>www.acme.example</p>`,
      ),
      PRN_URL,
    );
    expect(r.body).toHaveLength(6);
    expect(r.prose).toEqual([
      'AUSTIN, Texas, May 1, 2024 /PRNewswire/ -- Acme opened a plant, adding two hundred jobs.',
      "Acme's new line runs around the clock.",
    ]);
  });

  test('subheadlines one by one, without a label line in capitals', () => {
    const r = extractFromHtml(
      prn(
        '',
        '',
        '<p class="subtitle">- Sales up 10%</p><p class="subtitle">- Two hundred new jobs<br><br>PRIVILEGED INFORMATION</p>',
      ),
      PRN_URL,
    );
    expect(r.subheadlines).toEqual(['- Sales up 10%', '- Two hundred new jobs']);
    expect(r.subheadline).toBe('- Sales up 10%\n- Two hundred new jobs');
  });
});
