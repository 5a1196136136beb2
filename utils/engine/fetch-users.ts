/**
 * Every user a site knows, from GET /users/search: page until an empty page, de-duplicated by
 * accountId (pages can repeat users), with smaller pages after a 409 (the query ran past 10 s).
 *
 * Pages advance by what came back, never by what was asked: Jira may serve fewer records than
 * maxResults (docs/atlassian.md §8). The page size the site serves is learned from the first pages
 * — a page followed by more records was a full one — and only then are pages fetched a few at a time.
 */
import type { JiraClient } from '../atlassian/jira-client';
import { isAtlassianError } from '../atlassian/errors';
import type { JiraUser, ParsedList } from '../atlassian/schemas';

export interface FetchUsersOptions {
  pageSize?: number;
  concurrency?: number;
  onPage?(usersSoFar: number): void;
}

export interface FetchedUsers {
  users: Map<string, JiraUser>;
  duplicates: number;
  rejected: { count: number; firstReason: string | null };
  /** The page size asked for, and the one the site served (null: one page held everyone). */
  pageSize: { asked: number; served: number | null };
}

const MIN_PAGE = 50;

export async function fetchAllUsers(client: JiraClient, options: FetchUsersOptions = {}): Promise<FetchedUsers> {
  let asked = options.pageSize ?? 1000;
  const concurrency = options.concurrency ?? 3;
  const users = new Map<string, JiraUser>();
  const rejected = { count: 0, firstReason: null as string | null };
  let duplicates = 0;
  /** Everything before `startAt` has been read. */
  let startAt = 0;
  /** The page size the site serves, once a page of it was followed by more records. */
  let served: number | null = null;
  /** The size of the last page read, while `served` is not known yet. */
  let previous = 0;
  let wave = 1;

  for (;;) {
    const step = served ?? asked;
    const starts = Array.from({ length: wave }, (_, i) => startAt + i * step);
    let pages: ParsedList<JiraUser>[];
    try {
      pages = await Promise.all(starts.map((s) => client.usersPage(s, Math.min(asked, step))));
    } catch (error) {
      if (isAtlassianError(error) && error.kind === 'slow-query' && asked > MIN_PAGE) {
        asked = Math.max(MIN_PAGE, Math.floor(asked / 2));
        if (served !== null) served = Math.min(served, asked);
        wave = 1;
        continue;
      }
      throw error;
    }
    for (const page of pages) {
      rejected.count += page.rejected.count;
      rejected.firstReason ??= page.rejected.firstReason;
      for (const user of page.items) {
        if (users.has(user.accountId)) duplicates++;
        users.set(user.accountId, user);
      }
    }
    options.onPage?.(users.size);

    // Only a page that starts where the last one ended carries the run on; after a gap, read on from it.
    let ended = false;
    let short = false;
    for (const [i, page] of pages.entries()) {
      const count = page.items.length + page.rejected.count;
      if (short) {
        // A short page, then an empty one: the end. A record after a short page: read the gap again.
        ended = count === 0;
        break;
      }
      if (starts[i] !== startAt) break;
      if (count === 0) {
        ended = true;
        break;
      }
      if (served === null && previous > 0) served = Math.min(asked, Math.max(previous, count));
      previous = count;
      startAt += count;
      if (count < (served ?? asked)) short = true;
    }
    if (ended) break;
    // A page as large as asked is a full one. Several pages at once only at a known page size, and
    // not when the end is near.
    if (served === null && previous >= asked) served = asked;
    wave = served !== null && !short ? concurrency : 1;
  }
  return { users, duplicates, rejected, pageSize: { asked, served } };
}
