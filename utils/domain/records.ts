/**
 * The records Relink keeps and passes around, as zod schemas: the engine builds them, storage
 * keeps them, the protocol carries them. Read back through these schemas, stored data from an
 * older version or a broken write is refused, not trusted.
 */
import { z } from 'zod';

const GroupSchema = z.object({ groupId: z.string(), name: z.string() });

/**
 * Where something Relink proposes comes from, in order of trust (docs/atlassian.md §9): Relink's
 * own snapshot, Jira's audit log, the org's event log or product activity, the site's defaults,
 * or the admin. `label` is what the admin reads: "Jira audit log, Mar 4, 2026".
 */
const EvidenceSourceSchema = z.object({
  kind: z.enum(['snapshot', 'jira-audit', 'org-events', 'org-activity', 'site-default', 'only-product', 'admin']),
  at: z.string().nullable(),
  label: z.string(),
});
export type EvidenceSource = z.infer<typeof EvidenceSourceSchema>;

/** Who removed a user and when, as a record tells it. */
const RemovalSchema = z.object({
  at: z.string(),
  /** The author's display name, or their account id when Relink could not name them. */
  by: z.string().nullable(),
  /** The audit record's eventSource ("REST API"); null when it says nothing. */
  via: z.string().nullable(),
  source: EvidenceSourceSchema,
});
export type Removal = z.infer<typeof RemovalSchema>;

/** What a removed user had, by the most trusted source that tells, and what no source told. */
const ProposalSchema = z.object({
  groups: z.array(GroupSchema.extend({ source: EvidenceSourceSchema })),
  products: z.array(z.object({ key: z.string(), name: z.string().optional(), source: EvidenceSourceSchema })),
  /** Each source that was tried and told nothing, and why: Relink never guesses silently. */
  notes: z.array(z.string()),
});
export type Proposal = z.infer<typeof ProposalSchema>;

const HiddenUserSchema = z.object({
  accountId: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  /** Their avatar, as Atlassian gives it (`avatarUrls`), for the row (absent in scans from before). */
  avatarUrl: z.string().nullish(),
  reason: z.string(),
  certainty: z.enum(['certain', 'likely', 'unsure']),
  /** Groups Relink remembers this user had (from an earlier snapshot), with when it saw them. */
  rememberedGroups: z.array(GroupSchema),
  rememberedAt: z.string().nullable(),
  /** Who removed them and when, where Atlassian's records tell (absent in scans from before). */
  removal: RemovalSchema.nullish(),
  /** What reactivating them would give back, each with its source (absent in scans from before). */
  proposal: ProposalSchema.nullish(),
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
  /**
   * `scan`: every user listed; `changes`: the last scan brought up to date with the users the audit
   * log named since (utils/engine/revalidate.ts). Absent in results from before: a scan.
   */
  kind: z.enum(['scan', 'changes']).optional(),
  /** When the last scan that listed every user started (absent: this result's `startedAt`). */
  listedAt: z.string().optional(),
  /** The users a `changes` result read again. */
  changedUsers: z.number().int().nonnegative().optional(),
  /**
   * The state of each inactive person not found hidden (`UserState`), and `active` for a hidden user
   * Relink re-added since: where a user read again is counted now (absent in results from before).
   */
  states: z.record(z.string(), z.string()).optional(),
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

/**
 * What Atlassian's records say about a site's users, folded per user (docs/atlassian.md §9): read
 * once per site, then incrementally from where the last read stopped. Times are ISO 8601 (UTC).
 */
const UserRecordsSchema = z.object({
  /** The latest removal from the site; null when a later re-add cancels it or no record tells. */
  removed: z
    .object({
      at: z.string(),
      byId: z.string().nullable(),
      byName: z.string().nullable(),
      via: z.string().nullable(),
      from: z.enum(['jira-audit', 'org-events']),
    })
    .nullable(),
  /** Per group name: the latest membership change and when. */
  groups: z.record(z.string(), z.tuple([z.enum(['added', 'removed']), z.string()])),
  /** Products the org's records say they had on this site. */
  products: z.array(
    z.object({ key: z.string(), at: z.string().nullable(), from: z.enum(['org-events', 'org-activity']) }),
  ),
  /** When their last-active dates were read (they do not change after a removal): read once. */
  activityReadAt: z.string().nullable(),
});
export type UserRecords = z.infer<typeof UserRecordsSchema>;

const ReadStateSchema = z.object({
  status: z.enum(['unread', 'ok', 'empty', 'off', 'forbidden', 'failed', 'no-key']),
  /** The server's words or the error, for the admin. */
  detail: z.string().nullable(),
  readAt: z.string().nullable(),
  /** Where the next read starts: the newest record's time as the source wrote it, and its ids there. */
  through: z.string().nullable(),
  throughIds: z.array(z.string()),
  /** The oldest record Relink ever read: how far back the log reaches. */
  reach: z.string().nullable(),
});
export type ReadState = z.infer<typeof ReadStateSchema>;

export const SiteRecordsSchema = z.object({
  version: z.literal(1),
  jira: ReadStateSchema,
  org: ReadStateSchema,
  /** Group name → id, from the site's group list, to give back a group a record names. */
  groupIds: z.record(z.string(), z.string()),
  users: z.record(z.string(), UserRecordsSchema),
});
export type SiteRecords = z.infer<typeof SiteRecordsSchema>;

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
