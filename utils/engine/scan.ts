/**
 * A full scan of one site: every user, the group evidence, the org directory where a key is set,
 * a verdict for each, and the hidden users with what Relink remembers of them.
 */
import type { JiraClient } from '../atlassian/jira-client';
import type { OrgClient } from '../atlassian/org-client';
import type { DirectoryUser, GroupRef } from '../atlassian/schemas';
import type { ScanResult, SnapshotStore } from '../domain/records';
import { plural, t } from '../i18n';
import { classify, type UserState } from './classify';
import { fetchAllUsers } from './fetch-users';
import { chooseGroupStrategy, listGroups, membershipsByGroup, membershipsByUser } from './group-evidence';
import type { FoundUsers } from './records-step';
import { recall, remember } from './snapshots';

interface ScanProgress {
  phase: 'users' | 'groups' | 'directory' | 'done';
  detail: string;
}

export interface ScanDeps {
  jira: JiraClient;
  org: OrgClient | null;
  snapshots: SnapshotStore;
  now(): number;
  /** How many requests have been sent so far (the transport counts them). */
  requestsSent(): number;
  onProgress?(progress: ScanProgress): void;
  concurrency?: number;
  /** Overrides the cost-based choice (benchmarks and tests). */
  groupStrategy?: 'per-user' | 'per-group';
  /** The last scan of this site: its inactive users need not be read again. */
  previous?: ScanResult | null;
  /** What Atlassian's records say the hidden users had, and who removed them (records-step.ts). */
  records?: (found: FoundUsers) => Promise<void>;
  /** Called as each phase ends, for a timeline (the bench's). */
  phaseEnded?(phase: ScanPhase): void;
}

/** The phases of a scan, in the order they end (the group list ends while users are listed). */
export type ScanPhase = 'groups-listed' | 'users-listed' | 'directory' | 'memberships' | 'classified' | 'records';

