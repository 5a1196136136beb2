/** The client and scan under the simulator's faults, over real HTTPS. */
import { describe, expect, it } from 'vitest';
import { callAtlassian } from '@/utils/atlassian/http';
import { JiraClient } from '@/utils/atlassian/jira-client';
import { JiraUserSchema } from '@/utils/atlassian/schemas';
import { scanSite } from '@/utils/engine/scan';
import { simTransport } from '../support/sim-transport';
import { TINY, useSimulator } from '../support/with-sim';

const auth = { mode: 'api-token' as const, email: TINY.admin.email, token: TINY.admin.token };
const myself = { method: 'GET' as const, url: `${TINY.site}/rest/api/3/myself`, auth, schema: JiraUserSchema };

describe('under faults', () => {
  const sim = useSimulator('tiny', { fresh: true });

  it('finishes a scan under a burst rate limit without ever retrying early', async () => {
    sim().state.setFaults({ rateLimit: { requestsPerSecond: 5, burst: 3 } });
    const transport = simTransport(sim(), { realSleep: true });
    const jira = new JiraClient('tiny.atlassian.net', auth, transport);
    const result = await scanSite({
      jira,
      org: null,
      snapshots: { groups: [], members: {} },
      now: Date.now,
      requestsSent: () => transport.sent.length,
      concurrency: 4,
    });
    expect(result.hidden).toHaveLength(2);
    expect(sim().state.limiter!.rejected).toBeGreaterThan(0);
    expect(sim().state.limiter!.earlyRetries).toBe(0);
    expect(transport.waits.length).toBeGreaterThan(0);
  }, 30_000);

  it('retries a 503 and gets the answer', async () => {
    sim().state.setFaults({ failures: [{ respond: { kind: 'status', status: 503 }, times: 2 }] });
    const transport = simTransport(sim());
    expect(await callAtlassian(transport, myself)).toMatchObject({ accountId: TINY.admin.accountId });
    expect(transport.sent).toHaveLength(3);
  });

  it('gives up on a request that never answers, with a timeout sentence', async () => {
    sim().state.setFaults({ failures: [{ respond: { kind: 'hang' } }] });
    const transport = simTransport(sim());
    await expect(callAtlassian(transport, { ...myself, timeoutMs: 300, maxAttempts: 2 })).rejects.toMatchObject({
      kind: 'timeout',
      message: 'tiny.atlassian.net did not answer in time. Check your connection and retry.',
    });
  });

  it('reports a dropped connection as a connection problem', async () => {
    sim().state.setFaults({ failures: [{ respond: { kind: 'reset' } }] });
    await expect(callAtlassian(simTransport(sim()), { ...myself, maxAttempts: 2 })).rejects.toMatchObject({
      kind: 'offline',
    });
  });

  it('refuses malformed JSON and HTML error pages without changing anything', async () => {
    sim().state.setFaults({
      failures: [
        { respond: { kind: 'malformed-json' }, times: 1 },
        { respond: { kind: 'html-error', status: 200 }, times: 1 },
      ],
    });
    await expect(callAtlassian(simTransport(sim()), myself)).rejects.toMatchObject({
      kind: 'malformed',
      message: expect.stringContaining('broken data'),
    });
    await expect(callAtlassian(simTransport(sim()), myself)).rejects.toMatchObject({
      kind: 'malformed',
      message: expect.stringContaining('a web page'),
    });
  });

  it('stops a scan cleanly when the session or token is refused mid-way', async () => {
    sim().state.setFaults({
      failures: [{ match: { path: '/rest/api/3/group' }, respond: { kind: 'status', status: 401 } }],
    });
    const transport = simTransport(sim());
    const jira = new JiraClient('tiny.atlassian.net', auth, transport);
    await expect(
      scanSite({ jira, org: null, snapshots: { groups: [], members: {} }, now: Date.now, requestsSent: () => 0 }),
    ).rejects.toMatchObject({ kind: 'unauthenticated', message: expect.stringContaining('refused the API token') });
  });
});
