/** Run the reactivation the admin confirmed, by its plan's fingerprint; a changed plan is offered instead. */
import { z } from 'zod';
import { reactivate } from '../actions';
import { defineOperation } from './define';
import { ReactivateInput } from './user-plan';

export default defineOperation({
  input: ReactivateInput.extend({ confirmed: z.string().regex(/^[0-9a-f]{16}$/) }),
  policy: 'page-sites',
  run: ({ confirmed, ...input }) => reactivate(input, confirmed),
});
