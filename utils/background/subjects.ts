/** Reading a user as they are now, with what Relink remembers of them. Queries: nothing here writes. */
import type { GroupRef } from '../atlassian/schemas';
import type { JiraClient } from '../atlassian/jira-client';
import type { OrgClient } from '../atlassian/org-client';
import { classify } from '../engine/classify';
import { listGroups } from '../engine/group-evidence';
import type { GroupTarget, SiteProduct, Subject } from '../engine/plan';
import { siteProductsOf } from '../engine/records-step';
import { recall } from '../engine/snapshots';
import { snapshotsItem } from '../storage/items';
import { clientsFor } from './clients';

export interface SubjectRead {
  subject: Subject;
  /** The groups the user is in now, as Atlassian answered: for the caller that writes snapshots. */
  groupsNow: GroupRef[];
  /** What Relink's snapshot remembers of them, whatever their groups now. */
  recalled: { groups: GroupTarget[]; seenOn: string | null };
}

export async function readSubject(
  site: string,
  accountId: string,
  jira: JiraClient,
  org: OrgClient | null,
): Promise<SubjectRead> {
  const [user, snapshots] = await Promise.all([jira.user(accountId, ['groups']), snapshotsItem(site).get()]);
  const groups = user.groups?.items ?? [];
  const directory = org
    ? ((await org.directoryUsersPage(undefined, [accountId])).users.items.find((u) => u.accountId === accountId) ??
      null)
    : undefined;
  const verdict = classify({ user, groupCount: groups.length, directory });
  // Groups seen just now count as remembered too: a user about to lose them can get them back.
  const recalled = recall(snapshots, accountId);
  const remembered = recalled.groups;
  const current = groups.filter((g): g is GroupTarget => g.groupId !== null);
  return {
    subject: {
      site,
      accountId,
      displayName: user.displayName,
      state: verdict.state,
      email: user.emailAddress ?? directory?.email ?? null,
      rememberedGroups: current.length > 0 ? current : remembered,
      currentGroups: current,
    },
    groupsNow: groups,
    recalled,
  };
}

export async function userSubject(site: string, accountId: string): Promise<Subject> {
  const { jira, org } = await clientsFor(site);
  return (await readSubject(site, accountId, jira, org)).subject;
}

export async function siteGroups(site: string): Promise<GroupTarget[]> {
  const { jira } = await clientsFor(site);
  // A group Atlassian gave no id cannot be changed by id: it is not offered (docs/atlassian.md §8).
  return (await listGroups(jira)).groups
    .filter((g): g is GroupTarget => g.groupId !== null)
    .map((g) => ({ groupId: g.groupId, name: g.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export const siteProducts = (jira: JiraClient): Promise<SiteProduct[]> => siteProductsOf(jira);
