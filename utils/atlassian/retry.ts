/**
 * How long to wait before retrying a rate-limited or unavailable call (docs/atlassian.md §3 Rate limits, §8):
 * Retry-After when given (seconds or an HTTP date), else X-RateLimit-Reset, else exponential
 * backoff with full jitter. A small margin keeps Relink from arriving early, which Atlassian
 * punishes with a longer wait.
 */
export const ARRIVE_LATE_MS = 100;
const BASE_MS = 500;
const CAP_MS = 30_000;
/** The shortest wait after a 429 that names none worth trusting (Retry-After: 0, a reset to the minute). */
const FLOOR_MS = 1000;
/** Relink waits at most this long for one retry; a longer wait is reported to the admin instead. */
export const MAX_WAIT_MS = 5 * 60_000;

export interface HeaderSource {
  get(name: string): string | null;
}

const seconds = (value: string | null | undefined): number | null => {
  if (value === null || value === undefined || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : null;
};

/**
 * X-RateLimit-Reset to the minute, as Atlassian documents it (`yyyy-MM-ddTHH:mmZ`): the reset lies somewhere in
 * that minute [assumed: truncated, not rounded].
 */
const MINUTE_PRECISION = /T\d\d:\d\d(?:Z|[+-]\d\d:?\d\d)$/;

/** A floor with jitter, doubling with each attempt: 1–2 s, 2–4 s, … */
function floorWithJitter(attempt: number, random: () => number): number {
  const floor = Math.min(CAP_MS, FLOOR_MS * 2 ** attempt);
  return Math.round(floor + random() * floor);
}

export function retryDelayMs(attempt: number, headers: HeaderSource | null, now: number, random: () => number): number {
  const retryAfter = headers?.get('retry-after');
  if (retryAfter) {
    const s = seconds(retryAfter);
    if (s !== null) {
      const ms = Math.min(s * 1000, MAX_WAIT_MS);
      // [assumed] `Retry-After: 0` on a refusal does not mean "now": coming back at once is an early retry.
      return ms >= FLOOR_MS ? ms + ARRIVE_LATE_MS : Math.max(ms + ARRIVE_LATE_MS, floorWithJitter(attempt, random));
    }
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - now) + ARRIVE_LATE_MS;
  }
  const reset = headers?.get('x-ratelimit-reset')?.trim();
  if (reset) {
    const at = Date.parse(reset);
    // To the minute, the reset is a lower bound, truncated: never the moment to come back.
    if (!Number.isNaN(at) && MINUTE_PRECISION.test(reset))
      return Math.max(at - now + ARRIVE_LATE_MS, floorWithJitter(attempt, random));
    if (!Number.isNaN(at) && at > now) return at - now + ARRIVE_LATE_MS;
  }
  const ceiling = Math.min(CAP_MS, BASE_MS * 2 ** attempt);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** The wait the server asked for, when it is longer than Relink waits (Retry-After of hours, or Long.MAX_VALUE). */
export function waitTooLong(headers: HeaderSource | null, now: number): number | null {
  const retryAfter = headers?.get('retry-after') ?? null;
  const s = seconds(retryAfter);
  const asked =
    s !== null
      ? s * 1000
      : retryAfter
        ? Date.parse(retryAfter) - now
        : Date.parse(headers?.get('x-ratelimit-reset') ?? '') - now;
  return Number.isFinite(asked) && asked > MAX_WAIT_MS ? asked : null;
}
