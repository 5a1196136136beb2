import { describe, expect, it } from 'vitest';
import { simRequest } from '../support/sim-http';
import { TINY, useSimulator } from '../support/with-sim';

type Listing = { total: number; users: { name: string; status: string }[] };

describe('admin pages', () => {
  const sim = useSimulator('tiny');

  async function cookieFor(host: string): Promise<string> {
    const reply = await simRequest(sim(), `${host}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `email=${encodeURIComponent(TINY.admin.email)}&password=relink-demo`,
    });
    return String(reply.headers['set-cookie']).split(';')[0]!;
  }

  it('send a signed-out admin to the sign-in page and back', async () => {
    const reply = await simRequest(sim(), `${TINY.site}/admin/users`);
    expect(reply.status).toBe(302);
    expect(reply.headers.location).toBe('/login?continue=%2Fadmin%2Fusers');
  });

  it('serve the single-page app shell on all three user-list pages', async () => {
    const site = await cookieFor(TINY.site);
    const admin = await cookieFor('https://admin.atlassian.com');
    for (const [url, cookie] of [
      [`${TINY.site}/admin/users`, site],
      [`https://admin.atlassian.com/o/${TINY.orgId}/users`, admin],
      ['https://admin.atlassian.com/s/11111111-2222-4333-8444-555555555555/users', admin],
    ] as const) {
      const reply = await simRequest(sim(), url, { headers: { cookie } });
      expect(reply.status, url).toBe(200);
      expect(reply.text).toContain('<div id="root"></div>');
      expect(reply.text).toContain('/__sim/admin-ds/app.js');
      const classic = await simRequest(sim(), `${url}?sim=classic`, { headers: { cookie } });
      expect(classic.text).toContain('/__sim/admin-app.js');
    }
  });

  it('serve the design-system bundle and its compiled CSS', async () => {
    const js = await simRequest(sim(), 'https://admin.atlassian.com/__sim/admin-ds/app.js');
    expect(js.status).toBe(200);
    expect(js.text.length).toBeGreaterThan(100_000);
    const css = await simRequest(sim(), 'https://admin.atlassian.com/__sim/admin-ds/app.css');
    expect(css.headers['content-type']).toContain('text/css');
  });

  it('name the page, its language and its sites to the app', async () => {
    const admin = await cookieFor('https://admin.atlassian.com');
    const reply = await simRequest(sim(), `https://admin.atlassian.com/o/${TINY.orgId}/users?lang=pt-BR`, {
      headers: { cookie: admin },
    });
    expect(reply.text).toContain('<html lang="pt-BR"');
    const boot = JSON.parse(/<script type="application\/json" id="sim-boot">(.*?)<\/script>/.exec(reply.text)![1]!) as {
      sites: { host: string }[];
    };
    expect(boot).toMatchObject({ kind: 'org', id: TINY.orgId, base: `/o/${TINY.orgId}` });
    expect(boot.sites.map((s) => s.host)).toEqual(['tiny.atlassian.net', 'tinyext.atlassian.net']);
  });

  it('page the org Directory by cursor, and list removed users there when asked', async () => {
    const cookie = await cookieFor('https://admin.atlassian.com');
    const get = async (query: string) =>
      (
        await simRequest(
          sim(),
          `https://admin.atlassian.com/gateway/api/admin/v2/orgs/${TINY.orgId}/directories/-/users?status=all${query}`,
          { headers: { cookie } },
        )
      ).json() as Listing & { next: string | null; prev: string | null; users: { accountId: string }[] };
    const first = await get('&limit=2');
    expect(first.users).toHaveLength(2);
    expect(first.prev).toBeNull();
    const second = await get(`&limit=2&cursor=${first.next}`);
    expect(second.prev).not.toBeNull();
    expect(second.users.map((u) => u.name)).not.toContain(first.users[0]!.name);
    const listed = (await get('&listed=1')).users.map((u) => u.name);
    expect(listed).toEqual(expect.arrayContaining(['Rae Removed', 'Hal Hidden']));
    expect((await get('')).total).toBe(5);
    expect((await get('&empty=1')).users).toEqual([]);
  });

  it('list active members by default, suspended and deactivated on request, and never removed users', async () => {
    const cookie = await cookieFor(TINY.site);
    const list = async (status: string) =>
      (
        await simRequest(sim(), `${TINY.site}/gateway/api/sim-admin/users?scope=legacy&status=${status}`, {
          headers: { cookie },
        })
      ).json() as Listing;
    expect((await list('active')).users.map((u) => u.name)).toEqual(['Ann Active', 'Tia Admin', 'Val Viewer']);
    expect((await list('suspended')).users.map((u) => u.name)).toEqual(['Sue Suspended']);
    expect((await list('deactivated')).users.map((u) => u.name)).toEqual(['Dee Deactivated']);
    const all = (await list('all')).users.map((u) => u.name);
    for (const hidden of ['Rae Removed', 'Hal Hidden', 'Former user', 'Automation for Jira', 'Cora Customer'])
      expect(all).not.toContain(hidden);
  });

  it('scope the org page to every site of the org', async () => {
    const cookie = await cookieFor('https://admin.atlassian.com');
    const reply = await simRequest(
      sim(),
      `https://admin.atlassian.com/gateway/api/sim-admin/users?scope=org:${TINY.orgId}&status=all`,
      { headers: { cookie } },
    );
    expect((reply.json() as Listing).total).toBe(5);
  });
});
