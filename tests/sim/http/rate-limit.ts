/**
 * A burst rate limit, shaped like Jira Cloud's (docs/atlassian.md §3 Rate limits): a token bucket
 * per key (host and caller, or also method and path: the switch `scope`); beyond it 429 with
 * Retry-After (whole seconds) and X-RateLimit-* headers. A request that comes back before
 * Retry-After has passed is counted as an early retry and doubles the remaining wait — "retrying
 * early earns a longer wait". The header variations of docs/atlassian.md §8 are switches of the config.
 */
import type { z } from 'zod';
import type { RateLimitSchema } from './variations-schema';

type RateLimitConfig = z.input<typeof RateLimitSchema>;

interface Bucket {
  tokens: number;
  updatedAt: number;
  blockedUntil: number;
  /** The beta budget (half the burst and rate), for Beta-Retry-After: never enforced. */
  betaTokens: number;
}

export type RateDecision =
  | { allowed: true; headers: Record<string, string> }
  | { allowed: false; early: boolean; headers: Record<string, string> };

/** Long.MAX_VALUE, as a Retry-After reported from Atlassian Cloud (docs/atlassian.md §8). */
const HUGE_RETRY_AFTER = '9223372036854775807';

export class BurstLimiter {
  private readonly buckets = new Map<string, Bucket>();
  earlyRetries = 0;
  rejected = 0;

  constructor(private readonly config: RateLimitConfig) {}

  /** The bucket a request counts against: per host and caller, or per endpoint and method too. */
  keyFor(host: string, caller: string, method: string, path: string): string {
    return this.config.scope === 'endpoint-method' ? `${host}|${caller}|${method} ${path}` : `${host}|${caller}`;
  }

  take(key: string, now: number): RateDecision {
    const { requestsPerSecond: rate, burst } = this.config;
    const bucket = this.buckets.get(key) ?? { tokens: burst, updatedAt: now, blockedUntil: 0, betaTokens: burst / 2 };
    this.buckets.set(key, bucket);
    const elapsed = Math.max(0, now - bucket.updatedAt) / 1000;
    bucket.tokens = Math.min(burst, bucket.tokens + elapsed * rate);
    bucket.betaTokens = Math.min(burst / 2, bucket.betaTokens + (elapsed * rate) / 2);
    bucket.updatedAt = now;

    if (now < bucket.blockedUntil) {
      this.earlyRetries++;
      this.rejected++;
      bucket.blockedUntil += bucket.blockedUntil - now;
      return { allowed: false, early: true, headers: this.limitedHeaders(bucket.blockedUntil, now) };
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, headers: this.allowedHeaders(bucket) };
    }
    this.rejected++;
    const waitMs = Math.max(1000, Math.ceil((1 - bucket.tokens) / rate) * 1000);
    bucket.blockedUntil = now + waitMs;
    return { allowed: false, early: false, headers: this.limitedHeaders(bucket.blockedUntil, now) };
  }

  private allowedHeaders(bucket: Bucket): Record<string, string> {
    const { burst } = this.config;
    const remaining = Math.floor(bucket.tokens);
    const headers: Record<string, string> = {};
    if ((this.config.budgetHeaders ?? 'remaining') === 'remaining') {
      headers['x-ratelimit-limit'] = String(burst);
      headers['x-ratelimit-remaining'] = String(remaining);
    }
    if (remaining < burst * 0.2) headers['x-ratelimit-nearlimit'] = 'true';
    if (this.config.betaRetryAfter) {
      if (bucket.betaTokens >= 1) bucket.betaTokens -= 1;
      // Past the beta budget: how long this request would have waited were the beta limit enforced.
      else {
        const betaRate = this.config.requestsPerSecond / 2;
        headers['beta-retry-after'] = String(Math.max(1, Math.ceil((1 - bucket.betaTokens) / betaRate)));
      }
    }
    return headers;
  }

  private limitedHeaders(blockedUntil: number, now: number): Record<string, string> {
    const seconds = Math.ceil((blockedUntil - now) / 1000);
    const headers: Record<string, string> = {
      'x-ratelimit-limit': String(this.config.burst),
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': formatReset(blockedUntil, this.config.resetFormat ?? 'iso-ms'),
      // [doc] jira-burst-based is per tenant, endpoint and method; the host-wide bucket is the
      // simulator's own stricter model, labelled with the documented tenant-wide reason [assumed].
      'ratelimit-reason': this.config.scope === 'endpoint-method' ? 'jira-burst-based' : 'jira-quota-tenant-based',
    };
    const retryAfter = this.config.retryAfter ?? 'seconds';
    if (retryAfter === 'seconds') headers['retry-after'] = String(seconds);
    else if (retryAfter === 'zero') headers['retry-after'] = '0';
    else if (retryAfter === 'huge') headers['retry-after'] = HUGE_RETRY_AFTER;
    return headers;
  }
}

/** `2026-11-27T10:15:42.123Z`, or as Atlassian documents it, to the minute: `2026-11-27T10:15Z` (truncated). */
function formatReset(at: number, format: 'iso-ms' | 'minute'): string {
  const iso = new Date(at).toISOString();
  return format === 'minute' ? `${iso.slice(0, 16)}Z` : iso;
}
