import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { callAtlassian, type Transport } from '@/utils/atlassian/http';
import { ARRIVE_LATE_MS } from '@/utils/atlassian/retry';

const NOW = Date.parse('2026-11-27T12:00:00Z');

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
