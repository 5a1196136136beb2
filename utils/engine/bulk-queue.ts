/**
 * How a bulk reactivation works its queue (utils/background/bulk.ts, and the bench): several users
 * at once, each one's steps in order. A user's steps wait on Atlassian's answers (a re-add, the
 * groups, the read-back: a round trip each), so one user at a time — with a pause between users, as
 * Relink did — leaves the rate limit mostly unused; the client's gate, shared by every call, keeps
 * the users together within it (utils/atlassian/http.ts), as it does for a scan.
 */

/** Users worked at once: enough round trips in flight to use a burst limit of 50/s at ~100 ms each. */
const BULK_CONCURRENCY = 8;

/**
 * Runs `work` on each item `next` hands out until it hands out none, `concurrency` at a time. `next`
 * is called synchronously by one worker at a time: it marks the item it hands out as taken.
 */
export async function workQueue<T>(
  next: () => T | undefined,
  work: (item: T) => Promise<void>,
  concurrency = BULK_CONCURRENCY,
): Promise<void> {
  const worker = async () => {
    for (let item = next(); item !== undefined; item = next()) await work(item);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
