import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

const alias = { '@': fileURLToPath(new URL('.', import.meta.url)) };
const preactJsx = { jsx: { runtime: 'automatic' as const, importSource: 'preact' } };

export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    projects: [
      {
        // Extension code: pure logic and Preact components, in happy-dom with WXT's fake browser.
        plugins: [WxtVitest()],
        oxc: preactJsx,
        test: {
          name: 'unit',
          environment: 'happy-dom',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          // Relink's messages (utils/i18n.ts) in English, as chrome.i18n gives them in an English browser.
          setupFiles: ['./tests/support/i18n-setup.ts'],
        },
      },
      {
        // The simulator over real HTTPS, its responses against the official OpenAPI descriptions,
        // and the engine (client, scan, actions) against the simulator.
        resolve: { alias },
        test: {
          name: 'sim',
          environment: 'node',
          setupFiles: ['./tests/support/i18n-setup.ts'],
          include: ['tests/sim/**/*.test.ts', 'tests/contract/**/*.test.ts', 'tests/integration/**/*.test.ts'],
        },
      },
      {
        // The production build in real Chromium against the simulator; also the manifest and lint checks.
        test: {
          name: 'e2e',
          environment: 'node',
          // Bundles the simulated admin pages (React + @atlaskit) when missing or stale.
          globalSetup: ['./tests/support/e2e-setup.ts'],
          include: ['tests/e2e/**/*.test.ts', 'tests/e2e-shared/**/*.test.ts', 'tests/build/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
