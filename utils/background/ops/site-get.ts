/** The last scan of a site, or null. */
import { z } from 'zod';
import { scanItem } from '../../storage/items';
import { defineOperation } from './define';
import { Site } from './inputs';
import { scanView } from './scan-view';

export default defineOperation({
  input: z.object({ site: Site }),
  policy: 'page-sites',
  run: async ({ site }) => scanView(await scanItem(site).get()),
});
