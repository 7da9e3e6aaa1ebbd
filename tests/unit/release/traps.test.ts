import { describe, expect, test } from 'vitest';
import { extractFromHtml } from '@/utils/release/node';
import { ReleaseSchema } from '@/utils/contract/release';
import { holds, type Fact } from '../../fixtures/release/corpus-truth';

/**
 * Every trap MANIFEST.md lists for the corpus pages, rebuilt in a small page of the same kind (synthetic:
 * written for these tests, no third-party text), so each trap is met on a page the extractor never saw.
 */
const html = (head: string, body: string, lang = 'en') =>
  `<!DOCTYPE html><html lang="${lang}"><head>${head}</head><body>${body}</body></html>`;
const PRN = 'https://www.prnewswire.com/news-releases/acme-opens-austin-plant-302000001.html';
const CNW = 'https://www.newswire.ca/news-releases/acme-opens-ottawa-plant-618600001.html';
const GNW = 'https://www.globenewswire.com/news-release/2024/05/01/2800001/0/en/Acme-Opens-Austin-Plant.html';
const PORTAL = 'https://finance.portal.example/news/acme-opens-austin-plant-123.html';
const NEWSROOM = 'https://www.acme.example/news/releases/2024/05/01/acme-opens-austin-plant';
const STORY = `<p>“Austin gives us room to grow,” said Jane Roe, chief executive officer of Acme.</p>
  <p>The plant will make anvils for customers across the southern United States and Mexico.</p>`;
const notRelease: Fact[] = [
  { field: 'isRelease', expected: false },
  { field: 'confidence', expected: 0.6, compare: 'below' },
];

