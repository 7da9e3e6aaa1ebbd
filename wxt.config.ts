import { defineConfig } from 'wxt';
import { WIRE_HOST_PERMISSIONS } from './utils/release/hosts';

// The manifest asks for the least it can: the wires' hosts (one list, in utils/release/hosts.ts)
// and activeTab for everything else the user explicitly points Wireboost at.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  imports: false, // explicit imports keep utils/ runnable in Node (CLI, tests, benchmarks)
  manifest: ({ browser }) => ({
    name: 'Wireboost',
    description: 'Turn a press release on the wire into Meta and LinkedIn ad drafts in one click.',
    permissions: ['activeTab', 'storage', 'contextMenus', 'scripting', 'alarms'],
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
