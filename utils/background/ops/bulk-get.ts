/** The bulk job of a site as it stands, or null (also when the current job is another site's). */
import { z } from 'zod';
import { bulkStatus } from '../bulk';
import { defineOperation } from './define';
import { Site } from './inputs';

export default defineOperation({
  input: z.object({ site: Site }),
  policy: 'page-sites',
  run: ({ site }) => bulkStatus(site),
});
