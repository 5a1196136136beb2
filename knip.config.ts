import type { KnipConfig } from 'knip';

const config: KnipConfig = {
  entry: [
    'entrypoints/**/*.{ts,tsx,html}',
    'tests/**/*.test.{ts,tsx}',
    'tests/fixtures/capture-admin-pages.ts',
    'scripts/*.ts',
  ],
  project: ['**/*.{ts,tsx}'],
};

export default config;
