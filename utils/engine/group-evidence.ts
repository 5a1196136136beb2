/**
 * Who is in which group on a site, the cheaper of two ways (docs/atlassian.md §3):
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

function estimateCosts(input: { inactivePeople: number; people: number; groups: number }) {
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
  for (let startAt = 0; ;) {
    const page = await client.groupsPage(startAt);
    groups.push(...page.values);
    if (page.isLast || page.values.length === 0) return groups;
    startAt += page.values.length;
  }
}

/**
 * accountId → groups, for every member of every group. Each group's first page tells its size,
 * so its other pages join the same pool at once instead of being fetched one after another.
 */
export async function membershipsByGroup(
  client: JiraClient,
  groups: (GroupRef & { groupId: string })[],
  concurrency: number,
): Promise<Map<string, GroupRef[]>> {
  const byUser = new Map<string, GroupRef[]>();
  const queue: { group: GroupRef & { groupId: string }; startAt: number }[] = groups.map((group) => ({
    group,
    startAt: 0,
  }));
  const record = (group: GroupRef & { groupId: string }, accountIds: string[]) => {
    for (const accountId of accountIds) {
      const list = byUser.get(accountId) ?? [];
      if (!list.some((g) => g.groupId === group.groupId)) list.push({ name: group.name, groupId: group.groupId });
      byUser.set(accountId, list);
    }
  };
  let active = 0;
  const idle: (() => void)[] = [];
  const wakeAll = () => idle.splice(0).forEach((wake) => wake());
  const worker = async (): Promise<void> => {
    for (;;) {
      const item = queue.shift();
      if (!item) {
        if (active === 0) {
          wakeAll();
          return;
        }
        await new Promise<void>((resolve) => idle.push(resolve));
        continue;
      }
      active++;
      try {
        await fetchPage(item);
      } finally {
        active--;
        wakeAll();
      }
    }
  };
  const fetchPage = async ({ group, startAt }: { group: GroupRef & { groupId: string }; startAt: number }) => {
    const page = await client.groupMembersPage(group.groupId, startAt);
    record(
      group,
      page.members.items.map((m) => m.accountId),
    );
    const size = page.values.length;
    if (page.isLast || size === 0) return;
    if (startAt === 0 && page.total !== undefined) {
      for (let next = size; next < page.total; next += size) queue.push({ group, startAt: next });
    } else if (page.total === undefined) {
      queue.push({ group, startAt: startAt + size }); // no total given: walk on page by page
    }
  };
  // A worker with nothing to do waits while others still fetch: their pages may queue more.
  await Promise.all(Array.from({ length: concurrency }, worker));
  return byUser;
}

/** accountId → groups, for the given users only. */
export async function membershipsByUser(
  client: JiraClient,
  accountIds: string[],
  concurrency: number,
): Promise<Map<string, GroupRef[]>> {
  const byUser = new Map<string, GroupRef[]>();
  await mapLimit(accountIds, concurrency, async (accountId) => {
    const user = await client.user(accountId, ['groups']);
    byUser.set(accountId, user.groups?.items ?? []);
  });
  return byUser;
}
