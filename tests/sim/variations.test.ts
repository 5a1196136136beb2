/** Every variation switch of docs/atlassian.md §8, seen over HTTPS, and off by default. */
import { describe, expect, it } from 'vitest';
import type { FaultsInput } from './http/faults-schema';
import { basic, JSON_WRITE, simRequest } from '../support/sim-http';
import { TINY, useSimulator } from '../support/with-sim';

const admin = basic(TINY.admin.email, TINY.admin.token);
const bearer = { authorization: `Bearer ${TINY.orgKey}` };
type Obj = Record<string, unknown>;

describe('variation switches', () => {
  const sim = useSimulator('tiny', { fresh: true });
  const setFaults = async (faults: FaultsInput) => {
    const reply = await simRequest(sim(), `${sim().controlUrl}/__sim/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(faults),
    });
    expect(reply.status, reply.text).toBe(200);
  };
  const get = (path: string) => simRequest(sim(), `${TINY.site}${path}`, { headers: admin });

  it('are all off by default', async () => {
    const faults = (await simRequest(sim(), `${sim().controlUrl}/__sim/faults`)).json() as Obj;
    expect(faults.variations).toEqual({
      usersSearchCap: null,
      pageBean: { total: 'exact', isLast: 'present' },
      nullGroupIds: 'none',
      accountType: 'lowercase',
      restoreAnswer: 'json',
      xsrfStatus: 403,
    });
  });

  it('caps users/search pages below what was asked', async () => {
    await setFaults({ variations: { usersSearchCap: 3 } });
    const first = (await get('/rest/api/3/users/search?maxResults=1000')).json() as Obj[];
    const second = (await get('/rest/api/3/users/search?startAt=3&maxResults=1000')).json() as Obj[];
    expect(first).toHaveLength(3);
    expect(second).toHaveLength(3);
    expect(second[0]!.accountId).not.toBe(first[0]!.accountId);
  });

  it('undercounts or drops total, and drops isLast with nextPage', async () => {
    await setFaults({ variations: { pageBean: { total: 'undercount', isLast: 'absent' } } });
    const page = (
      await get(`/rest/api/3/group/member?groupId=${TINY.groups.software}&includeInactiveUsers=true&maxResults=2`)
    ).json() as Obj;
    expect(page.total).toBe(4); // 5 members, 80 %
    expect(page).not.toHaveProperty('isLast');
    expect(page).not.toHaveProperty('nextPage');
    await setFaults({ variations: { pageBean: { total: 'absent' } } });
    const groups = (await get('/rest/api/3/group/bulk')).json() as Obj;
    expect(groups).not.toHaveProperty('total');
    expect(groups.isLast).toBe(true);
  });

  it('sends groupId null in group/bulk, or also in users’ groups', async () => {
    await setFaults({ variations: { nullGroupIds: 'group-bulk' } });
    const bulk = (await get('/rest/api/3/group/bulk')).json() as { values: Obj[] };
    expect(bulk.values.every((g) => g.groupId === null && typeof g.name === 'string')).toBe(true);
    const ann = (await get(`/rest/api/3/user?accountId=${TINY.ids.ann}&expand=groups`)).json() as {
      groups: { items: Obj[] };
    };
    expect(ann.groups.items.every((g) => typeof g.groupId === 'string')).toBe(true);
    await setFaults({ variations: { nullGroupIds: 'everywhere' } });
    const again = (await get(`/rest/api/3/user?accountId=${TINY.ids.ann}&expand=groups`)).json() as {
      groups: { items: Obj[] };
    };
    expect(again.groups.items.map((g) => g.groupId)).toEqual([null, null, null]);
  });

  it('capitalizes or leaves out accountType in every Jira user record', async () => {
    await setFaults({ variations: { accountType: 'capitalized' } });
    const users = (await get('/rest/api/3/users/search')).json() as Obj[];
    expect(new Set(users.map((u) => u.accountType))).toEqual(new Set(['Atlassian', 'App', 'Customer']));
    await setFaults({ variations: { accountType: 'missing' } });
    const members = (await get(`/rest/api/3/group/member?groupId=${TINY.groups.software}`)).json() as {
      values: Obj[];
    };
    expect(members.values.some((u) => 'accountType' in u)).toBe(false);
    expect((await get('/rest/api/3/myself')).json()).not.toHaveProperty('accountType');
  });

  it('answers a successful restore with 204 or an empty 200', async () => {
    const restore = (accountId: string) =>
      simRequest(sim(), `${TINY.api}/admin/v2/orgs/${TINY.orgId}/directories/-/users/${accountId}/restore`, {
        method: 'POST',
        headers: { ...bearer, ...JSON_WRITE },
      });
    await setFaults({ variations: { restoreAnswer: 'no-content' } });
    const none = await restore(TINY.ids.sue);
    expect([none.status, none.text]).toEqual([204, '']);
    sim().state.world.sites.get('tiny.atlassian.net')!.memberships.get(TINY.ids.sue)!.status = 'suspended';
    await setFaults({ variations: { restoreAnswer: 'empty-200' } });
    const empty = await restore(TINY.ids.sue);
    expect([empty.status, empty.text, empty.headers['content-type']]).toEqual([
      200,
      '',
      'application/json;charset=UTF-8',
    ]);
    // A refusal stays a refusal.
    expect((await restore(TINY.ids.ann)).status).toBe(400);
  });

  it('refuses a cross-site write with 404 "XSRF check failed"', async () => {
    await setFaults({ variations: { xsrfStatus: 404 } });
    const reply = await simRequest(sim(), `${TINY.site}/rest/api/3/group/user?groupId=${TINY.groups.alpha}`, {
      method: 'POST',
      headers: { ...admin, 'content-type': 'application/json' },
      body: { accountId: TINY.viewer.accountId },
    });
    expect([reply.status, reply.text]).toEqual([404, 'XSRF check failed']);
  });

  describe('rate limits', () => {
    const limitOnce = async (rateLimit: NonNullable<FaultsInput['rateLimit']>, path = '/rest/api/3/myself') => {
      await setFaults({ rateLimit });
      let reply = await get(path);
      for (let i = 0; i < 5 && reply.status !== 429; i++) reply = await get(path);
      expect(reply.status).toBe(429);
      return reply;
    };

    it('keeps one bucket per endpoint and method, saying jira-burst-based', async () => {
      const limited = await limitOnce({ requestsPerSecond: 0.1, burst: 1, scope: 'endpoint-method' });
      expect(limited.headers['ratelimit-reason']).toBe('jira-burst-based');
      expect((await get('/rest/api/3/mypermissions?permissions=ADMINISTER')).status).toBe(200);
    });

    it('keeps one bucket per host by default, under a tenant-wide reason', async () => {
      const limited = await limitOnce({ requestsPerSecond: 0.1, burst: 1 });
      expect(limited.headers['ratelimit-reason']).toBe('jira-quota-tenant-based');
      expect((await get('/rest/api/3/mypermissions?permissions=ADMINISTER')).status).toBe(429);
    });

    it('says Retry-After: 0, nothing, or Long.MAX_VALUE; X-RateLimit-Reset to the minute', async () => {
      expect((await limitOnce({ requestsPerSecond: 0.1, burst: 1, retryAfter: 'zero' })).headers['retry-after']).toBe(
        '0',
      );
      const absent = await limitOnce({ requestsPerSecond: 0.1, burst: 1, retryAfter: 'absent', resetFormat: 'minute' });
      expect(absent.headers).not.toHaveProperty('retry-after');
      expect(absent.headers['x-ratelimit-reset']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\dZ$/);
      expect((await limitOnce({ requestsPerSecond: 0.1, burst: 1, retryAfter: 'huge' })).headers['retry-after']).toBe(
        '9223372036854775807',
      );
    });

    it('signals a cost budget with NearLimit only, and a beta limit with Beta-Retry-After', async () => {
      await setFaults({
        rateLimit: { requestsPerSecond: 0.1, burst: 4, budgetHeaders: 'near-limit-only', betaRetryAfter: true },
      });
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push((await get('/rest/api/3/myself')).headers);
      expect(answers.every((h) => !('x-ratelimit-remaining' in h) && !('x-ratelimit-limit' in h))).toBe(true);
      expect(answers.map((h) => h['x-ratelimit-nearlimit'] ?? null)).toEqual([null, null, null, 'true']);
      expect(answers.map((h) => (h['beta-retry-after'] ? 'beta' : '-'))).toEqual(['-', '-', 'beta', 'beta']);
    });
  });
});
