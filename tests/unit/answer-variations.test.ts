/**
 * Relink on the variations of Atlassian's answers (docs/atlassian.md §8), unit by unit; the
 * variation matrix (tests/integration/variation-matrix.test.ts) checks them end to end.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorFromAnswer } from '@/utils/atlassian/error-mapping';
import { callAtlassian, HostGate, type Transport } from '@/utils/atlassian/http';
import { ARRIVE_LATE_MS, retryDelayMs, waitTooLong } from '@/utils/atlassian/retry';
import { JiraUserSchema } from '@/utils/atlassian/schemas';
import { classify } from '@/utils/engine/classify';
import { isLastPage } from '@/utils/engine/group-evidence';

const NOW = Date.parse('2026-11-27T12:00:30Z');
const headers = (h: Record<string, string>) => new Headers(h);

function scripted(answers: Response[], options: { gate?: HostGate } = {}) {
  const sent: string[] = [];
  const waits: number[] = [];
  let clock = NOW;
  const transport: Transport = {
    fetch: async (url, init) => {
      sent.push(`${init.method ?? 'GET'} ${new URL(url).pathname}@${clock - NOW}`);
      const next = answers.shift();
      if (!next) throw new Error('no more answers');
      return next;
    },
    sleep: async (ms) => {
      waits.push(ms);
      clock += ms;
    },
    now: () => clock,
    random: () => 0.5,
    gate: options.gate,
  };
  return { transport, sent, waits };
}
const json = (status: number, body: unknown, h: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...h } });

describe('waiting after a refusal', () => {
  it('treats Retry-After: 0 as no advice: a floor with jitter, doubling with each attempt', () => {
    const zero = headers({ 'retry-after': '0' });
    expect([0, 1, 2].map((a) => retryDelayMs(a, zero, NOW, () => 0))).toEqual([1000, 2000, 4000]);
    expect(retryDelayMs(0, zero, NOW, () => 1)).toBe(2000);
  });

  it('reads X-RateLimit-Reset to the minute as a lower bound, never the moment to come back', () => {
    const thisMinute = headers({ 'x-ratelimit-reset': '2026-11-27T12:00Z' });
    expect(retryDelayMs(0, thisMinute, NOW, () => 0.5)).toBe(1500);
    const later = headers({ 'x-ratelimit-reset': '2026-11-27T12:05Z' });
    expect(retryDelayMs(0, later, NOW, () => 0.5)).toBe(270_000 + ARRIVE_LATE_MS);
  });

  it('names the waits too long to sit out: hours, or Long.MAX_VALUE', () => {
    expect(waitTooLong(headers({ 'retry-after': '9223372036854775807' }), NOW)).toBeGreaterThan(1e18);
    expect(waitTooLong(headers({ 'retry-after': '7200' }), NOW)).toBe(7_200_000);
    expect(waitTooLong(headers({ 'retry-after': '30' }), NOW)).toBeNull();
    expect(waitTooLong(headers({ 'x-ratelimit-reset': '2026-11-27T13:00Z' }), NOW)).toBe(3_570_000);
  });

  it('stops at once on a wait too long, and says so', async () => {
    const { transport, sent } = scripted([json(429, {}, { 'retry-after': '9223372036854775807' })]);
    await expect(
      callAtlassian(transport, {
        method: 'GET',
        url: 'https://acme.atlassian.net/rest/api/3/myself',
        auth: { mode: 'session' },
        schema: z.unknown(),
      }),
    ).rejects.toMatchObject({
      kind: 'rate-limited',
      message: expect.stringMatching(/more than a day.*try again later/),
    });
    expect(sent).toHaveLength(1);
  });
});

describe('pacing per endpoint and method', () => {
  const call = (path: string) => ({
    method: 'GET' as const,
    url: `https://acme.atlassian.net${path}`,
    auth: { mode: 'session' as const },
    schema: z.unknown(),
  });

  it('holds back only the endpoint a jira-burst-based 429 names', async () => {
    const gate = new HostGate();
    const burst = { 'retry-after': '2', 'ratelimit-reason': 'jira-burst-based' };
    const { transport, sent } = scripted([json(429, {}, burst), json(200, {}), json(200, {})], { gate });
    const users = callAtlassian(transport, call('/rest/api/3/users/search'));
    await Promise.resolve();
    await users;
    await callAtlassian(transport, call('/rest/api/3/myself'));
    expect(sent).toEqual([
      'GET /rest/api/3/users/search@0',
      'GET /rest/api/3/users/search@2100',
      'GET /rest/api/3/myself@2100',
    ]);
    // The other endpoint was free meanwhile: a fresh gate shows it goes at once after a burst refusal elsewhere.
    const fresh = new HostGate();
    fresh.block('acme.atlassian.net', NOW + 5000, 'GET /rest/api/3/users/search', NOW);
    const clock = { now: () => NOW, sleep: async () => undefined };
    await fresh.acquire('acme.atlassian.net', clock, 'GET /rest/api/3/myself');
  });

  it('holds back the whole host for any other reason, and when two endpoints are limited at once', async () => {
    const gate = new HostGate();
    const slept: number[] = [];
    let now = NOW;
    const clock = { now: () => now, sleep: async (ms: number) => void slept.push(ms, (now += ms)) };
    gate.block('acme.atlassian.net', NOW + 1000);
    await gate.acquire('acme.atlassian.net', clock, 'GET /rest/api/3/myself');
    expect(slept[0]).toBe(1000);
    gate.release('acme.atlassian.net', null, now);
    gate.block('acme.atlassian.net', now + 3000, 'GET /a', now);
    gate.block('acme.atlassian.net', now + 2000, 'GET /b', now);
    const before = now;
    await gate.acquire('acme.atlassian.net', clock, 'GET /c');
    expect(now - before).toBe(2000);
  });

  it('goes one request at a time after X-RateLimit-NearLimit or Beta-Retry-After', async () => {
    const gate = new HostGate();
    const clock = { now: () => NOW, sleep: async () => undefined };
    await gate.acquire('acme.atlassian.net', clock);
    await gate.acquire('acme.atlassian.net', clock);
    gate.release('acme.atlassian.net', headers({ 'beta-retry-after': '3' }), NOW);
    let third = false;
    const waiting = gate.acquire('acme.atlassian.net', clock).then(() => (third = true));
    await Promise.resolve();
    expect(third).toBe(false);
    gate.release('acme.atlassian.net', headers({ 'x-ratelimit-nearlimit': 'true' }), NOW);
    await waiting;
    expect(third).toBe(true);
  });
});

describe('answers', () => {
  it('takes a success without a body where the call allows it', async () => {
    const restore = {
      method: 'POST' as const,
      url: 'https://api.atlassian.com/admin/v2/orgs/o/directories/-/users/a/restore',
      auth: { mode: 'org-key' as const, key: 'k' },
      schema: z.unknown(),
      allowEmpty: true,
    };
    const noContent = new Response(null, { status: 204 });
    const empty200 = new Response('', { status: 200, headers: { 'content-type': 'application/json' } });
    await expect(callAtlassian(scripted([noContent]).transport, restore)).resolves.toBeUndefined();
    await expect(callAtlassian(scripted([empty200]).transport, restore)).resolves.toBeUndefined();
    await expect(callAtlassian(scripted([json(200, { message: 'ok' })]).transport, restore)).resolves.toEqual({
      message: 'ok',
    });
  });

  it('recognises "XSRF check failed" by its body, whatever the status', () => {
    const answer = {
      host: 'acme.atlassian.net',
      contentType: 'text/plain',
      body: 'XSRF check failed',
      auth: 'session' as const,
    };
    expect(errorFromAnswer({ ...answer, status: 404 }).kind).toBe('xsrf');
    expect(errorFromAnswer({ ...answer, status: 403 }).kind).toBe('xsrf');
  });

  it('matches accountType whatever its case, and keeps a record that does not say it', () => {
    const user = { accountId: 'a', active: false, displayName: 'Ann' };
    expect(JiraUserSchema.parse({ ...user, accountType: 'Atlassian' }).accountType).toBe('atlassian');
    expect(JiraUserSchema.parse({ ...user, accountType: 'APP' }).accountType).toBe('app');
    expect(JiraUserSchema.parse(user).accountType).toBe('missing');
    expect(JiraUserSchema.parse({ ...user, accountType: 'bot' }).accountType).toBe('unknown');
  });

  it('lists an inactive, groupless user without an account type for review, not as certain', () => {
    const user = JiraUserSchema.parse({ accountId: 'a', active: false, displayName: 'Ann' });
    expect(classify({ user, groupCount: 0 })).toMatchObject({ state: 'hidden', certainty: 'unsure' });
    expect(classify({ user: { ...user, active: true }, groupCount: 0 }).state).toBe('active');
  });

  it('ends a page at isLast, else at nextPage, else at a short page; never at total', () => {
    expect(isLastPage({ isLast: false }, 10, 50)).toBe(false);
    expect(isLastPage({ isLast: true }, 50, 50)).toBe(true);
    expect(isLastPage({ nextPage: 'https://x' }, 10, 50)).toBe(false);
    expect(isLastPage({}, 50, 50)).toBe(false);
    expect(isLastPage({}, 49, 50)).toBe(true);
  });
});
