import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { createKitStore } from '@/utils/kit/store';
import { kitItem, settingsItem } from '@/utils/kit/items';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('options store', () => {
  beforeEach(() => {
    storage.unwatch();
    fakeBrowser.reset();
  });

  it('hydrates the form from storage (defaults when there is no kit yet)', async () => {
    const store = createKitStore();
    expect(store.getState().hydrated).toBe(false);
    await store.getState().hydrate();
    expect(store.getState().form).toMatchObject({ adReviewLeadHours: '24', currency: 'USD', teamServerUrl: '' });
  });

  it('saves a valid change within 300 ms, and never saves an invalid one', async () => {
    const store = createKitStore();
    await store.getState().hydrate();
    store.getState().change('newsroomUrl', 'https://acme.example/news');
    await tick(300);
    expect((await kitItem.getValue())?.newsroomUrl).toBe('https://acme.example/news');
    expect(store.getState().saveState).toBe('saved');

    store.getState().change('flightDays', '0');
    expect(store.getState().saveState).toBe('invalid');
    expect(store.getState().errors.flightDays).toContain('between 1 and 90');
    await tick(300);
    expect((await kitItem.getValue())?.flightDays).toBe(7);

    store.getState().change('flightDays', '14');
    store.getState().change('teamServerUrl', 'https://team.acme.example');
    await store.getState().flush();
    expect((await kitItem.getValue())?.flightDays).toBe(14);
    expect((await settingsItem.getValue()).teamServerUrl).toBe('https://team.acme.example');
  });
});
