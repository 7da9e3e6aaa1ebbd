import { defineConfig } from 'wxt';
import { createRequire } from 'node:module';
import { WIRE_HOST_PERMISSIONS } from './utils/release/hosts';
import { iconPaths } from './utils/release/badge';

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
    // The full-colour mark names the extension (store, extensions page); the toolbar starts grey and
    // turns full colour on a tab showing a release (utils/release/badge.ts). PNGs: `npm run icons`.
    icons: iconPaths('found'),
    action: { default_title: 'Wireboost', default_icon: iconPaths('idle') },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'wireboost@wireboost.app',
              strict_min_version: '142.0',
              // What leaves the browser, in Mozilla's taxonomy (docs/store/PRIVACY.md has the detail and
              // the code behind each line). Once a team server is connected: the boosted release's text
              // (websiteContent) and its page address (browsingActivity) as part of the shared release
              // and drafts; the account's e-mail, name and password at sign-up / sign-in, the session
              // token and the Meta / LinkedIn authorisation code (authenticationInfo,
              // personallyIdentifyingInfo). `required`, not `optional`: the sync and sign-in code does
              // not yet ask for an optional grant (permissions.request) before sending, so declaring
              // them optional would be untrue. Media-list e-mails are hashed on the device and the
              // hashes stay there; nothing goes anywhere else, and there is no analytics or telemetry.
              data_collection_permissions: {
                required: ['websiteContent', 'browsingActivity', 'authenticationInfo', 'personallyIdentifyingInfo'],
              },
            },
          },
        }
      : {}),
  }),
  // `npm run zip`: the store packages in .output/, and for addons.mozilla.org the sources to rebuild them
  // (npm ci && npm run build:firefox, see README "Build from source"). WXT already leaves out hidden
  // files (.data/, .env, .wxt/, .git/), node_modules and .output/; the rest is left out because the
  // extension's build does not read it: the team server, tests and their output, dev scripts, docs.
  // The icons' SVG sources and their generator stay in, so the committed PNGs can be checked too.
  zip: {
    excludeSources: [
      'server/**',
      'tests/**',
      'test-output/**',
      'scripts/**',
      'docs/**',
      'vitest.config.ts',
      '**/*.log',
    ],
    includeSources: ['scripts/icons.ts', 'docs/store/icon.svg', 'docs/store/icon-16.svg'],
  },
});
