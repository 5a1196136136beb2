/** Where the site's scan stands, or null. */
import { z } from 'zod';
import { scanStateItem } from '../../storage/items';
import { defineOperation } from './define';
import { Site } from './inputs';

export default defineOperation({
  input: z.object({ site: Site }),
  policy: 'page-sites',
  run: ({ site }) => scanStateItem(site).get(),
});
