/**
 * The records Relink keeps and passes around, as zod schemas: the engine builds them, storage
 * keeps them, the protocol carries them. Read back through these schemas, stored data from an
 * older version or a broken write is refused, not trusted.
 */
import { z } from 'zod';

const GroupSchema = z.object({ groupId: z.string(), name: z.string() });

const HiddenUserSchema = z.object({
  accountId: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  reason: z.string(),
  certainty: z.enum(['certain', 'likely', 'unsure']),
  /** Groups Relink remembers this user had (from an earlier snapshot), with when it saw them. */
  rememberedGroups: z.array(GroupSchema),
  rememberedAt: z.string().nullable(),
});
export type HiddenUser = z.infer<typeof HiddenUserSchema>;

export const ScanResultSchema = z.object({
  version: z.literal(1),
  host: z.string(),
  cloudId: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string(),
  durationMs: z.number(),
  requests: z.number().int(),
  strategy: z.enum(['per-user', 'per-group', 'org-directory']),
  counts: z.record(z.string(), z.number().int()),
  hidden: z.array(HiddenUserSchema),
  /** Records Atlassian sent in a shape Relink could not use. */
  rejectedRecords: z.number().int(),
  /**
   * Inactive people and how many site groups they were in, so a rescan need not read them again:
   * an inactive user's groups do not come back without re-adding them (which makes them active).
   */
  inactiveGroupCounts: z.record(z.string(), z.number().int().nonnegative()),
  /** Inactive users whose verdict came from the previous scan instead of a fresh read. */
  reusedVerdicts: z.number().int().nonnegative(),
  warnings: z.array(z.string()),
});
export type ScanResult = z.infer<typeof ScanResultSchema>;

/**
 * Group snapshots, compact: group ids once, then per user the indexes of their groups and the
 * day Relink saw them. A user seen later with no groups keeps their last snapshot: that is what
 * lets a removal be undone.
 */
export const SnapshotStoreSchema = z.object({
  groups: z.array(GroupSchema),
  members: z.record(z.string(), z.tuple([z.array(z.number().int().nonnegative()), z.string()])),
});
export type SnapshotStore = z.infer<typeof SnapshotStoreSchema>;

/** Where a scan stands, kept so that a stopped worker's scan is reported, not forgotten. */
export const ScanStateSchema = z.object({
  status: z.enum(['running', 'done', 'failed', 'interrupted']),
  startedAt: z.string(),
  detail: z.string(),
});
export type ScanState = z.infer<typeof ScanStateSchema>;

const BulkItemSchema = z.object({
  accountId: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  status: z.enum(['pending', 'running', 'done', 'partly-done', 'not-done', 'needs-input', 'refused', 'interrupted']),
  message: z.string().nullable(),
});
export type BulkItem = z.infer<typeof BulkItemSchema>;

export const BulkJobSchema = z.object({
  id: z.string(),
  site: z.string(),
  createdAt: z.string(),
  state: z.enum(['running', 'finished']),
  products: z.array(z.string()).nullable(),
  items: z.array(BulkItemSchema),
});
export type BulkJob = z.infer<typeof BulkJobSchema>;

export const SettingsSchema = z.object({
  /** Site hosts the admin added or visited with Relink installed (`acme.atlassian.net`). */
  knownSites: z.array(z.string()),
});

/** How Relink authenticates. Secrets: background only, never sent to a page (see AuthPublic). */
export const AuthSettingsSchema = z.object({
  mode: z.enum(['session', 'api-token']),
  email: z.string().nullable(),
  apiToken: z.string().nullable(),
  /** The sites the admin chose, in Options, to send the token to; every other site gets the browser session. */
  tokenSites: z.array(z.string()).default([]),
  orgId: z.string().nullable(),
  orgKey: z.string().nullable(),
});
export type AuthSettings = z.infer<typeof AuthSettingsSchema>;

export interface AuthPublic {
  mode: AuthSettings['mode'];
  email: string | null;
  hasApiToken: boolean;
  tokenSites: string[];
  orgId: string | null;
  hasOrgKey: boolean;
}

export function publicAuth(auth: AuthSettings): AuthPublic {
  return {
    mode: auth.mode,
    email: auth.email,
    hasApiToken: Boolean(auth.apiToken),
    tokenSites: auth.tokenSites,
    orgId: auth.orgId,
    hasOrgKey: Boolean(auth.orgKey),
  };
}
