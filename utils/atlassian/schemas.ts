/**
 * zod schemas for the Atlassian answers Relink reads, following the official spec (tests/contract/specs):
 * tolerant where Atlassian is inconsistent (missing emailAddress, unknown accountType, extra
 * fields) and strict where a wrong value would mislead (accountId, active).
 */
import { z } from 'zod';

const KNOWN_ACCOUNT_TYPES = ['atlassian', 'app', 'customer'] as const;
/** `missing`: the record did not say (the spec does not require it): listed for review, never dropped. */
type AccountType = (typeof KNOWN_ACCOUNT_TYPES)[number] | 'unknown' | 'missing';

/** Matched whatever its case (`Atlassian` has been seen [assumed: no public source]); see docs/atlassian.md §8. */
const AccountTypeSchema = z
  .unknown()
  .optional()
  .transform((v): AccountType => {
    if (v === undefined) return 'missing';
    const type = typeof v === 'string' ? v.trim().toLowerCase() : '';
    return (KNOWN_ACCOUNT_TYPES as readonly string[]).includes(type) ? (type as AccountType) : 'unknown';
  });

export const GroupRefSchema = z.object({
  name: z.string(),
  groupId: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
});
export type GroupRef = z.infer<typeof GroupRefSchema>;

export const JiraUserSchema = z.object({
  accountId: z.string().min(1).max(128),
  accountType: AccountTypeSchema,
  active: z.boolean(),
  displayName: z
    .string()
    .nullish()
    .transform((v) => v ?? ''),
  /** Often absent for privacy (docs/atlassian.md §3): never guessed. */
  emailAddress: z
    .string()
    .nullish()
    .transform((v) => (v ? v : null)),
  groups: z.object({ items: z.array(GroupRefSchema) }).optional(),
  /** By size (`48x48`, …): the row shows the user as the page does. */
  avatarUrls: z.record(z.string(), z.string()).optional(),
  applicationRoles: z.object({ items: z.array(z.object({ key: z.string() }).loose()) }).optional(),
});
export type JiraUser = z.infer<typeof JiraUserSchema>;

/**
 * A page of group/bulk or group/member (the spec's PageBean): every field is optional there, and
 * `total` is described as "the number of items returned", so Relink pages by `isLast`, never by
 * `total` alone (docs/atlassian.md §8). Values are parsed one by one by the caller.
 */
const PageBeanSchema = z.object({
  values: z.array(z.unknown()),
  isLast: z.boolean().optional(),
  total: z.number().int().nonnegative().optional(),
  nextPage: z.string().optional(),
});
export const GroupMemberPageSchema = PageBeanSchema;
export const GroupBulkPageSchema = PageBeanSchema;
/** All the per-group evidence needs of a member: who it is. */
export const MemberRefSchema = z.object({ accountId: z.string().min(1).max(128) });

export const ApplicationRoleSchema = z.object({
  key: z.string(),
  name: z.string().optional(),
  numberOfSeats: z.number().optional(),
  remainingSeats: z.number().optional(),
  hasUnlimitedSeats: z.boolean().optional(),
  defaultGroups: z.array(z.string()).optional(),
  /** The product a new user gets unless told otherwise: Relink's last resort for a removed user's products. */
  selectedByDefault: z.boolean().optional(),
});

export const PermissionsSchema = z.object({
  permissions: z.record(z.string(), z.object({ havePermission: z.boolean() })),
});

export const TenantInfoSchema = z.object({ cloudId: z.string().min(1) });

export const DirectoryUserSchema = z.object({
  accountId: z.string().min(1).max(128),
  accountType: AccountTypeSchema,
  status: z.string().optional(),
  accountStatus: z.enum(['active', 'inactive', 'closed']).or(z.string()),
  membershipStatus: z.enum(['active', 'suspended', 'no_membership']).or(z.string()),
  email: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
  name: z.string().nullish(),
  productAccess: z.array(z.object({ key: z.string(), url: z.string().optional() }).loose()).optional(),
});
export type DirectoryUser = z.infer<typeof DirectoryUserSchema>;

export const DirectoryPageSchema = z.object({
  data: z.array(z.unknown()),
  links: z.object({ next: z.string().optional() }).loose().optional(),
});

export const WorkspacePageSchema = z.object({
  data: z.array(
    z
      .object({
        attributes: z.object({ hostUrl: z.string().nullish(), type: z.string().optional() }).loose().optional(),
      })
      .loose(),
  ),
});

export interface ParsedList<T> {
  items: T[];
  /** Records that did not have the shape Relink needs: counted and described, never silently dropped. */
  rejected: { count: number; firstReason: string | null };
}

/** Parses each element on its own, so one odd record does not lose the whole page. */
export function parseEach<T>(schema: z.ZodType<T>, values: unknown[]): ParsedList<T> {
  const items: T[] = [];
  let count = 0;
  let firstReason: string | null = null;
  for (const value of values) {
    const parsed = schema.safeParse(value);
    if (parsed.success) items.push(parsed.data);
    else {
      count++;
      firstReason ??= parsed.error.issues.map((i) => `${i.path.join('.') || 'record'}: ${i.message}`).join('; ');
    }
  }
  return { items, rejected: { count, firstReason } };
}
