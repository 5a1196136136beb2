/**
 * How long to wait before retrying a rate-limited or unavailable call (docs/atlassian.md §3 Rate limits):
 * Retry-After when given (seconds or an HTTP date), else X-RateLimit-Reset, else exponential
 * backoff with full jitter. A small margin keeps Relink from arriving early, which Atlassian
 * punishes with a longer wait.
 */
export const ARRIVE_LATE_MS = 100;
const BASE_MS = 500;
const CAP_MS = 30_000;

export interface HeaderSource {
  get(name: string): string | null;
}

export function retryDelayMs(attempt: number, headers: HeaderSource | null, now: number, random: () => number): number {
  const retryAfter = headers?.get('retry-after');
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, 5 * 60_000) + ARRIVE_LATE_MS;
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - now) + ARRIVE_LATE_MS;
  }
  const reset = headers?.get('x-ratelimit-reset');
  if (reset) {
    const at = Date.parse(reset);
    if (!Number.isNaN(at) && at > now) return at - now + ARRIVE_LATE_MS;
  }
  const ceiling = Math.min(CAP_MS, BASE_MS * 2 ** attempt);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
