/**
 * Every user a site knows, from GET /users/search: page until an empty page, de-duplicated by
 * accountId (pages can repeat users), with smaller pages after a 409 (the query ran past 10 s).
 * After the first full page, pages are fetched a few at a time.
 */
import type { JiraClient } from '../atlassian/jira-client';
import { isAtlassianError } from '../atlassian/errors';
import type { JiraUser } from '../atlassian/schemas';

export interface FetchUsersOptions {
  pageSize?: number;
  concurrency?: number;
  onPage?(usersSoFar: number): void;
}

export interface FetchedUsers {
  users: Map<string, JiraUser>;
  duplicates: number;
  rejected: { count: number; firstReason: string | null };
}

const MIN_PAGE = 50;

export async function fetchAllUsers(client: JiraClient, options: FetchUsersOptions = {}): Promise<FetchedUsers> {
  let pageSize = options.pageSize ?? 1000;
  const concurrency = options.concurrency ?? 3;
  const users = new Map<string, JiraUser>();
  const rejected = { count: 0, firstReason: null as string | null };
  let duplicates = 0;
  let startAt = 0;
  let wave = 1;

  for (;;) {
    const starts = Array.from({ length: wave }, (_, i) => startAt + i * pageSize);
    let pages;
    try {
      pages = await Promise.all(starts.map((s) => client.usersPage(s, pageSize)));
    } catch (error) {
      if (isAtlassianError(error) && error.kind === 'slow-query' && pageSize > MIN_PAGE) {
        pageSize = Math.max(MIN_PAGE, Math.floor(pageSize / 2));
        wave = 1;
        continue;
      }
      throw error;
    }
    let ended = false;
    for (const page of pages) {
      rejected.count += page.rejected.count;
      rejected.firstReason ??= page.rejected.firstReason;
      for (const user of page.items) {
        if (users.has(user.accountId)) duplicates++;
        users.set(user.accountId, user);
      }
      if (page.items.length + page.rejected.count === 0) ended = true;
    }
    options.onPage?.(users.size);
    if (ended) break;
    startAt += wave * pageSize;
    // A short page means the end is near: ask for the one page that should come back empty.
    const last = pages.at(-1);
    wave = last && last.items.length + last.rejected.count >= pageSize ? concurrency : 1;
  }
  return { users, duplicates, rejected };
}
