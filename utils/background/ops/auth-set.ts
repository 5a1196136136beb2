/** Save the sign-in settings; an omitted secret keeps the stored one. Answers without secrets. */
import { z } from 'zod';
import { publicAuth } from '../../domain/records';
import { authItem } from '../../storage/items';
import { defineOperation } from './define';
import { Email, Site } from './inputs';

export default defineOperation({
  input: z.object({
    auth: z.object({
      mode: z.enum(['session', 'api-token']),
      email: Email.nullable(),
      apiToken: z.string().max(512).nullable().optional(),
      tokenSites: z.array(Site).max(200),
      orgId: z
        .string()
        .regex(/^[A-Za-z0-9-]{1,64}$/)
        .nullable(),
      orgKey: z.string().max(1024).nullable().optional(),
    }),
  }),
  policy: 'extension-pages',
  async run({ auth }) {
    const current = await authItem.get();
    const next = {
      mode: auth.mode,
      email: auth.email,
      apiToken: auth.apiToken === undefined ? current.apiToken : auth.apiToken,
      tokenSites: [...new Set(auth.tokenSites)].sort(),
      orgId: auth.orgId,
      orgKey: auth.orgKey === undefined ? current.orgKey : auth.orgKey,
    };
    await authItem.set(next);
    return publicAuth(next);
  },
});
