/**
 * A page load's check for changes, for almost nothing: after a scan that listed every user, Relink
 * reads only Jira's audit log since its last read (one request when nothing changed) and reads
 * again the users its new records name, moving each between the counts and in or out of the
 * hidden list. What the log cannot answer — no scan yet, the log off, forbidden or failing, a log
 * that no longer reaches back to the last read (retention), a group deleted, more changes than a
 * listing costs — or a scan older than FULL_SCAN_EVERY_MS, is answered by a scan instead. Which
 * changes the log records is assumed in one place: utils/engine/audit-wording.ts.
 */
import type { JiraClient } from '../atlassian/jira-client';
import type { OrgClient } from '../atlassian/org-client';
import { isAtlassianError } from '../atlassian/errors';
import type { DirectoryUser, JiraUser } from '../atlassian/schemas';
import type { HiddenUser, ScanResult, SiteRecords, SnapshotStore } from '../domain/records';
import { classify } from './classify';
import { mapLimit } from './concurrency';
import { recordsStep } from './records-step';
import { noLogChanges, readJiraAudit, readOrgEvents, type LogChanges } from './site-records';
import { recall, remember } from './snapshots';

/**
 * A page load lists every user again at most this often: what the audit log does not record
 * (accounts deactivated or closed, access suspended or restored) shows by then.
 */
export const FULL_SCAN_EVERY_MS = 24 * 3_600_000;

/**
 * Reading one user per change is cheaper than listing the site until about this share of its users
 * changed (a listing reads a page per 1,000 users and, per group, a page per 50 members).
 */
const REREAD_SHARE = 0.01;
const MIN_REREADS = 20;
/** Users read at once, and account ids per org directory request. */
const CONCURRENCY = 8;
const DIRECTORY_CHUNK = 100;

export interface RevalidateDeps {
  jira: JiraClient;
  org: OrgClient | null;
  /** The last result for the site: a scan, or a scan brought up to date before. */
  previous: ScanResult;
  /** Updated in place: groups seen on the users read again. */
  snapshots: SnapshotStore;
  /** Updated in place: read on from where the last read stopped. */
  records: SiteRecords;
  cloudId(): Promise<string>;
  now(): number;
  requestsSent(): number;
}

/** Why a scan must answer instead: `stale` asks for one that reuses nothing of the last. */
export type RescanReason =
  'no-scan' | 'stale' | 'log-unreadable' | 'log-cut-short' | 'log-gap' | 'group-deleted' | 'many-changes';

export type Revalidation = { kind: 'changes'; result: ScanResult } | { kind: 'rescan'; why: RescanReason };

const okRead = (records: SiteRecords) => records.jira.status === 'ok' || records.jira.status === 'empty';

/** Why the stored state cannot be brought up to date from the log alone, before reading it; null when it can. */
export function rescanReason(previous: ScanResult | null, records: SiteRecords, now: number): RescanReason | null {
  if (!previous) return 'no-scan';
  const listedAt = Date.parse(previous.listedAt ?? previous.startedAt);
  if (!(now - listedAt < FULL_SCAN_EVERY_MS)) return 'stale';
  if (!okRead(records)) return 'log-unreadable';
  return null;
}

export async function revalidateSite(deps: RevalidateDeps): Promise<Revalidation> {
  const { jira, org, previous, records } = deps;
  const started = deps.now();
  const requestsBefore = deps.requestsSent();
  const before = rescanReason(previous, records, started);
  if (before) return { kind: 'rescan', why: before };

  const readFrom = records.jira.through;
  const changes = noLogChanges();
  const cloudId = org ? await deps.cloudId().catch(() => null) : null;
  await Promise.all([
    readJiraAudit(jira, records, started, changes),
    org && cloudId ? readOrgEvents(org, records, { host: jira.host, cloudId }, started, changes) : 0,
  ]);
  const users = Object.values(previous.counts).reduce((a, b) => a + b, 0);
  const why: RescanReason | null = !okRead(records)
    ? 'log-unreadable'
    : !changes.complete
      ? 'log-cut-short'
      : readFrom !== null && !changes.metLastRead
        ? 'log-gap'
        : changes.groupDeleted
          ? 'group-deleted'
          : changes.users.size > Math.max(MIN_REREADS, users * REREAD_SHARE)
            ? 'many-changes'
            : null;
  if (why) return { kind: 'rescan', why };

  const result: ScanResult = {
    ...previous,
    kind: 'changes',
    listedAt: previous.listedAt ?? previous.startedAt,
    changedUsers: changes.users.size,
  };
  if (changes.users.size > 0) await applyChanges(deps, result, changes);
  const finished = deps.now();
  return {
    kind: 'changes',
    result: {
      ...result,
      startedAt: new Date(started).toISOString(),
      finishedAt: new Date(finished).toISOString(),
      durationMs: finished - started,
      requests: deps.requestsSent() - requestsBefore,
    },
  };
}

/**
 * The stored result once Relink has re-added a hidden user itself: off the list, counted active, and
 * marked so (`states`) for the check that will read that re-add's records; null if they were not listed.
 */
