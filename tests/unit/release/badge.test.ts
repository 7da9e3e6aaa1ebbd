import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { BADGE, ICON_SIZES, iconPaths, showReleaseBadge } from '@/utils/release/badge';
import { recolour, renderIcons } from '../../../scripts/icons';
import config from '../../../wxt.config';

const PUBLIC = path.resolve(import.meta.dirname, '../../../public');

/** Width and height from a PNG's IHDR chunk (bytes 16–23), after checking the signature. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('toolbar state per tab: badge and icon', () => {
  // WXT's fake browser keeps badge text and colour per tab but has no setIcon: record its calls per tab.
  let icons: Map<number, unknown>;
  beforeEach(() => {
    fakeBrowser.reset();
    icons = new Map();
    vi.spyOn(fakeBrowser.action, 'setIcon').mockImplementation(async (details) => {
      icons.set(details.tabId!, details.path);
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it('marks a tab with a release: PR badge in green and the full-colour icon', async () => {
    await showReleaseBadge(7, true);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe(BADGE.text);
    expect(await fakeBrowser.action.getBadgeBackgroundColor({ tabId: 7 })).toEqual([0x0a, 0x7d, 0x4f, 255]);
    expect(icons.get(7)).toEqual(iconPaths('found'));
  });

  it('leaves other tabs alone', async () => {
    await showReleaseBadge(7, true);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 8 })).toBe('');
    expect(icons.has(8)).toBe(false);
  });

  it('clearing a tab removes the badge and puts the idle icon back', async () => {
    await showReleaseBadge(7, true);
    await showReleaseBadge(9, true);
    await showReleaseBadge(7, false);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('');
    expect(icons.get(7)).toEqual(iconPaths('idle'));
    expect(await fakeBrowser.action.getBadgeText({ tabId: 9 })).toBe(BADGE.text);
    expect(icons.get(9)).toEqual(iconPaths('found'));
  });
});

describe('icon files', () => {
  it.each(['found', 'idle'] as const)('%s: every size is a PNG of that size in public/', async (state) => {
    for (const [size, file] of Object.entries(iconPaths(state))) {
      const { width, height } = pngSize(await readFile(path.join(PUBLIC, file)));
      expect({ file, width, height }).toEqual({ file, width: Number(size), height: Number(size) });
    }
  });

  it('the two states are different pictures', async () => {
    for (const size of ICON_SIZES) {
      const [found, idle] = await Promise.all([
        readFile(path.join(PUBLIC, iconPaths('found')[size])),
        readFile(path.join(PUBLIC, iconPaths('idle')[size])),
      ]);
      expect(Buffer.compare(found, idle), `${size}px`).not.toBe(0);
    }
  });

  it('the committed PNGs are what the SVG sources render to (run `npm run icons` after editing them)', async () => {
    const rendered = await renderIcons();
    expect([...rendered.keys()].sort()).toEqual(
      [...Object.values(iconPaths('found')), ...Object.values(iconPaths('idle'))].sort(),
    );
    for (const [file, png] of rendered) {
      expect(Buffer.compare(Buffer.from(png), await readFile(path.join(PUBLIC, file))), file).toBe(0);
    }
  });

  it('a colour missing from the palette is an error, not a brand colour leaking into the idle icon', () => {
    expect(recolour('<rect fill="#0F5C8C"/>', { '#0f5c8c': '#5f6368' })).toBe('<rect fill="#5f6368"/>');
    expect(() => recolour('<rect fill="#123456"/>', { '#0f5c8c': '#5f6368' })).toThrow(/#123456/);
  });
});

describe('manifest', () => {
  const manifest = (browser: string) =>
    (config.manifest as (env: { browser: string }) => Record<string, unknown>)({ browser });

  it.each(['chrome', 'firefox'])(
    '%s: the extension icons are the full-colour mark, the toolbar starts idle',
    (browser) => {
      const m = manifest(browser);
      expect(m.icons).toEqual(iconPaths('found'));
      expect(m.action).toMatchObject({ default_icon: iconPaths('idle') });
    },
  );
});
