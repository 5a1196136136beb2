/**
 * Bulk reactivation survives the service worker being stopped in the middle: the queue lives in
 * storage, the item that was running is checked again, and the rest continues when the worker
 * wakes up.
 */
import { describe, expect, it } from 'vitest';
import { useExtensionSession } from '../support/extension-session';
import { simRequest } from '../support/sim-http';
import { TINY, useSimulator } from '../support/with-sim';

type Job = { state: string; items: { accountId: string; status: string; message: string | null }[] };

describe('bulk reactivation across a service-worker stop', () => {
  const sim = useSimulator('tiny', { faults: { latencyMs: 250 } });
  const session = useExtensionSession(sim, 'tiny.atlassian.net', TINY.admin.email);
  const ask = (m: object) => session().ask(m);
  const runningAuditStep = async () =>
    ((await session().stored('audit')) as { status: string; step: string }[] | undefined)?.find(
      (e) => e.status === 'running',
    )?.step ?? null;
  const storedJob = () => session().stored('bulk') as Promise<Job | undefined>;

  it('resumes after the worker is stopped and reports every user', async () => {
    const started = (await ask({
      type: 'bulk/start',
      site: 'tiny.atlassian.net',
      items: [
        { accountId: TINY.ids.rae, displayName: 'Rae Removed', email: null },
        { accountId: TINY.ids.hal, displayName: 'Hal Hidden', email: 'hal@tiny.example.com' },
      ],
      products: ['jira-software'],
    })) as { ok: boolean };
    expect(started.ok).toBe(true);

    // Stop the worker while the first write is in flight (the audit log says "running").
    await expect
      .poll(runningAuditStep, { timeout: 10_000, interval: 10 })
      .toBe('Re-add to tiny.atlassian.net with jira-software');
    const cdp = await session().browser.context.newCDPSession(session().page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    expect((await storedJob())?.items[0]?.status).toBe('running');

    // Any event wakes the worker; its start-up resumes the queue. The UI follows progress with
    // bulk/get, as the admin's page does, which also restarts a queue that stalled.
    await expect
      .poll(async () => ((await ask({ type: 'bulk/get', site: 'tiny.atlassian.net' })) as { value: Job }).value.state, {
        timeout: 30_000,
        interval: 500,
      })
      .toBe('finished');
    const job = (await storedJob())!;
    expect(job.items.map((i) => i.status)).toEqual(['done', 'done']);

    for (const id of [TINY.ids.rae, TINY.ids.hal]) {
      const truth = (
        await simRequest(sim(), `${sim().controlUrl}/__sim/sites/tiny.atlassian.net/users/${id}`)
      ).json() as { membership: { status: string } };
      expect(truth.membership.status).toBe('active');
    }
    const audit = (await ask({ type: 'audit/get' })) as {
      ok: true;
      value: { status: string; step: string; accountId: string }[];
    };
    expect(audit.value.every((e) => e.status !== 'running')).toBe(true);
    expect(audit.value.find((e) => e.accountId === TINY.ids.rae)).toMatchObject({
      step: 'Re-add to tiny.atlassian.net with jira-software',
      status: 'interrupted',
    });
  });
});
