/** Queue the reactivation of several users of one site. */
import { z } from 'zod';
import { startBulk } from '../bulk';
import { defineOperation } from './define';
import { AccountId, Email, Products, Site } from './inputs';

export default defineOperation({
  input: z.object({
    site: Site,
    items: z
      .array(z.object({ accountId: AccountId, displayName: z.string().max(255), email: Email.nullable() }))
      .min(1)
      .max(500),
    products: Products.nullable(),
  }),
  policy: 'page-sites',
  run: (input) => startBulk(input),
});
