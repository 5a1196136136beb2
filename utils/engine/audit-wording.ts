/**
 * Every assumption Relink makes about the wording of Atlassian's records, in one place
 * (docs/atlassian.md §9 and its assumptions table). None of it is documented: the spec describes
 * the audit log's fields, not what Jira Cloud writes in them, and the org's event actions are only
 * listed by a live API. Each entry is [assumed] until a real site's records confirm it; change it
 * here, and the simulator's copy (tests/sim/world/records.ts), when one does not.
 */

/** What a record tells about a user. */
export type AuditKind = 'group-removed' | 'group-added' | 'site-removed' | 'site-added';

/**
 * [assumed] The summaries Jira Cloud writes, by kind (compared case-insensitively). "User added to
 * group" and the category "group management" are the spec's own examples; the rest is our reading.
 */
const SUMMARIES: Record<AuditKind, string[]> = {
  'group-removed': ['User removed from group'],
  'group-added': ['User added to group'],
  'site-removed': ['User removed from site', 'User deleted', 'User removed from the site'],
  'site-added': ['User added to site', 'User created', 'User invited'],
};

export function auditKindOf(summary: string): AuditKind | null {
  const wanted = summary.trim().toLowerCase();
  for (const [kind, summaries] of Object.entries(SUMMARIES) as [AuditKind, string[]][])
    if (summaries.some((s) => s.toLowerCase() === wanted)) return kind;
  return null;
}

/*
 * [assumed] Which changes Jira's audit log records — what a page load's revalidation rests on when
 * it reads only the log since the last scan and rereads the users it names (utils/engine/revalidate.ts):
 * - a removal from the site, through the admin pages or the REST API (`DELETE /rest/api/3/user`,
 *   the "deleted through the API" users Relink exists for), with the user as the record's object;
 * - a re-add or an invitation (`POST /rest/api/3/user`, the page's own invite), the same way;
 * - every group membership change, with the user as object and the group associated;
 * - a group deleted, with the group as object: its members lose it without a record each.
 * Not there, and found by the full scan a page load makes at most every FULL_SCAN_EVERY_MS: an
 * account deactivated, closed or erased, access suspended or restored (org-level changes), and a
 * record's other fields (name, email). A log that does not reach back to the last read (retention,
 * or `from` not inclusive) is seen as such, and answered by a full scan.
 * The simulator can leave each kind out of its log: `auditLog.unrecorded` (tests/sim/http/faults-schema.ts).
 */

/** [assumed] What Jira writes when a group is deleted (the group the record's object). */
const GROUP_DELETED = ['Group deleted', 'Group removed'];
export const isGroupDeletion = (summary: string): boolean =>
  GROUP_DELETED.some((s) => s.toLowerCase() === summary.trim().toLowerCase());

/**
 * [assumed] The `filter` Relink reads the log with: one term every record it wants shares. The
 * spec's examples put membership changes in "group management" and user changes in "user
 * management"; the term is lower case because whether matching ignores case is not documented.
 */
export const AUDIT_FILTER = 'management';

/** [assumed] The object of these records is the user (typeName USER, account id in `id`), the group an associated item. */
export const AUDIT_USER_TYPE = 'USER';
export const AUDIT_GROUP_TYPE = 'GROUP';

/**
 * [assumed] A removal writes its group removals within this long of the site removal (a script may
 * take a while): groups the user left earlier than that were not theirs when they were removed.
 */
export const REMOVAL_WINDOW_MS = 10 * 60_000;

/**
 * [assumed] A 403 whose words say this means the log is off or not available on the site's plan, not
 * that the admin lacks a permission (the spec: "all Jira products are on free plans").
 */
const OFF_WORDS = /switched off|turned off|disabled|not enabled|paid plan|free plan/i;
export const auditLogIsOff = (serverSaid: string | null): boolean => OFF_WORDS.test(serverSaid ?? '');

/** [assumed] The org event action for the product access a site removal revoked. */
export const ORG_ACTION_PRODUCT_REVOKED = 'product_access_revoked';

/**
 * [assumed] How the org's records name Jira's products: last-active-dates spells Jira Service
 * Management `jira-service-desk` (its enum); the event log is taken to use Jira's own keys.
 */
const ORG_PRODUCT_KEYS: Record<string, string> = { 'jira-service-desk': 'jira-servicedesk' };
export const jiraProductKey = (orgKey: string): string => ORG_PRODUCT_KEYS[orgKey] ?? orgKey;

/** [assumed] In the org's records, a site is a container of type `sites` with the cloudId as id; a user a context of type `users`. */
export const ORG_SITE_TYPE = 'sites';
export const ORG_USER_TYPE = 'users';
export const ORG_PRODUCT_TYPE = 'products';
