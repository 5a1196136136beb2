/** A user as they are now, with the groups Relink remembers. A query: writes nothing. */
import { z } from 'zod';
import { userSubject } from '../subjects';
import { defineOperation } from './define';
import { AccountId, Site } from './inputs';

export default defineOperation({
  input: z.object({ site: Site, accountId: AccountId }),
  policy: 'page-sites',
  run: ({ site, accountId }) => userSubject(site, accountId),
});
