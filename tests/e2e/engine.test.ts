/**
 * The engine in the real service worker: scan, group change and reactivation against the
 * strict-XSRF simulator with the admin's session, checked in the simulator's state afterwards.
 */
import { describe, expect, it } from 'vitest';
import type { LoggedRequest } from '../sim/http/state';
import { useExtensionSession } from '../support/extension-session';
import { simRequest } from '../support/sim-http';
import { TINY, useSimulator } from '../support/with-sim';

describe('the background engine in Chromium', () => {
  const sim = useSimulator('tiny');
  const session = useExtensionSession(sim, 'tiny.atlassian.net', TINY.admin.email);
  const ask = (message: object) => session().ask(message);
  const truth = async (accountId: string) =>
    (await simRequest(sim(), `${sim().controlUrl}/__sim/sites/tiny.atlassian.net/users/${accountId}`)).json() as {
      membership: { status: string };
      groups: string[];
    };

  it('runs against the strict XSRF check', () => {
    expect(sim().state.faults.xsrf).toBe('strict');
  });

  it('scans the site with the admin’s session and finds the hidden users', async () => {
    const reply = await ask({ type: 'site/scan', site: 'tiny.atlassian.net' });
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    const { hidden } = reply.value as { hidden: { displayName: string }[] };
    expect(hidden.map((h) => h.displayName)).toEqual(['Hal Hidden', 'Rae Removed']);
  });

  it('changes a group from the service worker, passing the XSRF check as the site itself', async () => {
    sim().state.requests = [];
    const reply = await ask({
      type: 'group/change',
      site: 'tiny.atlassian.net',
      accountId: TINY.viewer.accountId,
      group: { groupId: TINY.groups.alpha, name: 'team-alpha' },
      op: 'add',
      dryRun: false,
    });
    expect(reply).toMatchObject({ ok: true, value: { result: { outcome: 'done' } } });
    expect((await truth(TINY.viewer.accountId)).groups).toContain('team-alpha');
    const writes = sim().state.requests.filter((r: LoggedRequest) => r.method === 'POST');
    expect(writes).toEqual([
      expect.objectContaining({ path: '/rest/api/3/group/user', status: 201, origin: TINY.site }),
    ]);
  });

  it('reactivates a removed user with the groups Relink remembered, and logs every step', async () => {
    await simRequest(
      sim(),
      `${sim().controlUrl}/__sim/sites/tiny.atlassian.net/users/${TINY.viewer.accountId}/remove`,
      { method: 'POST' },
    );
    expect((await truth(TINY.viewer.accountId)).membership.status).toBe('removed');

    const plan = await ask({ type: 'user/plan', site: 'tiny.atlassian.net', accountId: TINY.viewer.accountId });
    expect(plan).toMatchObject({
      ok: true,
      value: {
        plan: {
          kind: 'plan',
          steps: [
            { summary: 'Re-add to tiny.atlassian.net with jira-software' },
            { summary: 'Add to group team-alpha' },
            { summary: 'Read the user back and check the result' },
          ],
        },
        fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/),
      },
    });
    const { fingerprint } = (plan as { value: { fingerprint: string } }).value;
    const reactivate = (confirmed: string) =>
      ask({ type: 'user/reactivate', site: 'tiny.atlassian.net', accountId: TINY.viewer.accountId, confirmed });

    // A plan other than the one confirmed does not run: the new one is offered instead.
    const stale = await reactivate('0123456789abcdef');
    expect(stale).toMatchObject({
      ok: true,
      value: { changed: true, result: null, fingerprint, plan: { kind: 'plan' } },
    });
    expect((await truth(TINY.viewer.accountId)).membership.status).toBe('removed');

    const reply = await reactivate(fingerprint);
    expect(reply).toMatchObject({ ok: true, value: { changed: false, result: { outcome: 'done' } } });
    expect(await truth(TINY.viewer.accountId)).toMatchObject({
      membership: { status: 'active' },
      groups: ['jira-software-users', 'team-alpha'],
    });

    const audit = await ask({ type: 'audit/get' });
    expect(
      audit.ok && (audit.value as { step: string; status: string }[]).slice(-3).map((e) => `${e.step}: ${e.status}`),
    ).toEqual([
      'Re-add to tiny.atlassian.net with jira-software: ok',
      'Add to group team-alpha: ok',
      'Read the user back and check the result: ok',
    ]);
  });

  it('explains an expired session in words the admin can act on', async () => {
    await simRequest(sim(), `${sim().controlUrl}/__sim/sessions/expire`, { method: 'POST' });
    const reply = await ask({ type: 'site/scan', site: 'tiny.atlassian.net' });
    expect(reply).toEqual({
      ok: false,
      kind: 'unauthenticated',
      error:
        'Your session on tiny.atlassian.net has expired or you are signed out: sign in to tiny.atlassian.net in this browser, then retry.',
    });
  });
});
