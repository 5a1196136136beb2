/** The site's groups, by name. */
import { z } from 'zod';
import { siteGroups } from '../subjects';
import { defineOperation } from './define';
import { Site } from './inputs';

export default defineOperation({
  input: z.object({ site: Site }),
  policy: 'page-sites',
  run: ({ site }) => siteGroups(site),
});
