/**
 * A burst rate limit per host and caller, shaped like Jira Cloud's (docs/atlassian.md §3 Rate limits):
 * a token bucket; beyond it 429 with Retry-After (whole seconds) and X-RateLimit-* headers.
 * A request that comes back before Retry-After has passed is counted as an early retry and
 * doubles the remaining wait — "retrying early earns a longer wait".
 */
export interface RateLimitConfig {
  requestsPerSecond: number;
  burst: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
  blockedUntil: number;
}

export type RateDecision =
  | { allowed: true; headers: Record<string, string> }
  | { allowed: false; early: boolean; headers: Record<string, string> };

export class BurstLimiter {
  private readonly buckets = new Map<string, Bucket>();
  earlyRetries = 0;
  rejected = 0;

  constructor(private readonly config: RateLimitConfig) {}

  take(key: string, now: number): RateDecision {
    const { requestsPerSecond: rate, burst } = this.config;
    const bucket = this.buckets.get(key) ?? { tokens: burst, updatedAt: now, blockedUntil: 0 };
    this.buckets.set(key, bucket);
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.updatedAt) / 1000) * rate);
    bucket.updatedAt = now;

    if (now < bucket.blockedUntil) {
      this.earlyRetries++;
      this.rejected++;
      bucket.blockedUntil += bucket.blockedUntil - now;
      return { allowed: false, early: true, headers: this.limitedHeaders(bucket.blockedUntil, now) };
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      const remaining = Math.floor(bucket.tokens);
      const headers: Record<string, string> = {
        'x-ratelimit-limit': String(burst),
        'x-ratelimit-remaining': String(remaining),
      };
      if (remaining < burst * 0.2) headers['x-ratelimit-nearlimit'] = 'true';
      return { allowed: true, headers };
    }
    this.rejected++;
    const waitMs = Math.max(1000, Math.ceil((1 - bucket.tokens) / rate) * 1000);
    bucket.blockedUntil = now + waitMs;
    return { allowed: false, early: false, headers: this.limitedHeaders(bucket.blockedUntil, now) };
  }

  private limitedHeaders(blockedUntil: number, now: number): Record<string, string> {
    return {
      'retry-after': String(Math.ceil((blockedUntil - now) / 1000)),
      'x-ratelimit-limit': String(this.config.burst),
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': new Date(blockedUntil).toISOString(),
      'ratelimit-reason': 'jira-burst-based',
    };
  }
}