export function reactivated(result: ScanResult, accountId: string): ScanResult | null {
  if (!result.hidden.some((h) => h.accountId === accountId)) return null;
  const inactiveGroupCounts = { ...result.inactiveGroupCounts };
  Reflect.deleteProperty(inactiveGroupCounts, accountId);
  return {
    ...result,
    counts: {
      ...result.counts,
      hidden: Math.max(0, (result.counts.hidden ?? 1) - 1),
      active: (result.counts.active ?? 0) + 1,
    },
    hidden: result.hidden.filter((h) => h.accountId !== accountId),
    inactiveGroupCounts,
    states: { ...result.states, [accountId]: 'active' },
  };
}

/** Reads each named user again and moves them in `result` (a copy of the previous one). */
async function applyChanges(deps: RevalidateDeps, result: ScanResult, changes: LogChanges): Promise<void> {
  const { jira, org, snapshots } = deps;
  const ids = [...changes.users.keys()];
  const read = new Map<string, JiraUser | null>();
  await mapLimit(ids, CONCURRENCY, async (accountId) => {
    try {
      read.set(accountId, await jira.user(accountId, ['groups']));
    } catch (error) {
      // Gone from Atlassian altogether: out of every count.
      if (isAtlassianError(error) && error.kind === 'not-found') read.set(accountId, null);
      else throw error;
    }
  });
  let directory: Map<string, DirectoryUser> | undefined;
  if (org) {
    directory = new Map();
    for (let i = 0; i < ids.length; i += DIRECTORY_CHUNK) {
      const page = await org.directoryUsersPage(undefined, ids.slice(i, i + DIRECTORY_CHUNK));
      for (const u of page.users.items) directory.set(u.accountId, u);
    }
  }

  const hidden = new Map(result.hidden.map((h) => [h.accountId, h]));
  const counts = { ...result.counts };
  const inactiveGroupCounts = { ...result.inactiveGroupCounts };
  const states: Record<string, string> = { ...result.states };
  const day = new Date(deps.now()).toISOString().slice(0, 10);
  const reread: HiddenUser[] = [];
  const found = new Map<string, JiraUser>();
  const move = (from: string | null, to: string | null) => {
    if (from) counts[from] = Math.max(0, (counts[from] ?? 0) - 1);
    if (to) counts[to] = (counts[to] ?? 0) + 1;
  };

  for (const accountId of ids) {
    const user = read.get(accountId) ?? null;
    const person = user !== null && (user.accountType === 'atlassian' || user.accountType === 'missing');
    const kinds = changes.users.get(accountId) ?? new Set();
    // Where the last result counted them: hidden, a state it kept (an inactive one, or active for a user
    // Relink re-added), or else active — unless the log says they came to the site since, with no
    // removal before (a new user).
    const was: string | null = hidden.has(accountId)
      ? 'hidden'
      : (states[accountId] ??
        (user !== null && !person
          ? user.accountType
          : kinds.has('site-added') && !kinds.has('site-removed')
            ? null
            : 'active'));
    if (!user) {
      move(was, null);
      hidden.delete(accountId);
      Reflect.deleteProperty(states, accountId);
      Reflect.deleteProperty(inactiveGroupCounts, accountId);
      continue;
    }
    found.set(accountId, user);
    const groups = user.groups?.items ?? [];
    remember(snapshots, accountId, groups, day);
    const verdict = classify({
      user,
      groupCount: groups.length,
      directory: directory ? (directory.get(accountId) ?? null) : undefined,
    });
    move(was, verdict.state);
    if (person && !user.active) inactiveGroupCounts[accountId] = groups.length;
    else Reflect.deleteProperty(inactiveGroupCounts, accountId);
    if (person && !user.active && verdict.state !== 'hidden') states[accountId] = verdict.state;
    else Reflect.deleteProperty(states, accountId);
    if (verdict.state !== 'hidden') {
      hidden.delete(accountId);
      continue;
    }
    const memory = recall(snapshots, accountId);
    const entry: HiddenUser = {
      accountId,
      displayName: user.displayName,
      email: user.emailAddress ?? directory?.get(accountId)?.email ?? null,
      avatarUrl: user.avatarUrls?.['48x48'] ?? null,
      reason: verdict.reason,
      certainty: verdict.certainty,
      rememberedGroups: memory.groups,
      rememberedAt: memory.seenOn,
    };
    hidden.set(accountId, entry);
    reread.push(entry);
  }

  // What the records say the newly hidden had, from the digest just read on (no second read); someone
  // active again needs no history.
  if (reread.length > 0)
    await recordsStep({
      jira,
      org,
      records: deps.records,
      cloudId: () => deps.cloudId(),
      now: () => deps.now(),
      fresh: true,
    })({
      hidden: reread,
      users: found,
      groups: [],
    });
  else for (const [accountId, user] of found) if (user.active) Reflect.deleteProperty(deps.records.users, accountId);
  for (const [state, n] of Object.entries(counts)) if (n === 0) Reflect.deleteProperty(counts, state);
  Object.assign(result, {
    hidden: [...hidden.values()].sort((a, b) => a.displayName.localeCompare(b.displayName)),
    counts,
    inactiveGroupCounts,
    states,
  });
}
