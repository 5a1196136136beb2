import { defineConfig } from 'wxt';

// The production manifest is snapshotted in tests/manifest: any change here must be deliberate.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'Relink',
    description:
      'Find Jira Cloud users who were removed from a site but whose account is still alive, and bring them back.',
    permissions: ['storage', 'declarativeNetRequestWithHostAccess'],
    host_permissions: ['https://*.atlassian.net/*', 'https://admin.atlassian.com/*'],
    optional_host_permissions: ['https://api.atlassian.com/*'],
    action: { default_title: 'Relink' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'relink@relink.dev',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  webExt: { disabled: true },
  // The sources zip is for store reviewers to rebuild the extension; tests and CI are not part of that.
  zip: { excludeSources: ['tests/**', '.ci/**'] },
});
