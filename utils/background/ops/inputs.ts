/** Input pieces shared by several operations. Nothing here can name a URL: only an Atlassian site host. */
import { z } from 'zod';

const SITE_HOST_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}\.atlassian\.net$/;
export const Site = z.string().regex(SITE_HOST_PATTERN);
export const AccountId = z.string().min(1).max(128);
export const Email = z.string().max(254);
export const Products = z.array(z.string().regex(/^[a-z-]{1,40}$/)).max(10);
export const Group = z.object({ groupId: z.string().min(1).max(128), name: z.string().max(255) });
/** Typed as `object`: zod infers an empty object as a record of never, which no request satisfies. */
export const NoInput: z.ZodType<object> = z.object({});
