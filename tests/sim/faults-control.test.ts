import { describe, expect, it } from 'vitest';
import { basic, simRequest } from '../support/sim-http';
import { TINY, useSimulator } from '../support/with-sim';

const admin = basic(TINY.admin.email, TINY.admin.token);
const myself = `${TINY.site}/rest/api/3/myself`;

describe('fault switches', () => {
  const sim = useSimulator('tiny', { fresh: true });
  const setFaults = (body: unknown) =>
    simRequest(sim(), `${sim().controlUrl}/__sim/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('rate-limits bursts with 429, Retry-After and X-RateLimit-*, and lengthens the wait for early retries', async () => {
    expect((await setFaults({ rateLimit: { requestsPerSecond: 1, burst: 2 } })).status).toBe(200);
    const ok = await simRequest(sim(), myself, { headers: admin });
    expect(ok.headers['x-ratelimit-limit']).toBe('2');
    await simRequest(sim(), myself, { headers: admin });
    const limited = await simRequest(sim(), myself, { headers: admin });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(limited.headers['x-ratelimit-remaining']).toBe('0');
    expect(Date.parse(String(limited.headers['x-ratelimit-reset']))).toBeGreaterThan(Date.now());
    expect(limited.headers['ratelimit-reason']).toBe('jira-quota-tenant-based');
    const early = await simRequest(sim(), myself, { headers: admin });
    expect(early.status).toBe(429);
    expect(Date.parse(String(early.headers['x-ratelimit-reset']))).toBeGreaterThan(
      Date.parse(String(limited.headers['x-ratelimit-reset'])),
    );
    const log = (await simRequest(sim(), `${sim().controlUrl}/__sim/requests`)).json() as { earlyRetries: number };
    expect(log.earlyRetries).toBe(1);
  });

  it('fires a failure rule the given number of times, then answers normally', async () => {
    await setFaults({
      failures: [{ match: { path: '/rest/api/3/myself' }, respond: { kind: 'status', status: 503 }, times: 2 }],
    });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await simRequest(sim(), myself, { headers: admin })).status);
    expect(statuses).toEqual([503, 503, 200]);
  });

  it('fires on every Nth matching request', async () => {
    await setFaults({ failures: [{ match: { method: 'GET' }, respond: { kind: 'status', status: 500 }, every: 2 }] });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await simRequest(sim(), myself, { headers: admin })).status);
    expect(statuses).toEqual([200, 500, 200, 500]);
  });

  it('serves malformed JSON and HTML error pages where JSON is expected', async () => {
    await setFaults({
      failures: [
        { respond: { kind: 'malformed-json' }, times: 1 },
        { respond: { kind: 'html-error' }, times: 1 },
      ],
    });
    const malformed = await simRequest(sim(), myself, { headers: admin });
    expect(malformed.status).toBe(200);
    expect(() => malformed.json()).toThrow();
    const page = await simRequest(sim(), myself, { headers: admin });
    expect(page.status).toBe(502);
    expect(page.headers['content-type']).toContain('text/html');
  });

  it('drops the connection', async () => {
    await setFaults({ failures: [{ respond: { kind: 'reset' }, times: 1 }] });
    await expect(simRequest(sim(), myself, { headers: admin })).rejects.toThrow();
  });

  it('adds latency to Atlassian requests', async () => {
    await setFaults({ latencyMs: 120 });
    const started = performance.now();
    await simRequest(sim(), myself, { headers: admin });
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);
  });

  it('refuses bad fault switches with the reason and keeps the previous ones', async () => {
    await setFaults({ latencyMs: 5 });
    const reply = await setFaults({ latencyMs: -1, rateLimit: { requestsPerSecond: 'fast' }, bogus: true });
    expect(reply.status).toBe(400);
    const { error } = reply.json() as { error: string };
    expect(error).toMatch(/latencyMs/);
    expect(error).toMatch(/rateLimit/);
    expect(error).toMatch(/bogus/);
    expect(
      ((await simRequest(sim(), `${sim().controlUrl}/__sim/faults`)).json() as { latencyMs: number }).latencyMs,
    ).toBe(5);
    expect(
      (await simRequest(sim(), `${sim().controlUrl}/__sim/faults`, { method: 'PUT', body: '{not json' })).json(),
    ).toEqual({ error: 'Faults rejected: The body is not valid JSON.' });
  });
});

describe('control endpoint', () => {
  const sim = useSimulator('tiny', { fresh: true });

  it('resets to another scenario, and refuses an unknown one without touching the world', async () => {
    const bad = await simRequest(sim(), `${sim().controlUrl}/__sim/reset`, {
      method: 'POST',
      body: { scenario: 'no-such-scenario' },
    });
    expect(bad.status).toBe(400);
    expect((bad.json() as { error: string }).error).toMatch(/Unknown scenario “no-such-scenario”/);
    expect(sim().state.world.scenario.name).toBe('tiny');
    const good = await simRequest(sim(), `${sim().controlUrl}/__sim/reset`, {
      method: 'POST',
      body: { scenario: 'demo' },
    });
    expect(good.json()).toEqual({ ok: true, scenario: 'demo' });
  });

  it('logs Atlassian requests with what caused each answer', async () => {
    await simRequest(sim(), myself);
    const { requests } = (await simRequest(sim(), `${sim().controlUrl}/__sim/requests`)).json() as {
      requests: { path: string; status: number; cause?: string }[];
    };
    expect(requests).toEqual([expect.objectContaining({ path: '/rest/api/3/myself', status: 401, cause: 'auth' })]);
  });
});
