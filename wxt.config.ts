import { defineConfig } from 'wxt';
import { createRequire } from 'node:module';
import { WIRE_HOST_PERMISSIONS } from './utils/release/hosts';

// The manifest asks for the least it can: the wires' hosts (one list, in utils/release/hosts.ts)
// and activeTab for everything else the user explicitly points Wireboost at. `identity` is for
// launchWebAuthFlow only (connecting Meta / LinkedIn in Options): it grants no host access.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  imports: false, // explicit imports keep utils/ runnable in Node (CLI, tests, benchmarks)
  hooks: {
    // webextension-polyfill only earns its keep in the background, whose runtime.onMessage listeners
    // answer with promises. Everything else only calls promise-returning APIs, which Chrome MV3 and
    // Firefox provide natively — and carries budgets: the newswire content script 8 KB gzip, the popup's
    // first-load JS 90 KB (the polyfill is ~2.7 KB gzip of it), the popup's early-read script must be
    // tiny. So those builds get WXT's native `browser`; the background keeps the polyfill.
    'vite:build:extendConfig'(entrypoints, config) {
      if (entrypoints.some((e) => e.type === 'background')) return;
      const native = createRequire(import.meta.url).resolve('wxt/browser');
      const alias = config.resolve?.alias;
      const entry = { find: /^wxt\/browser$/, replacement: native };
      config.resolve = {
        ...config.resolve,
        alias: Array.isArray(alias)
          ? [entry, ...alias]
          : [
              entry,
              ...Object.entries(alias ?? {}).map(([find, replacement]) => ({
                find,
                replacement: replacement as string,
              })),
            ],
      };
    },
  },
  manifest: ({ browser }) => ({
    name: 'Wireboost',
    description: 'Turn a press release on the wire into Meta and LinkedIn ad drafts in one click.',
    permissions: ['activeTab', 'storage', 'contextMenus', 'scripting', 'alarms', 'identity'],
    host_permissions: WIRE_HOST_PERMISSIONS,
    action: { default_title: 'Wireboost' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'wireboost@wireboost.app',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
