/**
 * Bring a site up to date: after a scan, a check of the audit log for changes (one request when
 * nothing changed); a scan when the log cannot tell, once a day, or with `full` (the popup's Rescan).
 * Shared with whatever is already running there (utils/background/scans.ts).
 */
import { z } from 'zod';
import { scan } from '../scans';
import { defineOperation } from './define';
import { Site } from './inputs';
import { scanView } from './scan-view';

export default defineOperation({
  input: z.object({ site: Site, full: z.boolean().optional() }),
  policy: 'page-sites',
  run: async ({ site, full }) => scanView(await scan(site, full ?? false)),
});