export async function scanSite(deps: ScanDeps): Promise<ScanResult> {
  const { jira, snapshots } = deps;
  // Requests in flight: enough to use the rate limit whole at Atlassian's latency; the client's gate,
  // not this number, keeps them within it (utils/atlassian/http.ts).
  const concurrency = deps.concurrency ?? 8;
  const started = deps.now();
  const requestsBefore = deps.requestsSent();
  const warnings: string[] = [];

  deps.onProgress?.({ phase: 'users', detail: t('scan.listing') });
  // The group list does not depend on the users: fetch it meanwhile.
  const groupsListed = listGroups(jira);
  groupsListed.then(() => deps.phaseEnded?.('groups-listed')).catch(() => undefined);
  const fetched = await fetchAllUsers(jira, {
    concurrency: Math.min(concurrency, 4),
    onPage: (n) => deps.onProgress?.({ phase: 'users', detail: plural('scan.listed', n) }),
  });
  deps.phaseEnded?.('users-listed');
  if (fetched.duplicates > 0) warnings.push(plural('scanWarning.duplicates', fetched.duplicates, { host: jira.host }));
  if (fetched.rejected.count > 0)
    warnings.push(
      plural('scanWarning.rejectedUsers', fetched.rejected.count, { reason: String(fetched.rejected.firstReason) }),
    );
  const { asked, served } = fetched.pageSize;
  if (served !== null && served < asked) warnings.push(t('scanWarning.shortPages', { host: jira.host, served, asked }));
  const untyped = [...fetched.users.values()].filter((u) => u.accountType === 'missing').length;
  if (untyped > 0) warnings.push(plural('scanWarning.untyped', untyped));

  // A record without an account type may be a person: it is judged like one, for review (docs/atlassian.md §8).
  const isPerson = (u: { accountType: string }) => u.accountType === 'atlassian' || u.accountType === 'missing';
  const people = [...fetched.users.values()].filter((u) => isPerson(u) && u.accountId !== 'unknown');
  const inactivePeople = people.filter((u) => !u.active);

  let directory: Map<string, DirectoryUser> | undefined;
  if (deps.org) {
    deps.onProgress?.({ phase: 'directory', detail: t('scan.directory') });
    directory = new Map();
    let skipped = 0;
    for (let next: string | undefined, first = true; first || next; first = false) {
      const page = await deps.org.directoryUsersPage(next);
      for (const u of page.users.items) directory.set(u.accountId, u);
      skipped += page.users.rejected.count;
      next = page.next;
    }
    if (skipped > 0) warnings.push(plural('scanWarning.rejectedDirectory', skipped));
    deps.phaseEnded?.('directory');
  }

  deps.onProgress?.({ phase: 'groups', detail: t('scan.groups') });
  const { groups, skipped: groupsSkipped } = await groupsListed;
  if (groupsSkipped.count > 0)
    warnings.push(
      plural('scanWarning.rejectedGroups', groupsSkipped.count, { reason: String(groupsSkipped.firstReason) }),
    );
  const unnamed = groups.filter((g) => g.groupId === null).length;
  if (unnamed > 0) warnings.push(plural('scanWarning.unnamedGroups', unnamed, { host: jira.host }));
  const strategy =
    deps.groupStrategy ??
    chooseGroupStrategy({ inactivePeople: inactivePeople.length, people: people.length, groups: groups.length });
  const known = deps.previous?.inactiveGroupCounts ?? {};
  const toRead = inactivePeople.filter((u) => known[u.accountId] === undefined).map((u) => u.accountId);
  let groupsByUser: Map<string, GroupRef[]>;
  if (strategy === 'per-group') {
    const read = await membershipsByGroup(jira, groups, concurrency);
    groupsByUser = read.byUser;
    if (read.skipped.count > 0)
      warnings.push(
        plural('scanWarning.rejectedMembers', read.skipped.count, { reason: String(read.skipped.firstReason) }),
      );
  } else groupsByUser = await membershipsByUser(jira, toRead, concurrency);
  const reused = strategy === 'per-group' ? 0 : inactivePeople.length - toRead.length;
  deps.phaseEnded?.('memberships');

  const day = new Date(started).toISOString().slice(0, 10);
  const counts: Partial<Record<UserState, number>> = {};
  const hidden: ScanResult['hidden'] = [];
  const inactiveGroupCounts: Record<string, number> = {};
  const states: Record<string, UserState> = {};
  for (const user of fetched.users.values()) {
    const read = groupsByUser.get(user.accountId);
    if (read) remember(snapshots, user.accountId, read, day);
    const groupCount = read?.length ?? (strategy === 'per-group' || user.active ? 0 : (known[user.accountId] ?? null));
    if (!user.active && isPerson(user) && groupCount !== null) inactiveGroupCounts[user.accountId] = groupCount;
    const verdict = classify({
      user,
      groupCount,
      directory: directory ? (directory.get(user.accountId) ?? null) : undefined,
    });
    counts[verdict.state] = (counts[verdict.state] ?? 0) + 1;
    if (!user.active && isPerson(user) && verdict.state !== 'hidden') states[user.accountId] = verdict.state;
    if (verdict.state !== 'hidden') continue;
    const memory = recall(snapshots, user.accountId);
    hidden.push({
      accountId: user.accountId,
      displayName: user.displayName,
      email: user.emailAddress ?? directory?.get(user.accountId)?.email ?? null,
      avatarUrl: user.avatarUrls?.['48x48'] ?? null,
      reason: verdict.reason,
      certainty: verdict.certainty,
      rememberedGroups: memory.groups,
      rememberedAt: memory.seenOn,
    });
  }
  hidden.sort((a, b) => a.displayName.localeCompare(b.displayName));
  deps.phaseEnded?.('classified');
  if (deps.records) {
    deps.onProgress?.({ phase: 'groups', detail: t('scan.records') });
    await deps.records({ hidden, users: fetched.users, groups });
    deps.phaseEnded?.('records');
  }
  deps.onProgress?.({ phase: 'done', detail: plural('scan.found', hidden.length) });

  const finished = deps.now();
  return {
    version: 1,
    host: jira.host,
    cloudId: null,
    startedAt: new Date(started).toISOString(),
    finishedAt: new Date(finished).toISOString(),
    durationMs: finished - started,
    requests: deps.requestsSent() - requestsBefore,
    strategy: deps.org ? 'org-directory' : strategy,
    counts,
    hidden,
    rejectedRecords: fetched.rejected.count,
    inactiveGroupCounts,
    reusedVerdicts: reused,
    warnings,
    kind: 'scan',
    listedAt: new Date(started).toISOString(),
    states,
  };
}
