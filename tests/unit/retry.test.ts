import { describe, expect, it } from 'vitest';
import { ARRIVE_LATE_MS, retryDelayMs } from '@/utils/atlassian/retry';

const headers = (h: Record<string, string>) => new Headers(h);
const NOW = Date.parse('2026-11-27T12:00:00Z');

describe('retryDelayMs', () => {
  it('waits exactly Retry-After, and a little more, never less', () => {
    expect(retryDelayMs(0, headers({ 'retry-after': '3' }), NOW, () => 0)).toBe(3000 + ARRIVE_LATE_MS);
  });
  it('understands Retry-After as an HTTP date', () => {
    expect(retryDelayMs(0, headers({ 'retry-after': new Date(NOW + 2000).toUTCString() }), NOW, () => 0)).toBe(
      2000 + ARRIVE_LATE_MS,
    );
  });
  it('falls back to X-RateLimit-Reset', () => {
    expect(retryDelayMs(0, headers({ 'x-ratelimit-reset': new Date(NOW + 1500).toISOString() }), NOW, () => 0)).toBe(
      1500 + ARRIVE_LATE_MS,
    );
  });
  it('otherwise backs off exponentially with jitter, capped', () => {
    const low = [0, 1, 2, 3].map((a) => retryDelayMs(a, null, NOW, () => 0));
    const high = [0, 1, 2, 3].map((a) => retryDelayMs(a, null, NOW, () => 1));
    expect(low).toEqual([250, 500, 1000, 2000]);
    expect(high).toEqual([500, 1000, 2000, 4000]);
    expect(retryDelayMs(20, null, NOW, () => 1)).toBe(30_000);
  });
});