const CASES: { trap: string; url: string; page: string; facts: Fact[] }[] = [
  {
    trap: 'PR Newswire: an "Also from this source" block lists later releases with their dates',
    url: PRN,
    page: html(
      '<title>Acme Opens Austin Plant</title>',
      `<header class="release-header"><h1>Acme Opens Austin Plant</h1><p class="mb-no">01 May, 2024, 08:00 ET</p></header>
       <section class="release-body container "><p>AUSTIN, Texas, May 1, 2024 /PRNewswire/ -- Acme opened a plant.</p>${STORY}<p>SOURCE Acme</p></section>
       <div class="also-from"><h3>Also from this source</h3><p>Acme Names New CFO</p><p>Jun 03, 2025, 09:00 ET</p></div>`,
    ),
    facts: [
      { field: 'publishedAt', expected: '2024-05-01T08:00:00-04:00' },
      { field: 'body', expected: 'CFO', compare: 'excludes' },
    ],
  },
  {
    trap: "PR Newswire: a promo block above the release reuses the template's class names and its own h1",
    url: PRN,
    page: html(
      '<title>Acme Opens Austin Plant</title>',
      `<div class="promo"><h1 class="logo">PR Newswire</h1><p class="subtitle">Distribution, targeting and monitoring for every release</p><p class="mb-no">02 Dec, 2026, 09:00 ET</p></div>
       <header class="release-header"><h1>Acme Opens Austin Plant</h1><p class="subtitle">Two hundred jobs in Central Texas</p><p class="mb-no">01 May, 2024, 08:00 ET</p></header>
       <section class="release-body container "><p>AUSTIN, Texas, May 1, 2024 /PRNewswire/ -- Acme opened a plant.</p>${STORY}<p>SOURCE Acme</p></section>`,
    ),
    facts: [
      { field: 'headline', expected: 'Acme Opens Austin Plant' },
      { field: 'subheadline', expected: 'Two hundred jobs in Central Texas' },
      { field: 'publishedAt', expected: '2024-05-01T08:00:00-04:00' },
    ],
  },
  {
    trap: 'PR Newswire: cookie-banner markup at the top of <body>, h2 headings in the footer',
    url: PRN,
    page: html(
      '<title>Acme Opens Austin Plant</title>',
      `<div id="onetrust-banner-sdk"><h2>We value your privacy</h2><p>We use cookies to give you the best experience of our website and to analyse how it is used by our visitors.</p></div>
       <header class="release-header"><h1>Acme Opens Austin Plant</h1></header>
       <section class="release-body container "><p>AUSTIN, Texas, May 1, 2024 /PRNewswire/ -- Acme opened a plant.</p>${STORY}<p>SOURCE Acme</p></section>
       <div class="site-bottom"><h2>Contact PR Newswire</h2><h2>Global Sites</h2></div>`,
    ),
    facts: [
      { field: 'body', expected: 'cookie', compare: 'excludes' },
      { field: 'body', expected: 'Contact PR Newswire', compare: 'excludes' },
      { field: 'company', expected: 'Acme' },
    ],
  },
  {
    trap: 'GlobeNewswire: the first h1 is the logo, <title> is cut, meta and JSON-LD dates are US-format with capitalised keys, "--(Marketwired - date)", unrelated dated headlines below',
    url: GNW,
    page: html(
      `<title>Acme Opens Austin Plant, Adding 200 Jobs in Central</title><meta property="article:published_time" content="05/01/2024 12:00:00">
       <script type="application/ld+json">{"@type":"NewsArticle","Headline":"Acme Opens Austin Plant, Adding 200 Jobs in Central Texas","DatePublished":"5/1/2024 12:00:00 PM"}</script>`,
      `<h1 class="logo">GlobeNewswire</h1><h1 class="article-headline">Acme Opens Austin Plant, Adding 200 Jobs in Central Texas</h1>
       <span class="article-published"><time datetime="2024-05-01T16:00:00Z">May 01, 2024 12:00 ET</time></span>
       <div id="main-body-container"><p>AUSTIN, TX--(Marketwired - May 01, 2024) - Acme opened a plant.</p>${STORY}<p>About Acme</p><p>Acme makes anvils.</p></div>
       <div class="latest"><h2>Other news</h2><p>Another company lists its shares in Toronto after a year of delays, the exchange said.</p><p>May 30, 2024 17:45 ET</p></div>`,
    ),
    facts: [
      { field: 'headline', expected: 'Acme Opens Austin Plant, Adding 200 Jobs in Central Texas' },
      { field: 'publishedAt', expected: '2024-05-01T16:00:00Z', compare: 'instant' },
      { field: 'dateline', expected: { city: 'AUSTIN', region: 'TX', country: null } },
      { field: 'body', expected: 'Toronto', compare: 'excludes' },
    ],
  },
  {
    trap: 'a wire listing: release links with thumbnails, no body, no dateline',
    url: 'https://www.prnewswire.com/news/acme-corp/',
    page: html(
      '<title>Acme Corp. News</title>',
      Array.from(
        { length: 6 },
        (_, i) =>
          `<a class="news-release" href="/r/${i}"><img src="https://mma.prnewswire.com/media/${i}/logo.jpg?w=300"><h3>Acme news ${i}</h3><small>May ${i + 1}, 2024</small></a>`,
      ).join(''),
    ),
    facts: notRelease,
  },
  {
    trap: 'CNW: <title> cut, no og:title, og tags inside <body>, "7 April 2017 /CNW/ -" (day first, one hyphen), location spans all through the body, a photo\'s microdata date, an "Organization Profile" of other releases',
    url: CNW,
    page: html(
      '<title>  Acme opens a plant in Ottawa to make anvils for the</title>',
      `<h1>Acme opens a plant in Ottawa to make anvils for the Canadian market
       </h1><meta property="og:image" content="https://mma.prnewswire.com/media/4800/Acme_plant.jpg?p=facebook">
       <div class="row"><div class="col-sm-9">
       <div class="gallery-wrap"><div class="photo"><img src="https://mma.prnewswire.com/media/4800/Acme_plant.jpg" alt="The plant (CNW Group/Acme)"><meta itemprop="datePublished" content="2017-05-25T01:07:34Z"></div><a href="#">Download</a></div>
       <p><span class="xn-location">OTTAWA</span>, <span class="xn-chron">7 April 2017</span> /CNW/ - Acme opened a plant in <span class="xn-location">Ottawa</span>, near <span class="xn-location">Gatineau</span>.</p>${STORY}
       <p>SOURCE Acme Canada</p><p>For further information: Media Relations, 613-555-0100</p></div>
       <div class="col-sm-3"><h3>Organization Profile</h3><ul><li><a href="/r/1">Acme Canada reports a strong second quarter for anvil sales across the country</a></li></ul></div></div>`,
    ),
    facts: [
      { field: 'headline', expected: 'Acme opens a plant in Ottawa to make anvils for the Canadian market' },
      { field: 'publishedAt', expected: '2017-04-07' },
      { field: 'dateline', expected: { city: 'OTTAWA', region: null, country: null } },
      { field: 'company', expected: 'Acme Canada' },
      { field: 'contacts', expected: { name: 'Media Relations', phone: '613-555-0100' }, compare: 'includes' },
      { field: 'body', expected: 'OTTAWA, 7 April 2017 /CNW/ - Acme opened a plant', compare: 'startsWith' },
      { field: 'body', expected: 'second quarter', compare: 'excludes' },
      {
        field: 'images',
        expected: { url: 'https://mma.prnewswire.com/media/4800/Acme_plant.jpg', logo: false },
        compare: 'includes',
      },
    ],
  },
  {
    trap: "PR Newswire 2017: <title> cut, og:type website, the only itemprop datePublished is the logo's, a carousel of the issuer's other dated releases, a label line under the subtitle",
    url: PRN,
    page: html(
      `<title> Acme and Beta in Exclusive Talks for a Joint Venture in</title><meta property="og:type" content="website">
       <meta property="og:title" content="Acme and Beta in Exclusive Talks for a Joint Venture in Anvils"><meta name="date" content="2017-05-17T02:42:00Z">`,
      `<header class="release-header"><h1>Acme and Beta in Exclusive Talks for a Joint Venture in Anvils</h1>
       <p class="subtitle">A long-term agreement to share two plants<br><br>PRIVILEGED INFORMATION</p>
       <p class="release-details">17 May, 2017, 02:42 ET from Acme</p></header>
       <span itemprop="associatedMedia"><meta itemprop="datePublished" content="2017-05-25T02:37:24Z"><img src="https://mma.prnewswire.com/media/5100/Acme_Logo.jpg"></span>
       <section class="release-body"><p>PARIS and AUSTIN, Texas, May 17, 2017 /PRNewswire/ --</p><p>Acme and Beta today announced talks.</p>${STORY}<p>SOURCE Acme</p></section>
       <div class="carousel"><p>23 May, 2017, 06:00 ET</p><p>Acme to present at an investor conference in New York next week</p></div>`,
    ),
    facts: [
      { field: 'subheadline', expected: 'A long-term agreement to share two plants' },
      { field: 'publishedAt', expected: '2017-05-17T02:42:00-04:00' },
      { field: 'dateline', expected: { city: 'PARIS' }, compare: 'has' },
      { field: 'body', expected: 'investor conference', compare: 'excludes' },
    ],
  },
  {
    trap: 'a syndicated copy: no canonical, no og tags, the headline in a div > strong (no h1), "Recommended for You" with relative times, a promotional disclaimer closing the body, the issuer in a SOURCE line',
    url: PORTAL,
    page: html(
      '<title>Acme Corp. (ACME) Looks to Disrupt the Anvil Industry</title>',
      `<div class="cardview_title"><strong>Acme Corp. (ACME) Looks to Disrupt the Anvil Industry</strong> <a>Accesswire</a> <span>Monday, July 13, 2015</span></div>
       <div class="article"><div class="description"><br><br>WHITEFISH, MT / ACCESSWIRE / July 13, 2015 / The market for anvils totaled about $7 billion in 2014 and is projected to grow at a 4.6% compound rate.<br><br>Acme is well placed to gain from that growth, analysts at the promoter say.<br></div>
       <div class="description"><br><br>Growing Demand<br><br>${'Demand for anvils grew in every region last year, as builders and blacksmiths returned to the trade. '.repeat(2)}<br><br>${'Acme plans to double its output by 2017 with a new plant in Texas. '.repeat(2)}<br><br>Legal Disclaimer:<br><br>Except for the historical information presented herein, matters discussed in this release contain forward-looking statements. Promo Growth LLC may be compensated for its services.<br><br>SOURCE: Promo Growth LLC<br></div></div>
       <div class="stream"><h2>Recommended for You</h2><p>Oil surges on lower output <span>45 mins ago</span></p></div>`,
    ),
    facts: [
      { field: 'isRelease', expected: true },
      { field: 'headline', expected: 'Acme Corp. (ACME) Looks to Disrupt the Anvil Industry' },
      { field: 'publishedAt', expected: '2015-07-13' },
      { field: 'company', expected: 'Promo Growth LLC', note: 'the issuer, not the subject' },
      { field: 'body', expected: 'Acme plans to double its output', compare: 'includes' },
      { field: 'body', expected: 'compensated', compare: 'excludes' },
      { field: 'body', expected: 'Oil surges', compare: 'excludes' },
      { field: 'canonicalUrl', expected: null },
    ],
  },
  {
    trap: 'a newsroom: no h1 (an empty h4), the headline only in <title> with " | Site", the headline run together with the date, payable and record dates in the body, a bare city before the first paragraph',
    url: NEWSROOM,
    page: html(
      '<title>Acme Declares Quarterly Cash Dividend | Acme</title><meta property="og:title" content="Acme Declares Quarterly Cash Dividend | Acme"><meta property="og:site_name" content="Acme">',
      `<noscript><section><div class="content">SAN DIEGO<p>Acme Corp. (NASDAQ: ACME) today announced a quarterly cash dividend of $0.42 per share, payable on December 18, 2014, to stockholders of record on December 1, 2014.</p>
       <p>Acme Declares Quarterly Cash Dividend of $0.42, its 40th in a row, the board said.</p><p>Acme Corp. (NASDAQ: ACME) is a maker of anvils.</p>October 16, 2014<div class="vcard"><h4 class="title"></h4><div>Jane Roe</div></div>October 16, 2014Acme Declares Quarterly Cash DividendAcme Declares Quarterly Cash Dividend</div></section></noscript>`,
    ),
    facts: [
      { field: 'isRelease', expected: true },
      { field: 'headline', expected: 'Acme Declares Quarterly Cash Dividend' },
      { field: 'publishedAt', expected: '2014-10-16' },
      { field: 'company', expected: 'Acme Corp.' },
      { field: 'dateline', expected: { city: 'SAN DIEGO', region: null, country: null } },
      { field: 'tickers', expected: { exchange: 'NASDAQ', symbol: 'ACME' }, compare: 'includes' },
      { field: 'body', expected: 'Acme Corp. (NASDAQ: ACME) today announced', compare: 'startsWith' },
      {
        field: 'body',
        expected: 'October 16',
        compare: 'excludes',
        note: "the date and the headline run together are the template's",
      },
      {
        field: 'body',
        expected: 'Acme Declares Quarterly Cash Dividend of $0.42, its 40th',
        compare: 'includes',
        note: "a paragraph that opens with the headline is the story's",
      },
    ],
  },
  {
    trap: 'a WordPress newsroom: BlogPosting JSON-LD with a headline cut with "...", a Yoast @graph, the only h1 is "Our Clients", a "Recent News" sidebar, "Notes for Editors"',
    url: 'https://www.acme.example/acme-publishes-the-anvil-market-forecast-2024-2030-report/',
    page: html(
      `<title>Acme publishes the Anvil Market Forecast 2024-2030 report - Acme</title><meta property="og:site_name" content="Acme">
       <meta property="article:published_time" content="2024-03-24T15:32:24+00:00">
       <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage","name":"Acme"},{"@type":"BlogPosting","headline":"Acme publishes the Anvil Market Forecast 2024-2030...","datePublished":"2024-03-24T15:32:24+00:00","publisher":{"@type":"Organization","name":"Acme"}}]}</script>`,
      `<div class="clients"><h1>Our Clients</h1></div><div class="main"><div class="left"><div class="post">
       <h3><a>Acme publishes the Anvil Market Forecast 2024-2030 report</a></h3><h6>24 March 2024</h6>
       <span class="content"><p>Acme has launched a new report, the Anvil Market Forecast 2024-2030, with revenue forecasts by region and type.</p>
       <p>The anvil market is anticipated to grow on account of rising construction in emerging economies, the report finds.</p>
       <p><strong>Notes for Editors</strong><br>For a detailed overview of this report, e-mail jane@acme.example or call +44 (0) 20 7946 0000.</p>
       <p><strong>About Acme</strong><br>Acme is an independent publisher of market reports.</p></span></div></div>
       <div class="sidebar"><h3>Recent News</h3><div><h4>Global roller skate market set to grow to $3.8bn by 2025, says new Acme report</h4><p>Demand fluctuates with the seasons, as was seen over the last decade in every region we cover.</p><h6>08 April 2024</h6></div></div></div>`,
    ),
    facts: [
      { field: 'isRelease', expected: true },
      { field: 'headline', expected: 'Acme publishes the Anvil Market Forecast 2024-2030 report' },
      { field: 'publishedAt', expected: '2024-03-24T15:32:24+00:00' },
      { field: 'company', expected: 'Acme' },
      { field: 'body', expected: 'roller skate', compare: 'excludes' },
      { field: 'contacts', expected: { email: 'jane@acme.example' }, compare: 'includes' },
    ],
  },
  {
    trap: 'a news agency story on a portal: a wire-style dateline "(Reuters) -" and NewsArticle JSON-LD',
    url: 'https://www.portal.example/article/uk-debt-charity-20170328',
    page: html(
      '<title>UK debt charity says demand hits record - Portal</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"UK debt charity says demand hits record","author":{"@type":"Organization","name":"Reuters"}}</script>',
      `<h1>UK debt charity says demand hits record</h1><div id="articlebody"><pre>LONDON, March 28 (Reuters) - The number of people seeking
help from a debt charity hit a record high last year, the charity said on Tuesday.
 Last year 600,000 people sought advice, up 9 percent.</pre></div>`,
    ),
    facts: notRelease,
  },
  {
    trap: 'a news agency hub: dozens of dated story cards',
    url: 'https://apnews.example/hub/science',
    page: html(
      '<title>Science News | AP News</title>',
      Array.from(
        { length: 30 },
        (_, i) =>
          `<div class="card"><h3><a href="/a/${i}">Scientists find a new species number ${i}</a></h3><p>Researchers said on Monday they had found the species in a remote valley, after a survey lasting several years.</p><span>March ${(i % 28) + 1}, 2024</span></div>`,
      ).join(''),
    ),
    facts: notRelease,
  },
  {
    trap: 'PR Newswire 2026: highlights before the dateline paragraph, financial tables, a space before the dateline comma, JSON-LD image [""], the wire as JSON-LD publisher',
    url: PRN,
    page: html(
      `<title>ACME REPORTS RESULTS FOR THE FIRST QUARTER 2026</title><meta name="author" content="Acme Corp.">
       <script type="application/ld+json">{"@type":"NewsArticle","headline":"ACME REPORTS RESULTS FOR THE FIRST QUARTER 2026","image":[""],"datePublished":"2026-05-07T08:00:00-04:00","publisher":{"@type":"Organization","name":"Cision PR Newswire"}}</script>`,
      `<header class="release-header"><h1>ACME REPORTS RESULTS FOR THE FIRST QUARTER 2026</h1><p class="mb-no">May 07, 2026, 08:00 ET</p></header>
       <section class="release-body container "><p><b><i>Strong results across the business</i></b></p><ul><li>Sales of $4.7 billion, up 10%</li></ul>
       <p>CHICAGO , May 7, 2026 /PRNewswire/ -- Acme (NYSE: ACME) today reported results.</p>
       <table><tr><td><p>Net Sales</p></td><td><p>$4,742</p></td></tr></table>${STORY}<p>SOURCE Acme Corp.</p></section>`,
    ),
    facts: [
      { field: 'company', expected: 'Acme Corp.', note: 'not "Cision PR Newswire"' },
      { field: 'publishedAt', expected: '2026-05-07T08:00:00-04:00' },
      { field: 'dateline', expected: { city: 'CHICAGO', region: null, country: null } },
      { field: 'body', expected: 'Strong results across the business', compare: 'startsWith' },
      { field: 'body', expected: '$4,742', compare: 'excludes' },
      { field: 'images', expected: [] },
    ],
  },
  {
    trap: 'an old portal laid out in tables: the release sits in a cell, its financial table is a table inside it',
    url: PORTAL,
    page: html(
      '<title>Acme Reports Record Fourth Quarter</title>',
      `<table width="100%"><tr><td class="left" width="160"><a href="/">Home</a><br><a href="/markets">Markets</a></td>
       <td class="main"><h1>Acme Reports Record Fourth Quarter</h1>
       <p>NEW YORK, Jan. 8, 2008 /PRNewswire/ -- Acme Corp. (NYSE: ACME) today reported record fourth-quarter sales of $1.2 billion, up 14 percent.</p>${STORY}
       <table class="fin"><tr><td>Net sales</td><td>$1,200</td></tr></table><p>SOURCE Acme Corp.</p></td></tr></table>`,
    ),
    facts: [
      { field: 'isRelease', expected: true },
      { field: 'publishedAt', expected: '2008-01-08' },
      { field: 'body', expected: 'NEW YORK, Jan. 8, 2008 /PRNewswire/ -- Acme Corp.', compare: 'startsWith' },
      { field: 'body', expected: 'The plant will make anvils', compare: 'includes' },
      { field: 'body', expected: '$1,200', compare: 'excludes' },
    ],
  },
  {
    trap: "a wire's home page: headlines with dates and marketing copy, on a wire host",
    url: 'https://www.globenewswire.com/',
    page: html(
      '<title>Send Press Releases with GlobeNewswire</title>',
      `<h1>Reach the audiences that matter</h1><p>Distribute your press release to thousands of newsrooms and websites with one of the largest networks in the world.</p>
       ${Array.from({ length: 8 }, (_, i) => `<div class="news"><a>Company ${i} Announces Results</a><p>NEW YORK, May ${i + 1}, 2024 (GLOBE NEWSWIRE) -- Company ${i} today reported results for the quarter.</p><span>${i} minutes ago</span></div>`).join('')}`,
    ),
    facts: notRelease,
  },
];

const ROWS = CASES.flatMap((c) => c.facts.map((fact) => ({ ...fact, trap: c.trap, url: c.url, page: c.page })));

describe('MANIFEST traps, met on pages of the same kind', () => {
  test.each(ROWS)('$trap: $field ($compare)', (row) => {
    const release = extractFromHtml(row.page, row.url);
    const actual = (release as unknown as Record<string, unknown>)[row.field];
    expect(holds(release, row), `${row.field}${row.note ? ` (${row.note})` : ''}: got ${JSON.stringify(actual)}`).toBe(
      true,
    );
  });

  test.each(CASES)('$trap: schema-valid', ({ page, url }) =>
    expect(() => ReleaseSchema.parse(extractFromHtml(page, url))).not.toThrow(),
  );
});
