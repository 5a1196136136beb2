/**
 * Who is in which group on a site, the cheaper of two ways (docs/atlassian.md §3):
 * per user — one GET /user?expand=groups for each inactive person; or
 * per group — every group's members, inactive ones included, 50 a page (which also snapshots
 * the groups of everyone, so a later removal can be undone).
 *
 * Pages end where Atlassian says `isLast`, not where `total` says (the spec calls it "the number
 * of items returned", and it has been seen short); groups without an id are read by name
 * (docs/atlassian.md §8).
 */
import type { JiraClient } from '../atlassian/jira-client';
import type { GroupRef } from '../atlassian/schemas';
import { mapLimit } from './concurrency';

export type GroupStrategy = 'per-user' | 'per-group';

/** Records Atlassian sent in a shape Relink could not use: counted, with the first reason. */
export interface Skipped {
  count: number;
  firstReason: string | null;
}

const PAGE = 50;

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

/**
 * Whether a page of a PageBean is the last: `isLast` when Atlassian says it, else `nextPage`, else a
 * page shorter than asked [assumed: Jira fills these pages up to the size asked, 50 at most].
 */
export function isLastPage(page: { isLast?: boolean; nextPage?: string }, size: number, asked: number): boolean {
  if (page.isLast !== undefined) return page.isLast;
  if (page.nextPage !== undefined) return false;
  return size < asked;
}

function skip(into: Skipped, from: Skipped): void {
  into.count += from.count;
  into.firstReason ??= from.firstReason;
}

/** Every group of the site; a group whose record Relink cannot read is counted in `skipped`. */
export async function listGroups(client: JiraClient): Promise<{ groups: GroupRef[]; skipped: Skipped }> {
  const groups: GroupRef[] = [];
  const skipped: Skipped = { count: 0, firstReason: null };
  for (let startAt = 0; ;) {
    const page = await client.groupsPage(startAt, PAGE);
    groups.push(...page.groups.items);
    skip(skipped, page.groups.rejected);
    const size = page.values.length;
    if (size === 0 || isLastPage(page, size, PAGE)) return { groups, skipped };
    startAt += size;
  }
}

const keyOf = (group: GroupRef) => group.groupId ?? `name:${group.name}`;

/**
 * accountId → groups, for every member of every group. Each group's first page tells its size,
 * so the pages it announces join the same pool at once instead of being fetched one after
 * another; whether there is more is still each page's `isLast`.
 */
export async function membershipsByGroup(
  client: JiraClient,
  groups: GroupRef[],
  concurrency: number,
): Promise<{ byUser: Map<string, GroupRef[]>; skipped: Skipped }> {
  const byUser = new Map<string, GroupRef[]>();
  const skipped: Skipped = { count: 0, firstReason: null };
  const queued = new Set<string>();
  const queue: { group: GroupRef; startAt: number }[] = [];
  const enqueue = (group: GroupRef, startAt: number) => {
    const key = `${keyOf(group)}@${startAt}`;
    if (queued.has(key)) return;
    queued.add(key);
    queue.push({ group, startAt });
  };
  for (const group of groups) enqueue(group, 0);
  const record = (group: GroupRef, accountIds: string[]) => {
    for (const accountId of accountIds) {
      const list = byUser.get(accountId) ?? [];
      if (!list.some((g) => keyOf(g) === keyOf(group))) list.push({ name: group.name, groupId: group.groupId });
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
  const fetchPage = async ({ group, startAt }: { group: GroupRef; startAt: number }) => {
    const page = await client.groupMembersPage(group, startAt, PAGE);
    record(
      group,
      page.members.items.map((m) => m.accountId),
    );
    skip(skipped, page.members.rejected);
    const size = page.values.length;
    if (size === 0 || isLastPage(page, size, PAGE)) return;
    if (startAt === 0 && page.total !== undefined)
      for (let next = size; next < page.total; next += size) enqueue(group, next);
    enqueue(group, startAt + size);
  };
  // A worker with nothing to do waits while others still fetch: their pages may queue more.
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { byUser, skipped };
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
