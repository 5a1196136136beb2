import { basename, resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { ICON_SIZES, iconPaths, iconPublicFiles } from './assets/rasterize-icon';
import { pseudoMessages } from './scripts/pseudo-locale';

// RELINK_PSEUDO_LOCALE=1 builds into .output/<browser>-mv3-pseudo a test build whose only locale, the
// default one, holds the pseudo-locale (scripts/pseudo-locale.ts): accented, longer, bracketed.
const pseudoLocale = process.env.RELINK_PSEUDO_LOCALE === '1';

// The production manifests are snapshotted in tests/build/__snapshots__: any change here must be deliberate.
// webextension-polyfill is imported directly where Relink's own code needs it (background,
// popup, options). It is not aliased over `wxt/browser` (the @wxt-dev/webextension-polyfill
// module): that would put ~10 kB of polyfill into the content script, whose weight is budgeted,
// and WXT's own helpers only use promise-returning APIs that MV3 Chrome and Firefox have natively.
export default defineConfig({
  // locales/*.yml become _locales/*/messages.json for both browsers, with typed keys (utils/i18n.ts).
  modules: ['@wxt-dev/i18n/module'],
  ...(pseudoLocale ? { outDirTemplate: '{{browser}}-mv{{manifestVersion}}-pseudo' } : {}),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'declarativeNetRequestWithHostAccess'],
    host_permissions: ['https://*.atlassian.net/*', 'https://admin.atlassian.com/*'],
    optional_host_permissions: ['https://api.atlassian.com/*'],
    // entrypoints/admin.ts, an unlisted script declared here: WXT's content-script runtime is not needed.
    content_scripts: [
      {
        matches: ['https://admin.atlassian.com/*', 'https://*.atlassian.net/admin/*'],
        js: ['admin.js'],
        run_at: 'document_idle',
      },
    ],
    icons: iconPaths(ICON_SIZES),
    action: { default_title: '__MSG_extName__', default_icon: iconPaths([16, 32, 48]) },
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
  // The icons are rasterized from assets/icon.svg into .wxt/ (one folder per target, so the Chrome and
  // Firefox builds may run at once) and copied into the build with the public files.
  hooks: {
    'build:publicAssets': (wxt, files) => {
      files.push(
        ...iconPublicFiles(
          resolve(wxt.config.root, 'assets/icon.svg'),
          resolve(wxt.config.wxtDir, 'icon', basename(wxt.config.outDir)),
        ),
      );
      // After @wxt-dev/i18n's own hook (modules' hooks run first): keep the default locale only, pseudo-localized.
      if (pseudoLocale) {
        const locales = files.filter((f) => 'relativeDest' in f && f.relativeDest.startsWith('_locales'));
        for (const file of locales) {
          files.splice(files.indexOf(file), 1);
          if ('contents' in file && file.relativeDest === `_locales/en/messages.json`)
            files.push({
              ...file,
              contents: JSON.stringify(
                pseudoMessages(JSON.parse(file.contents) as Record<string, { message: string }>),
                null,
                2,
              ),
            });
        }
      }
    },
  },
  webExt: { disabled: true },
  // The sources zip is for store reviewers to rebuild the extension; tests and CI are not part of that.
  zip: { excludeSources: ['tests/**', '.ci/**'] },
});
