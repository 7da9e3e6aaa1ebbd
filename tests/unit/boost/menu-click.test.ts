import { describe, expect, it, vi } from 'vitest';
import { handleBoostClick, type BoostDeps } from '@/utils/boost/menu-click';
import { BoostError } from '@/utils/release/fetch';
import { emptyRelease } from '@/utils/release/empty';
import { selectionRelease } from '@/utils/boost/menus';

const release = (headline: string, isRelease = true) => ({
  ...emptyRelease('https://www.businesswire.com/news/home/1/en/'),
  isRelease,
  headline,
});

function deps(over: Partial<BoostDeps> = {}) {
  const opened: Record<string, string>[] = [];
  const boosted: string[] = [];
  const d: BoostDeps = {
    tabRelease: vi.fn(async () => null),
    extractInTab: vi.fn(async () => null),
    fetchLinked: vi.fn(async () => release('linked')),
    boost: vi.fn(async (r) => {
      boosted.push(r.headline);
      return `rel-${boosted.length}`;
    }),
    openWorkspace: vi.fn(async (p) => {
      opened.push(p);
    }),
    ...over,
  };
  return { d, opened, boosted };
}

describe('Boost this release (context menu)', () => {
  it('on a wire page uses the release the content script already reported, without injecting', async () => {
    const { d, opened, boosted } = deps({ tabRelease: async () => release('known') });
    await handleBoostClick({ menuItemId: 'boost-page' }, { id: 4 }, d);
    expect(boosted).toEqual(['known']);
    expect(d.extractInTab).not.toHaveBeenCalled();
    expect(opened).toEqual([{ release: 'rel-1' }]);
  });

  it('on another site injects the extractor through activeTab', async () => {
    const { d, boosted } = deps({ extractInTab: async () => release('newsroom') });
    await handleBoostClick({ menuItemId: 'boost-page' }, { id: 4 }, d);
    expect(boosted).toEqual(['newsroom']);
  });

  it('explains plainly when the page is not a release, and boosts nothing', async () => {
    const { d, opened, boosted } = deps({ extractInTab: async () => release('blog post', false) });
    await handleBoostClick({ menuItemId: 'boost-page' }, { id: 4 }, d);
    expect(boosted).toEqual([]);
    expect(opened[0]?.error).toMatch(/doesn't look like a press release/);
  });

  it('on a link fetches and extracts it, then opens the workspace on it', async () => {
    const { d, opened } = deps();
    await handleBoostClick(
      { menuItemId: 'boost-link', linkUrl: 'https://www.businesswire.com/news/home/1/en/' },
      { id: 1 },
      d,
    );
    expect(d.fetchLinked).toHaveBeenCalledWith('https://www.businesswire.com/news/home/1/en/');
    expect(opened).toEqual([{ release: 'rel-1' }]);
  });

  it('passes a fetch failure on as a human message', async () => {
    const { d, opened } = deps({
      fetchLinked: async () => {
        throw new BoostError("Couldn't reach www.businesswire.com.");
      },
    });
    await handleBoostClick({ menuItemId: 'boost-link', linkUrl: 'https://www.businesswire.com/x' }, { id: 1 }, d);
    expect(opened).toEqual([{ error: "Couldn't reach www.businesswire.com." }]);
  });

  it('on selected text makes the selection the body and the page title the headline', async () => {
    const { d, boosted } = deps();
    await handleBoostClick(
      { menuItemId: 'boost-selection', selectionText: 'ACME ships a widget.\n\n"We are pleased," said Jo.' },
      { id: 2, title: 'ACME ships a widget', url: 'https://acme.example/news/widget' },
      d,
    );
    expect(boosted).toEqual(['ACME ships a widget']);
  });
});

describe('selectionRelease', () => {
  it('splits paragraphs, keeps the page URL, falls back to the first line for a headline', () => {
    const r = selectionRelease('First line here.\nSecond   paragraph.', '', 'https://acme.example/x');
    expect(r.body).toEqual(['First line here.', 'Second paragraph.']);
    expect(r.headline).toBe('First line here.');
    expect(r.url).toBe('https://acme.example/x');
    expect(r.isRelease).toBe(true);
  });
});
