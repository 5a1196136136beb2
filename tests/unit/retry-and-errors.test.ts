import { describe, expect, it } from 'vitest';
import { errorFromAnswer } from '@/utils/atlassian/error-mapping';
import { callAtlassian, type Transport } from '@/utils/atlassian/http';
import { ARRIVE_LATE_MS, retryDelayMs } from '@/utils/atlassian/retry';
import { z } from 'zod';

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

describe('errorFromAnswer', () => {
  const base = { host: 'acme.atlassian.net', contentType: 'application/json', auth: 'session' as const };
  it.each([
    [
      { status: 401, contentType: 'text/plain', body: 'Client must be authenticated to access this resource.' },
      'unauthenticated',
      'Your session on acme.atlassian.net has expired or you are signed out: sign in to acme.atlassian.net in this browser, then retry.',
    ],
    [{ status: 403, contentType: 'text/plain', body: 'XSRF check failed' }, 'xsrf', /XSRF check failed/],
    [
      {
        status: 400,
        body: '{"errorMessages":["Cannot edit group memberships, as external user management is enabled, please contact your JIRA administrators."],"errors":{}}',
      },
      'external-user-management',
      /managed by an external directory/,
    ],
    [
      {
        status: 404,
        body: '{"errorMessages":["Specified user does not exist or you do not have required permissions"],"errors":{}}',
      },
      'not-in-directory',
      /must be re-added/,
    ],
    [
      {
        status: 400,
        body: '{"errorMessages":["Adding this user would exceed the number of users allowed by your licence for jira-software."]}',
      },
      'seat-limit',
      /no seat left/,
    ],
    [
      { status: 400, body: '{"errorMessages":[],"errors":{"email":"A user with that email address already exists."}}' },
      'account-exists',
      /already exists/,
    ],
    [{ status: 403, body: '{"errorMessages":["You do not have permission"]}' }, 'forbidden', /not allowed/],
    [{ status: 409, body: '{"errorMessages":["timeout"]}' }, 'slow-query', /409/],
    [
      { status: 503, contentType: 'text/html', body: '<html>down</html>' },
      'unavailable',
      /temporarily unavailable \(503\)/,
    ],
    [{ status: 500, body: '{"errorMessages":["Internal server error"]}' }, 'server-error', /internal error \(500\)/],
    [
      {
        status: 400,
        body: '{"errors":[{"code":"ADMIN-400-4","title":"Bad Request","detail":"The user is not suspended in this directory."}]}',
      },
      'bad-request',
      /not suspended/,
    ],
  ])('%o → %s', (answer, kind, message) => {
    const error = errorFromAnswer({ ...base, ...answer });
    expect(error.kind).toBe(kind);
    if (typeof message === 'string') expect(error.message).toBe(message);
    else expect(error.message).toMatch(message);
  });

  it('tells API-token and org-key users what to fix', () => {
    expect(errorFromAnswer({ ...base, auth: 'api-token', status: 401, body: '' }).message).toMatch(
      /refused the API token/,
    );
    expect(
      errorFromAnswer({ ...base, auth: 'org-key', status: 401, body: '{"code":401,"message":"Unauthorized"}' }).message,
    ).toMatch(/organization API key was refused/);
  });
});

/** A scripted transport: answers from a list, records what was sent and how long it waited. */
function scripted(answers: (Response | Error)[]) {
  const sent: RequestInit[] = [];
  const waits: number[] = [];
  const transport: Transport = {
    fetch: async (_url, init) => {
      sent.push(init);
      const next = answers.shift();
      if (!next) throw new Error('no more answers');
      if (next instanceof Error) throw next;
      return next;
    },
    sleep: async (ms) => void waits.push(ms),
    now: () => NOW,
    random: () => 0.5,
  };
  return { transport, sent, waits };
}
const json = (status: number, body: unknown, h: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...h } });

describe('callAtlassian', () => {
  const get = {
    method: 'GET' as const,
    url: 'https://acme.atlassian.net/rest/api/3/myself',
    auth: { mode: 'session' as const },
    schema: z.object({ accountId: z.string() }),
  };

  it('retries a 429 after Retry-After and returns the answer', async () => {
    const { transport, waits } = scripted([json(429, {}, { 'retry-after': '2' }), json(200, { accountId: 'a' })]);
    expect(await callAtlassian(transport, get)).toEqual({ accountId: 'a' });
    expect(waits).toEqual([2000 + ARRIVE_LATE_MS]);
  });

  it('gives up after the last attempt with the rate-limit sentence', async () => {
    const { transport, sent } = scripted(Array.from({ length: 3 }, () => json(429, {}, { 'retry-after': '1' })));
    await expect(callAtlassian(transport, { ...get, maxAttempts: 3 })).rejects.toMatchObject({ kind: 'rate-limited' });
    expect(sent).toHaveLength(3);
  });

  it('never resends a write after a network failure', async () => {
    const { transport, sent } = scripted([new TypeError('Failed to fetch'), json(201, { accountId: 'a' })]);
    await expect(callAtlassian(transport, { ...get, method: 'POST', body: {} })).rejects.toMatchObject({
      kind: 'offline',
    });
    expect(sent).toHaveLength(1);
  });

  it('sends the XSRF headers on writes and the session cookie mode', async () => {
    const { transport, sent } = scripted([json(201, { accountId: 'a' })]);
    await callAtlassian(transport, { ...get, method: 'POST', body: { x: 1 } });
    expect(sent[0]).toMatchObject({
      credentials: 'include',
      headers: { 'content-type': 'application/json', 'x-atlassian-token': 'no-check' },
    });
  });

  it('refuses HTML, broken JSON and unexpected shapes with a clear sentence', async () => {
    const html = new Response('<html></html>', { status: 200, headers: { 'content-type': 'text/html' } });
    const broken = new Response('{"accountId": ', { status: 200, headers: { 'content-type': 'application/json' } });
    await expect(callAtlassian(scripted([html]).transport, get)).rejects.toThrow(
      /answered with a web page where Relink expected data/,
    );
    await expect(callAtlassian(scripted([broken]).transport, get)).rejects.toThrow(/broken data/);
    await expect(callAtlassian(scripted([json(200, { accountId: 5 })]).transport, get)).rejects.toThrow(
      /accountId: .*Nothing was changed/,
    );
  });
});
