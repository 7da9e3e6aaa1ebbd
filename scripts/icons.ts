// `npm run icons`: renders the SVG mark into the PNGs the manifest and the toolbar use, one folder per icon
// state (utils/release/badge.ts names them): public/icon/<size>.png (full colour: "release found", the store mark)
// and public/icon-idle/<size>.png (grey: nothing found). resvg in WebAssembly, so no native addon.
// The PNGs are committed; tests/unit/badge.test.ts fails when they no longer match the SVGs.
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ICON_SIZES, iconPaths, type IconSize, type IconState } from '../utils/release/badge.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const SOURCE_DIR = path.join(ROOT, 'docs/store');

/**
 * Which drawing each size comes from and how much of the square it fills. 16 px has its own pixel-grid
 * drawing. The 128 is drawn at 96 with 16 px of transparent margin, as the Chrome Web Store asks of it.
 */
const RENDERS: Record<IconSize, { source: string; art: number }> = {
  16: { source: 'icon-16.svg', art: 16 },
  32: { source: 'icon.svg', art: 32 },
  48: { source: 'icon.svg', art: 48 },
  128: { source: 'icon.svg', art: 96 },
};

/** Every colour the sources use, per state. The SVGs are drawn in the `found` colours. */
const PALETTES: Record<IconState, Record<string, string>> = {
  found: { '#0f5c8c': '#0f5c8c', '#ffffff': '#ffffff', '#9ec5e0': '#9ec5e0', '#ffb020': '#ffb020' },
  idle: { '#0f5c8c': '#5f6368', '#ffffff': '#ffffff', '#9ec5e0': '#bdc1c6', '#ffb020': '#dadce0' },
};

/** Recolour a source; a colour without an entry is an error, so a new colour cannot leak into the idle icon. */
export function recolour(svg: string, palette: Record<string, string>): string {
  return svg.replace(/#[0-9a-f]{6}\b/gi, (colour) => {
    const mapped = palette[colour.toLowerCase()];
    if (!mapped) throw new Error(`icons: ${colour} has no entry in the palette (scripts/icons.ts PALETTES)`);
    return mapped;
  });
}

let ready: Promise<void> | undefined;
function init(): Promise<void> {
  const wasm = createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm');
  ready ??= readFile(wasm).then((bytes) => initWasm(bytes));
  return ready;
}

/** Every icon PNG, keyed by its path under public/ (the same paths the manifest and setIcon use). */
export async function renderIcons(): Promise<Map<string, Uint8Array>> {
  await init();
  const out = new Map<string, Uint8Array>();
  for (const state of Object.keys(PALETTES) as IconState[]) {
    const paths = iconPaths(state);
    for (const size of ICON_SIZES) {
      const { source, art } = RENDERS[size];
      const svg = recolour(await readFile(path.join(SOURCE_DIR, source), 'utf8'), PALETTES[state]);
      // The drawing as an image inside a square canvas: the margin stays transparent.
      const margin = (size - art) / 2;
      const canvas =
        `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">` +
        `<image x="${margin}" y="${margin}" width="${art}" height="${art}" ` +
        `href="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}"/></svg>`;
      const png = new Resvg(canvas).render().asPng();
      out.set(paths[size], png);
    }
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [file, png] of await renderIcons()) {
    const target = path.join(ROOT, 'public', file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, png);
    console.log(`public/${file}  ${png.length} bytes`);
  }
}
