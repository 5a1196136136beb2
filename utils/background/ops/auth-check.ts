/** Who Relink acts as on a site, live. */
import { z } from 'zod';
import { checkAuth } from '../auth-check';
import { defineOperation } from './define';
import { Site } from './inputs';

export default defineOperation({
  input: z.object({ site: Site }),
  policy: 'extension-pages',
  run: ({ site }) => checkAuth(site),
});
