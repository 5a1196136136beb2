/** Add a user to a group or remove them from one; `dryRun` only plans. */
import { z } from 'zod';
import { changeGroup } from '../actions';
import { defineOperation } from './define';
import { AccountId, Group, Site } from './inputs';

export default defineOperation({
  input: z.object({
    site: Site,
    accountId: AccountId,
    group: Group,
    op: z.enum(['add', 'remove']),
    dryRun: z.boolean(),
  }),
  policy: 'page-sites',
  run: (input) => changeGroup(input),
});
