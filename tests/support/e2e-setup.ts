/**
 * Global setup of the e2e project (vitest.config.ts): the simulated admin pages are a bundle of
 * React and Atlassian's design-system packages, built from source when it is missing or stale
 * (tests/sim/admin-app/build.ts), so `npm test` from a fresh clone needs no manual step.
 */
import { ensureAdminApp } from '../sim/admin-app/build';

export default async function setup(): Promise<void> {
  await ensureAdminApp();
}
