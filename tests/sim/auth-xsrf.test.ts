import { describe, expect, it } from 'vitest';
import { basic, JSON_WRITE, simRequest } from '../support/sim-http';
import { TINY, useSimulator } from '../support/with-sim';

const admin = basic(TINY.admin.email, TINY.admin.token);

describe('authentication', () => {
  const sim = useSimulator('tiny', { fresh: true });

  async function signIn(host = TINY.site): Promise<string> {
    const reply = await simRequest(sim(), `${host}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        email: TINY.admin.email,
        password: 'relink-demo',
        continue: '/admin/users',
      }).toString(),
    });
    expect(reply.status).toBe(302);
    expect(reply.headers.location).toBe('/admin/users');
    const cookie = String(reply.headers['set-cookie']);
    expect(cookie).toMatch(/^cloud\.session\.token=[^;]+; Path=\/; Secure; HttpOnly; SameSite=None$/);
    return cookie.split(';')[0]!;
  }

  it('answers 401 in plain text without credentials or with a wrong token', async () => {
    for (const headers of [{}, basic(TINY.admin.email, 'wrong-token')]) {
      const reply = await simRequest(sim(), `${TINY.site}/rest/api/3/myself`, { headers });
      expect(reply.status).toBe(401);
      expect(reply.headers['content-type']).toContain('text/plain');
      expect(reply.text).toBe('Client must be authenticated to access this resource.');
    }
  });

  it('signs in with the session cookie set by the sign-in page, on that host only', async () => {
    const cookie = await signIn();
    const me = await simRequest(sim(), `${TINY.site}/rest/api/3/myself`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(me.json()).toMatchObject({ accountId: TINY.admin.accountId });
    expect((await simRequest(sim(), `${TINY.ext}/rest/api/3/myself`, { headers: { cookie } })).status).toBe(401);
  });

  it('refuses a wrong password on the sign-in page', async () => {
    const reply = await simRequest(sim(), `${TINY.site}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=admin%40tiny.example.com&password=nope',
    });
    expect(reply.status).toBe(401);
    expect(reply.headers['set-cookie']).toBeUndefined();
  });

  it('expires sessions on request, and after N requests when that fault is on', async () => {
    const cookie = await signIn();
    await simRequest(sim(), `${sim().controlUrl}/__sim/sessions/expire`, { method: 'POST' });
    expect((await simRequest(sim(), `${TINY.site}/rest/api/3/myself`, { headers: { cookie } })).status).toBe(401);

    sim().state.setFaults({ sessionExpiresAfterRequests: 2 });
    const fresh = await signIn();
    const statuses = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await simRequest(sim(), `${TINY.site}/rest/api/3/myself`, { headers: { cookie: fresh } })).status);
    expect(statuses).toEqual([200, 200, 401]);
  });

  it('reports permissions per signed-in account', async () => {
    type Perms = { permissions: Record<string, { havePermission: boolean }> };
    const url = `${TINY.site}/rest/api/3/mypermissions?permissions=ADMINISTER,USER_PICKER`;
    const mine = (await simRequest(sim(), url, { headers: admin })).json() as Perms;
    expect(mine.permissions.ADMINISTER!.havePermission).toBe(true);
    const viewer = (
      await simRequest(sim(), url, { headers: basic(TINY.viewer.email, TINY.viewer.token) })
    ).json() as Perms;
    expect(viewer.permissions.ADMINISTER!.havePermission).toBe(false);
    expect(viewer.permissions.USER_PICKER!.havePermission).toBe(true);
  });

  it('maps the site to its cloudId without authentication', async () => {
    const reply = await simRequest(sim(), `${TINY.site}/_edge/tenant_info`);
    expect(reply.json()).toEqual({ cloudId: '11111111-2222-4333-8444-555555555555' });
  });
});

describe('XSRF on writes', () => {
  const sim = useSimulator('tiny', { fresh: true });
  const addAnnToViewer = (
    headers: Record<string, string>,
    body: string | object = { accountId: TINY.viewer.accountId },
  ) =>
    simRequest(sim(), `${TINY.site}/rest/api/3/group/user?groupId=${TINY.groups.alpha}`, {
      method: 'POST',
      headers: { ...admin, ...headers },
      body,
    });

  it('refuses a write without X-Atlassian-Token: no-check, in plain text', async () => {
    const reply = await addAnnToViewer({ 'content-type': 'application/json' });
    expect(reply.status).toBe(403);
    expect(reply.text).toBe('XSRF check failed');
  });

  it('refuses a write from a foreign origin such as a service worker', async () => {
    const reply = await addAnnToViewer({
      ...JSON_WRITE,
      origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
    });
    expect(reply.status).toBe(403);
    expect(reply.text).toBe('XSRF check failed');
  });

  it('accepts the site’s own origin, or no origin', async () => {
    expect((await addAnnToViewer({ ...JSON_WRITE, origin: TINY.site })).status).toBe(201);
  });

  it('refuses a non-JSON body', async () => {
    const reply = await addAnnToViewer(
      { 'x-atlassian-token': 'no-check', 'content-type': 'text/plain' },
      JSON.stringify({ accountId: TINY.viewer.accountId }),
    );
    expect(reply.status).toBe(415);
  });

  it('lets a foreign origin through only when switched to token-only', async () => {
    sim().state.setFaults({ xsrf: 'token-only' });
    expect((await addAnnToViewer({ ...JSON_WRITE, origin: 'chrome-extension://abc' })).status).toBe(201);
  });
});
