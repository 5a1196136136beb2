/**
 * Who is in which group on a site, the cheaper of two ways (domain.md §3):
 * per user — one GET /user?expand=groups for each inactive person; or
 * per group — every group's members, inactive ones included, 50 a page (which also snapshots
 * the groups of everyone, so a later removal can be undone).
 */
import type { JiraClient } from '../atlassian/jira-client';
import type { GroupRef } from '../atlassian/schemas';
import { mapLimit } from './concurrency';

export type GroupStrategy = 'per-user' | 'per-group';

/** [assumed] Until Relink has paged a site's groups, it expects about two memberships per person. */
const ASSUMED_MEMBERSHIPS_PER_PERSON = 2;

export function estimateCosts(input: { inactivePeople: number; people: number; groups: number }) {
  const perUser = input.inactivePeople;
  const perGroup = input.groups + Math.ceil((input.people * ASSUMED_MEMBERSHIPS_PER_PERSON) / 50);
  return { perUser, perGroup };
}

export function chooseGroupStrategy(input: { inactivePeople: number; people: number; groups: number }): GroupStrategy {
  const { perUser, perGroup } = estimateCosts(input);
  return perGroup < perUser ? 'per-group' : 'per-user';
}

export async function listGroups(client: JiraClient): Promise<(GroupRef & { groupId: string })[]> {
  const groups: (GroupRef & { groupId: string })[] = [];
  for (let startAt = 0; ; ) {
    const page = await client.groupsPage(startAt);
    groups.push(...page.values);
    if (page.isLast || page.values.length === 0) return groups;
    startAt += page.values.length;
  }
}

/** accountId → groups, for every member of every group. */
export async function membershipsByGroup(client: JiraClient, groups: (GroupRef & { groupId: string })[], concurrency: number): Promise<Map<string, GroupRef[]>> {
  const byUser = new Map<string, GroupRef[]>();
  await mapLimit(groups, concurrency, async (group) => {
    for (let startAt = 0; ; ) {
      const page = await client.groupMembersPage(group.groupId, startAt);
      for (const member of page.members.items) {
        const list = byUser.get(member.accountId) ?? [];
        if (!list.some((g) => g.groupId === group.groupId)) list.push({ name: group.name, groupId: group.groupId });
        byUser.set(member.accountId, list);
      }
      const seen = page.values.length;
      if (page.isLast || seen === 0) return;
      startAt += seen;
    }
  });
  return byUser;
}

/** accountId → groups, for the given users only. */
export async function membershipsByUser(client: JiraClient, accountIds: string[], concurrency: number): Promise<Map<string, GroupRef[]>> {
  const byUser = new Map<string, GroupRef[]>();
  await mapLimit(accountIds, concurrency, async (accountId) => {
    const user = await client.user(accountId, ['groups']);
    byUser.set(accountId, user.groups?.items ?? []);
  });
  return byUser;
}
