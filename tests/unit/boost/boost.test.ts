import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { boost, type BoostDeps } from '@/utils/boost/boost';
import { boostFromMenu, menuSource } from '@/utils/boost/menus';
import { selectionRelease } from '@/utils/boost/selection';
import { BoostError } from '@/utils/release/fetch';
import { emptyRelease } from '@/utils/release/empty';
import { createDraftsRepo } from '@/utils/editor/drafts-repo';
import { createReleasesRepo } from '@/utils/editor/releases-repo';

const release = (headline: string, isRelease = true) => ({
  ...emptyRelease(`https://www.businesswire.com/news/home/${encodeURIComponent(headline)}/en/`),
  isRelease,
  headline,
  body: [`NEW YORK--(BUSINESS WIRE)--${headline} today announced a thing.`],
});

/** The browser side mocked; the repositories are real (WXT's fake storage.local). */
function deps(over: Partial<BoostDeps> = {}) {
  const opened: Record<string, string>[] = [];
  const d: BoostDeps & { openWorkspace(p: Record<string, string>): Promise<void> } = {
    tabRelease: vi.fn(async () => null),
    extractInTab: vi.fn(async () => null),
    selectionInTab: vi.fn(async () => null),
    fetchLinked: vi.fn(async () => release('linked')),
    kit: async () => null,
    drafts: createDraftsRepo(),
    releases: createReleasesRepo(),
    now: () => new Date('2026-11-23T09:00:00Z'),
    openWorkspace: vi.fn(async (p) => {
      opened.push(p);
    }),
    ...over,
  };
  const boosted = async () => Object.values(await createReleasesRepo().all()).map((r) => r.release.headline);
  return { d, opened, boosted };
}

beforeEach(() => fakeBrowser.reset());

describe('one boost path for every way in', () => {
  it('a tab with a reported release: uses it without injecting, stores it and its drafts', async () => {
    const { d, boosted } = deps({ tabRelease: async () => release('known') });
    const reply = await boost({ kind: 'tab', tabId: 4 }, d);
    expect(reply).toEqual({ releaseId: expect.any(String) });
    expect(await boosted()).toEqual(['known']);
    expect(d.extractInTab).not.toHaveBeenCalled();
    const drafts = Object.values(await createDraftsRepo().all());
    expect(drafts.length).toBeGreaterThanOrEqual(6);
    expect(drafts.every((x) => 'releaseId' in reply && x.releaseId === reply.releaseId)).toBe(true);
  });

  it('another site: injects the extractor through activeTab', async () => {
    const { d, boosted } = deps({ extractInTab: async () => release('newsroom') });
    await boost({ kind: 'tab', tabId: 4 }, d);
    expect(await boosted()).toEqual(['newsroom']);
  });

  it('a page that is not a release: a plain explanation, nothing stored', async () => {
    const { d, boosted } = deps({ extractInTab: async () => release('blog post', false) });
    expect(await boost({ kind: 'tab', tabId: 4 }, d)).toEqual({
      error: expect.stringMatching(/doesn't look like a press release/),
    });
    expect(await boosted()).toEqual([]);
  });

  it('a pasted address that is not one is refused before anything is fetched', async () => {
    const { d } = deps();
    expect(await boost({ kind: 'link', url: 'ftp://x' }, d)).toEqual({
      error: expect.stringMatching(/not a web address/),
    });
    expect(await boost({ kind: 'link', url: 'prnewswire' }, d)).toEqual({
      error: expect.stringMatching(/not a web address/),
    });
    expect(d.fetchLinked).not.toHaveBeenCalled();
  });

  it('a fetch failure is passed on as the human message it carries', async () => {
    const { d } = deps({
      fetchLinked: async () => {
        throw new BoostError("Couldn't reach www.businesswire.com.");
      },
    });
    expect(await boost({ kind: 'link', url: 'https://www.businesswire.com/x' }, d)).toEqual({
      error: "Couldn't reach www.businesswire.com.",
    });
  });

  it('the popup’s selection: read from the tab; nothing selected says so', async () => {
    const { d, boosted } = deps({
      selectionInTab: async () => ({
        text: 'ACME ships a widget.',
        title: 'ACME widget',
        url: 'https://acme.example/w',
      }),
    });
    await boost({ kind: 'selection', tabId: 3 }, d);
    expect(await boosted()).toEqual(['ACME widget']);
    const empty = deps({ selectionInTab: async () => ({ text: '  ', title: 't', url: 'https://acme.example/' }) });
    expect(await boost({ kind: 'selection', tabId: 3 }, empty.d)).toEqual({
      error: expect.stringMatching(/Nothing is selected/),
    });
  });

  it('boosting twice converges, and a stored release can be rebuilt after its drafts were deleted', async () => {
    const { d } = deps({ tabRelease: async () => release('again') });
    const first = await boost({ kind: 'tab', tabId: 1 }, d);
    expect(await boost({ kind: 'tab', tabId: 1 }, d)).toEqual(first);
    const repo = createDraftsRepo();
    const ids = Object.keys(await repo.all());
    await repo.remove(ids);
    expect(await boost({ kind: 'stored', releaseId: (first as { releaseId: string }).releaseId }, d)).toEqual(first);
    expect(Object.keys(await createDraftsRepo().all()).sort()).toEqual(ids.sort());
  });
});

describe('Boost this release (context menu)', () => {
  it('maps each menu to its source', () => {
    expect(menuSource({ menuItemId: 'boost-page' }, { id: 4 })).toEqual({ kind: 'tab', tabId: 4 });
    expect(menuSource({ menuItemId: 'boost-link', linkUrl: 'https://x.example/a' }, { id: 1 })).toEqual({
      kind: 'link',
      url: 'https://x.example/a',
    });
    expect(menuSource({ menuItemId: 'boost-link' }, { id: 1 })).toBeNull();
    expect(menuSource({ menuItemId: 'something-else' }, { id: 1 })).toBeNull();
  });

  it('opens the workspace on the boosted release', async () => {
    const { d, opened } = deps();
    const reply = await boostFromMenu(
      { menuItemId: 'boost-link', linkUrl: 'https://www.businesswire.com/news/home/1/en/' },
      { id: 1 },
      d,
    );
    expect(d.fetchLinked).toHaveBeenCalledWith('https://www.businesswire.com/news/home/1/en/');
    expect(opened).toEqual([{ release: (reply as { releaseId: string }).releaseId }]);
  });

  it('opens the workspace on the reason when there is nothing to boost', async () => {
    const { d, opened } = deps({ extractInTab: async () => release('blog post', false) });
    await boostFromMenu({ menuItemId: 'boost-page' }, { id: 4 }, d);
    expect(opened[0]?.error).toMatch(/doesn't look like a press release/);
  });

  it('on selected text makes the selection the body and the page title the headline', async () => {
    const { d, boosted } = deps();
    await boostFromMenu(
      { menuItemId: 'boost-selection', selectionText: 'ACME ships a widget.\n\n"We are pleased," said Jo.' },
      { id: 2, title: 'ACME ships a widget', url: 'https://acme.example/news/widget' },
      d,
    );
    expect(await boosted()).toEqual(['ACME ships a widget']);
    expect(d.selectionInTab).not.toHaveBeenCalled();
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
