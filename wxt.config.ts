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
    // The newswire content script has an 8 KB gzip budget and only calls runtime.sendMessage, which is
    // promise-based natively in Chrome MV3 and Firefox. So that one bundle uses WXT's native `browser`
    // instead of webextension-polyfill (~3.9 KB gzip); every other context keeps the polyfill.
    'vite:build:extendConfig'(entrypoints, config) {
      if (!entrypoints.every((e) => e.type === 'content-script')) return;
      const native = createRequire(import.meta.url).resolve('wxt/browser');
      const alias = config.resolve?.alias;
      const entry = { find: /^wxt\/browser$/, replacement: native };
      config.resolve = {
        ...config.resolve,
        alias: Array.isArray(alias)
          ? [entry, ...alias]
          : [entry, ...Object.entries(alias ?? {}).map(([find, replacement]) => ({ find, replacement: replacement as string }))],
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
