import type { KnipConfig } from 'knip';

const config: KnipConfig = {
  entry: [
    'entrypoints/**/*.{ts,tsx,html}',
    'tests/**/*.test.{ts,tsx}',
    'tests/fixtures/capture-admin-pages.ts',
    // Bundled by esbuild from tests/sim/admin-app/build.ts, which names it by path.
    'tests/sim/admin-app/react-app.tsx',
    'scripts/*.ts',
  ],
  project: ['**/*.{ts,tsx}'],
};

export default config;
