// `npm run store:screenshots`: the store listing's images, made from the screenshots the end-to-end run takes
// (test-output/screenshots, written by tests/e2e/ui-helpers.ts `screenshot()`), into docs/store/screenshots/:
// 1280×800 screenshots (Chrome Web Store and addons.mozilla.org) and the 440×280 small promo tile.
// Each image is a small HTML page (caption, mark, the e2e screenshot scaled and cropped) photographed by
// Debian's Chromium through playwright-core, as the e2e run does: real fonts, and an RGB PNG without
// alpha, which is what the Chrome Web Store asks for.
//
// Only screenshots of the e2e run's synthetic releases (Acme Analytics, Northwind Robotics) are used: the
// corpus pages are other companies' releases and stay out of the repo and the listing.
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const SOURCE_DIR = path.join(ROOT, 'test-output/screenshots');
const OUT_DIR = path.join(ROOT, 'docs/store/screenshots');
const CHROMIUM = process.env.WIREBOOST_CHROMIUM ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BLUE = '#0f5c8c'; // components/ui.css --blue, the mark's tile

interface Source {
  /** e2e screenshot name (test-output/screenshots/<name>.png) and the e2e file that writes it. */
  name: string;
  from: string;
  /** Scale to draw it at; the source rectangle to start from (what falls below the image is cut off). */
  scale: number;
  top?: number;
  left?: number;
  width?: number;
}
interface Shot {
  file: string;
  caption: string;
  detail: string;
  sources: Source[];
}

export const SHOTS: Shot[] = [
  {
    file: '1-popup-release.png',
    caption: 'A release on the wire: ad drafts are already there',
    detail: 'Meta and LinkedIn copy within each platform’s limits, live previews, and the 72-hour clock',
    sources: [
      { name: 'popup-businesswire-synthetic', from: 'tests/e2e/ui-popup.test.ts', scale: 1 },
      { name: 'popup-at-risk', from: 'tests/e2e/ui-popup.test.ts', scale: 1 },
    ],
  },
  {
    file: '2-workspace-meta.png',
    caption: 'Review every draft in one workspace',
    detail: 'Variants, audiences and UTM links; sent to Meta as a paused campaign, never live',
    sources: [{ name: 'send-meta-sent', from: 'tests/e2e/send.test.ts', scale: 0.64 }],
  },
  {
    file: '3-workspace-linkedin.png',
    caption: 'LinkedIn too, created as a draft',
    detail: 'Campaign group, campaign and sponsored post wait in Campaign Manager for your team',
    sources: [{ name: 'send-linkedin-sent', from: 'tests/e2e/send.test.ts', scale: 0.64 }],
  },
  {
    file: '4-options-platforms.png',
    caption: 'Your team server keeps the ad-platform sign-ins',
    detail: 'Connect Meta and LinkedIn once for the team; the extension never holds a platform token',
    // The Ad platforms card only: the page's centred column, from the card's top.
    sources: [
      { name: 'send-options-connected', from: 'tests/e2e/send.test.ts', scale: 0.75, top: 1240, left: 270, width: 740 },
    ],
  },
];

const SIZE = { width: 1280, height: 800 };
const HEADER = 128;

const dataUrl = (bytes: Buffer) => `data:image/png;base64,${bytes.toString('base64')}`;
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function pngWidth(bytes: Buffer): number {
  return bytes.readUInt32BE(16);
}

const BASE_CSS = `
  * { box-sizing: border-box; }
  body { margin: 0; overflow: hidden; font-family: system-ui, 'Segoe UI', Roboto, 'DejaVu Sans', sans-serif; }
`;

