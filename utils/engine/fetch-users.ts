/**
 * Every user a site knows, from GET /users/search: page until an empty page, de-duplicated by
 * accountId (pages can repeat users), with smaller pages after a 409 (the query ran past 10 s).
 *
 * Pages advance by what came back, never by what was asked: Jira may serve fewer records than
 * maxResults (docs/atlassian.md §8). The page size the site serves is learned from the first pages
 * — a page followed by more records was a full one — and only then are several pages asked for at
 * once, a window that slides on as each comes back (the client's gate keeps them within the rate limit).
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

type Answer = { ok: true; page: ParsedList<JiraUser> } | { ok: false; error: unknown };

export async function fetchAllUsers(client: JiraClient, options: FetchUsersOptions = {}): Promise<FetchedUsers> {
  let asked = options.pageSize ?? 1000;
  const concurrency = options.concurrency ?? 4;
  const users = new Map<string, JiraUser>();
  const rejected = { count: 0, firstReason: null as string | null };
  let duplicates = 0;
  /** Everything before `startAt` has been read. */
  let startAt = 0;
  /** The page size the site serves, once a page of it was followed by more records. */
  let served: number | null = null;
  /** The size of the last page read, while `served` is not known yet. */
  let previous = 0;
  /**
   * Pages asked for and not read yet, by where they start: a window that slides on as each page
   * comes back (one at a time until the page size is known), so the next is always on its way.
   */
  let pending = new Map<number, Promise<Answer>>();
  let next = 0;
  let width = 1;
  const ask = (start: number, size: number): Promise<Answer> =>
    client.usersPage(start, size).then(
      (page) => ({ ok: true, page }),
      (error: unknown) => ({ ok: false, error }),
    );
  /** Reads on from `startAt`, dropping what was asked beyond it (their answers are let go). */
  const restart = (pages: number) => {
    pending = new Map();
    next = startAt;
    width = pages;
  };
  const fold = (page: ParsedList<JiraUser>) => {
    rejected.count += page.rejected.count;
    rejected.firstReason ??= page.rejected.firstReason;
    for (const user of page.items) {
      if (users.has(user.accountId)) duplicates++;
      users.set(user.accountId, user);
    }
    options.onPage?.(users.size);
    return page.items.length + page.rejected.count;
  };

  for (;;) {
    const step = served ?? asked;
    while (pending.size < width) {
      pending.set(next, ask(next, Math.min(asked, step)));
      next += step;
    }
    const asking = pending.get(startAt);
    // A page longer than the size learnt leaves the pages asked for out of step: read on from where it ended.
    if (!asking) {
      restart(width);
      continue;
    }
    const answer = await asking;
    pending.delete(startAt);
    if (!answer.ok) {
      const { error } = answer;
      if (isAtlassianError(error) && error.kind === 'slow-query' && asked > MIN_PAGE) {
        asked = Math.max(MIN_PAGE, Math.floor(asked / 2));
        if (served !== null) served = Math.min(served, asked);
        restart(1);
        continue;
      }
      throw error;
    }
    const count = fold(answer.page);
    if (count === 0) break;
    if (served === null && previous > 0) served = Math.min(asked, Math.max(previous, count));
    previous = count;
    const pageStart = startAt;
    startAt += count;
    if (count < (served ?? asked)) {
      // A short page, then an empty one: the end. A record after a short page: read the gap again.
      const after = pending.get(pageStart + step);
      if (after) {
        const following = await after;
        if (!following.ok) throw following.error;
        if (fold(following.page) === 0) break;
      }
      restart(1);
      continue;
    }
    // A page as large as asked is a full one. Several pages at once only at a known page size, one
    // more with each full page: a small site is not asked for pages far past its end.
    if (served === null && previous >= asked) served = asked;
    if (served !== null && width === 1) restart(Math.min(concurrency, 2));
    else if (served !== null) width = Math.min(concurrency, width + 1);
  }
  return { users, duplicates, rejected, pageSize: { asked, served } };
}
