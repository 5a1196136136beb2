/**
 * Bundles the design-system admin app (react-app.tsx, React and the real @atlaskit packages) into
 * `.output/sim-admin-app/` with esbuild: `app.js` and the `app.css` of the packages' compiled
 * styles. Test code only: nothing of it reaches the extension, and the bundle is not committed.
 * Built once per change of its sources or of package-lock.json (a hash beside the bundle says
 * which); the e2e project's global setup (tests/support/e2e-setup.ts), the demo and the simulator
 * itself (on the first request for it) call `ensureAdminApp()`.
 *   node --import tsx tests/sim/admin-app/build.ts
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, buildSync, type BuildOptions } from 'esbuild';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../../..');
const ADMIN_APP_DIR = join(ROOT, '.output/sim-admin-app');
const STAMP = join(ADMIN_APP_DIR, 'sources.sha256');

function sourcesHash(): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(HERE).sort()) {
    if (/\.(tsx?|css)$/.test(name) && !name.endsWith('.test.ts'))
      hash.update(name).update(readFileSync(join(HERE, name)));
  }
  const lock = join(ROOT, 'package-lock.json');
  if (existsSync(lock)) hash.update(readFileSync(lock));
  return hash.digest('hex');
}

function options(): BuildOptions {
  return {
    entryPoints: { app: join(HERE, 'react-app.tsx') },
    bundle: true,
    outdir: ADMIN_APP_DIR,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    legalComments: 'none',
    jsx: 'automatic',
    jsxImportSource: 'react',
    // The packages' compiled files import their atomic CSS: collected into app.css.
    loader: { '.css': 'css' },
    define: { 'process.env.NODE_ENV': '"production"', 'process.env': '{}' },
    logLevel: 'silent',
  };
}

const upToDate = (hash: string) =>
  existsSync(join(ADMIN_APP_DIR, 'app.js')) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === hash;

/** Builds the bundle unless it is current; answers where it is. */
export async function ensureAdminApp(): Promise<string> {
  const hash = sourcesHash();
  if (upToDate(hash)) return ADMIN_APP_DIR;
  mkdirSync(ADMIN_APP_DIR, { recursive: true });
  await build(options());
  writeFileSync(STAMP, hash);
  return ADMIN_APP_DIR;
}

/** The same, blocking: for the simulator's first request when no setup built it. */
export function ensureAdminAppSync(): string {
  const hash = sourcesHash();
  if (upToDate(hash)) return ADMIN_APP_DIR;
  mkdirSync(ADMIN_APP_DIR, { recursive: true });
  buildSync(options());
  writeFileSync(STAMP, hash);
  return ADMIN_APP_DIR;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  await ensureAdminApp();
  console.log(`Admin app bundled into ${ADMIN_APP_DIR} in ${Date.now() - started} ms.`);
}