function shotHtml(shot: Shot, mark: string, images: { url: string; width: number; source: Source }[]): string {
  const frames = images
    .map(({ url, width, source }) => {
      const px = (n: number) => `${Math.round(n * source.scale)}px`;
      const margin = `margin:${px(-(source.top ?? 0))} 0 0 ${px(-(source.left ?? 0))}`;
      return `<div class="frame" style="width:${px(source.width ?? width)}"><img src="${url}" style="width:${px(width)};${margin}"></div>`;
    })
    .join('');
  return `<!doctype html><html><head><style>${BASE_CSS}
    body { width: ${SIZE.width}px; height: ${SIZE.height}px; background: #e8f1f8; }
    header { height: ${HEADER}px; background: ${BLUE}; color: #fff; display: flex; align-items: center; gap: 28px; padding: 0 64px; }
    header img { width: 72px; height: 72px; }
    h1 { margin: 0 0 6px; font-size: 34px; font-weight: 700; letter-spacing: -0.01em; }
    p { margin: 0; font-size: 20px; opacity: 0.9; }
    main { display: flex; justify-content: center; gap: 48px; padding-top: 32px; }
    .frame { height: ${SIZE.height}px; overflow: hidden; border-radius: 12px 12px 0 0; background: #fff;
             box-shadow: 0 10px 40px rgba(15, 92, 140, 0.25), 0 0 0 1px rgba(15, 92, 140, 0.12); }
    .frame img { display: block; }
  </style></head><body>
    <header><img src="${mark}" alt=""><div><h1>${escape(shot.caption)}</h1><p>${escape(shot.detail)}</p></div></header>
    <main>${frames}</main>
  </body></html>`;
}

/** The small promo tile (440×280): the mark, the name and what it does. */
function tileHtml(mark: string): string {
  return `<!doctype html><html><head><style>${BASE_CSS}
    body { width: 440px; height: 280px; background: ${BLUE}; color: #fff; display: flex; align-items: center; gap: 20px; padding: 0 30px; }
    img { width: 104px; height: 104px; flex: none; }
    h1 { margin: 0 0 10px; font-size: 38px; font-weight: 700; letter-spacing: -0.01em; }
    p { margin: 0; font-size: 17px; line-height: 1.35; opacity: 0.92; }
  </style></head><body>
    <img src="${mark}" alt=""><div><h1>Wireboost</h1><p>Press release on the wire → ad drafts for Meta and LinkedIn</p></div>
  </body></html>`;
}

async function main() {
  const missing = [
    ...new Set(SHOTS.flatMap((s) => s.sources).filter((s) => !existsSync(path.join(SOURCE_DIR, `${s.name}.png`)))),
  ];
  if (missing.length) {
    const files = [...new Set(missing.map((s) => s.from))];
    console.error(`Missing e2e screenshots in test-output/screenshots: ${missing.map((s) => s.name).join(', ')}.`);
    console.error(
      `Run \`npm run build\`, then ${files.map((f) => `\`npx vitest run --project e2e ${f}\``).join(' and ')}.`,
    );
    process.exit(1);
  }
  if (!existsSync(CHROMIUM)) {
    console.error(`No Chromium at ${CHROMIUM}: set WIREBOOST_CHROMIUM to a Chromium or Chrome binary.`);
    process.exit(1);
  }
  // The 128 px icon without its store margin would be blurry upscaled: the mark is drawn from its SVG.
  const mark = `data:image/svg+xml;base64,${(await readFile(path.join(ROOT, 'docs/store/icon.svg'))).toString('base64')}`;
  await mkdir(OUT_DIR, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: SIZE, deviceScaleFactor: 1 });
    const write = async (file: string, html: string, size: { width: number; height: number }) => {
      await page.setViewportSize(size);
      await page.setContent(html, { waitUntil: 'load' });
      const png = await page.screenshot({ type: 'png' });
      await writeFile(path.join(OUT_DIR, file), png);
      console.log(`docs/store/screenshots/${file}  ${size.width}×${size.height}  ${(png.length / 1024).toFixed(0)} KB`);
    };
    for (const shot of SHOTS) {
      const images = await Promise.all(
        shot.sources.map(async (source) => {
          const bytes = await readFile(path.join(SOURCE_DIR, `${source.name}.png`));
          return { url: dataUrl(bytes), width: pngWidth(bytes), source };
        }),
      );
      await write(shot.file, shotHtml(shot, mark, images), SIZE);
    }
    await write('promo-small-440x280.png', tileHtml(mark), { width: 440, height: 280 });
  } finally {
    await browser.close();
  }
}

await main();
