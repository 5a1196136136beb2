/** Scan a site now (writes the scan, snapshots and scan state); shared with any scan already running there. */
import { z } from 'zod';
import { scan } from '../scans';
import { defineOperation } from './define';
import { Site } from './inputs';

export default defineOperation({
  input: z.object({ site: Site, full: z.boolean().optional() }),
  policy: 'page-sites',
  run: ({ site, full }) => scan(site, full ?? false),
});
