/**
 * The scan's last step (docs/atlassian.md §9): for every hidden user at once, what Atlassian's
 * records say they had and who removed them. Reads the site's products and the Jira audit log
 * (once, incrementally), with an org key the org's event log and, for those still without
 * products, their last-active dates; then proposes each user's groups and products with their
 * sources, and says on the row who removed them and when. Nothing here fails the scan: a source
 * that cannot be read says why in the proposal's notes.
 */
import type { JiraClient } from '../atlassian/jira-client';
import type { OrgClient } from '../atlassian/org-client';
import type { GroupRef } from '../atlassian/schemas';
import type { HiddenUser, SiteRecords, UserRecords } from '../domain/records';
import type { SiteProduct } from './plan';
import { readActivity, readJiraAudit, readOrgEvents } from './site-records';
import { propose, removalSentence } from './what-they-had';

export interface RecordsStepDeps {
  jira: JiraClient;
  /** Only for an org that owns the site (clientsFor gives one only then). */
  org: OrgClient | null;
  /** The stored digest, read on from where it stopped and updated in place. */
  records: SiteRecords;
  /** The site's cloudId, which the org's records name sites by. */
  cloudId(): Promise<string>;
  now(): number;
  /** The site's products, when the caller has read them already (null: may not be read). */
  siteProducts?: SiteProduct[] | null;
  /** The stored digest is recent: propose from it without reading the logs again. */
  fresh?: boolean;
  /** The logs and products were read already, or are being read (prefetchRecords): wait for that instead. */
  prefetched?: RecordsPrefetch;
}

/** What the records step reads that does not depend on the scan's users, on its way. */
export interface RecordsPrefetch {
  products: Promise<SiteProduct[] | null>;
  logs: Promise<void>;
}

/**
 * Starts reading the logs (from where the last read stopped) and the site's products at once: a
 * scan calls it before it lists the users, so these reads overlap the listing instead of following
 * the last member page. A change the log records while the scan runs is read at the next page load.
 */
export function prefetchRecords(deps: Omit<RecordsStepDeps, 'fresh' | 'prefetched'>): RecordsPrefetch {
  const { jira, org, records } = deps;
  const products =
    deps.siteProducts !== undefined ? Promise.resolve(deps.siteProducts) : siteProductsOf(jira).catch(() => null);
  const logs = (async () => {
    const cloudId = org ? await deps.cloudId().catch(() => null) : null;
    await Promise.all([
      readJiraAudit(jira, records, deps.now()),
      org && cloudId ? readOrgEvents(org, records, { host: jira.host, cloudId }, deps.now()) : 0,
    ]);
  })();
  return { products, logs };
}

export interface FoundUsers {
  /** The scan's hidden users: each gets its removal, proposal and reason here. */
  hidden: HiddenUser[];
  /** Everyone the site listed: authors of removals are usually among them. */
  users: Map<string, { displayName: string; active?: boolean }>;
  groups: GroupRef[];
}

/** The most authors Relink reads one by one when the site's user list does not name them. */
const MAX_AUTHOR_READS = 10;

export async function siteProductsOf(jira: JiraClient): Promise<SiteProduct[]> {
  return (await jira.applicationRoles()).map((r) => ({
    key: r.key,
    name: r.name ?? r.key,
    defaultGroups: r.defaultGroups ?? [],
    selectedByDefault: r.selectedByDefault ?? false,
  }));
}

/** A hook for scanSite (ScanDeps.records): reads the records and attaches them to the hidden users. */
export function recordsStep(deps: RecordsStepDeps) {
  return async (found: FoundUsers): Promise<void> => {
    const { jira, org, records } = deps;
    for (const g of found.groups) if (g.groupId) records.groupIds[g.name] = g.groupId;
    const cloudId = org ? await deps.cloudId().catch(() => null) : null;
    const { prefetched } = deps;
    const read = !prefetched && !deps.fresh && (found.hidden.length > 0 || records.jira.status === 'unread');
    const [siteProducts] = await Promise.all([
      prefetched
        ? prefetched.products
        : deps.siteProducts !== undefined
          ? deps.siteProducts
          : siteProductsOf(jira).catch(() => null),
      prefetched?.logs,
      read ? readJiraAudit(jira, records, deps.now()) : 0,
      read && org && cloudId ? readOrgEvents(org, records, { host: jira.host, cloudId }, deps.now()) : 0,
    ]);
    if (!org) records.org = { ...records.org, status: 'no-key' };
    await nameAuthors(jira, records, found.users);

    const proposeAll = () =>
      found.hidden.map((user) =>
        propose({
          site: jira.host,
          accountId: user.accountId,
          displayName: user.displayName,
          snapshot: { groups: user.rememberedGroups, seenOn: user.rememberedAt },
          records,
          siteProducts,
          hasOrgKey: org !== null,
        }),
      );
    let proposals = proposeAll();
    // Product activity is read per user: only for those no better source gave products.
    const lacking = found.hidden.filter((_, i) => {
      const kind = proposals[i]?.proposal.products[0]?.source.kind;
      return kind === undefined || kind === 'site-default' || kind === 'only-product';
    });
    if (org && cloudId && lacking.length > 0) {
      await readActivity(
        org,
        records,
        lacking.map((u) => u.accountId),
        cloudId,
        deps.now(),
      );
      proposals = proposeAll();
    }
    // Someone active on the site now needs no history: a later removal writes its own records, read then.
    for (const [accountId, user] of found.users) if (user.active) Reflect.deleteProperty(records.users, accountId);
    found.hidden.forEach((user, i) => {
      const made = proposals[i];
      if (!made) return;
      const { proposal, removal } = made;
      user.proposal = proposal;
      user.removal = removal;
      if (removal) user.reason = `${removalSentence(jira.host, removal)}. ${cap(user.reason)}`;
    });
  };
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Gives removals their author's name: from the site's users, else one read per unknown author. */
async function nameAuthors(
  jira: JiraClient,
  records: SiteRecords,
  users: Map<string, { displayName: string }>,
): Promise<void> {
  type Named = NonNullable<UserRecords['removed']> & { byId: string };
  const unnamed = Object.values(records.users)
    .map((u) => u.removed)
    .filter((r): r is Named => r !== null && r.byId !== null && r.byName === null);
  // Names the digest already gave other removals by the same author (a check for changes lists no one).
  const named = new Map<string, string>();
  for (const { removed } of Object.values(records.users))
    if (removed?.byId && removed.byName) named.set(removed.byId, removed.byName);
  for (const removal of unnamed)
    removal.byName = users.get(removal.byId)?.displayName ?? named.get(removal.byId) ?? null;
  const unknown = [...new Set(unnamed.filter((r) => r.byName === null).map((r) => r.byId))];
  const names = new Map<string, string>();
  for (const id of unknown.slice(0, MAX_AUTHOR_READS)) {
    const user = await jira.user(id, []).catch(() => null);
    if (user?.displayName) names.set(id, user.displayName);
  }
  for (const removal of unnamed) removal.byName ??= names.get(removal.byId) ?? null;
}
