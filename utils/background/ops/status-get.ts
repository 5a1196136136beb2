/** Popup: what Relink knows about the sites of the active tab, and of the others. */
import { z } from 'zod';
import { statusFor } from '../site-status';
import { defineOperation } from './define';

export default defineOperation({
  input: z.object({ tabUrl: z.string().max(2048).optional() }),
  policy: 'extension-pages',
  run: ({ tabUrl }) => statusFor(tabUrl),
});
