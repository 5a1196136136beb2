/** The dry run of a reactivation, with the fingerprint the admin confirms. A query: writes nothing. */
import { z } from 'zod';
import { planReactivate } from '../actions';
import { defineOperation } from './define';
import { AccountId, Email, Products, Site } from './inputs';

export const ReactivateInput = z.object({
  site: Site,
  accountId: AccountId,
  email: Email.optional(),
  products: Products.optional(),
  adminGroups: z.array(z.string().min(1).max(128)).max(50).optional(),
  /** Proposed groups the admin unticked. */
  skipGroups: z.array(z.string().min(1).max(128)).max(200).optional(),
  /** The user may be back on the site already (an earlier run): give the groups they had that are missing. */
  resume: z.boolean().optional(),
});

export default defineOperation({
  input: ReactivateInput,
  policy: 'page-sites',
  run: (input) => planReactivate(input),
});
