/**
 * Atlassian's records of users in the simulator (docs/atlassian.md §9): the Jira audit log, the
 * org's event log and product activity, fed by the scenario's past removals and by the world's own
 * changes; and the switches for ambiguous writes (a re-add that answers 500 or never, yet worked;
 * reads that lag writes).
 */
import { describe, expect, it } from 'vitest';
import { basic, JSON_WRITE, simRequest } from '../support/sim-http';
import { TINY, useSimulator } from '../support/with-sim';

const admin = basic(TINY.admin.email, TINY.admin.token);
const bearer = { authorization: `Bearer ${TINY.orgKey}` };
const AUDIT = `${TINY.site}/rest/api/3/auditing/record`;
const AUTOMATION = '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077';
const TINY_CLOUD = '11111111-2222-4333-8444-555555555555';

interface AuditRecord {
  id: number;
  summary: string;
  category: string;
  created: string;
  authorAccountId?: string;
  eventSource: string;
  objectItem: { id: string; typeName: string };
  associatedItems: { name: string; typeName: string }[];
}
type AuditPage = { offset: number; limit: number; total: number; records: AuditRecord[] };

describe('the Jira audit log', () => {
  const sim = useSimulator('tiny', { fresh: true });
  const audit = async (query = '', headers = admin) => {
    const reply = await simRequest(sim(), `${AUDIT}${query}`, { headers });
    return { status: reply.status, page: reply.json() as AuditPage };
  };

  it('holds a removal from before Relink: the groups, then the site, with when, who and through what', async () => {
    const { status, page } = await audit(`?filter=${TINY.ids.rae}`);
    expect(status).toBe(200);
    expect(page.records.map((r) => [r.summary, r.associatedItems.map((i) => i.name)])).toEqual([
      ['User removed from site', []],
      ['User removed from group', ['team-alpha']],
      ['User removed from group', ['jira-software-users']],
    ]);
    expect(page.records[0]).toMatchObject({
      created: '2026-03-04T10:15:00.000+0000',
      authorAccountId: AUTOMATION,
      eventSource: 'REST API',
      category: 'user management',
      objectItem: { id: TINY.ids.rae, typeName: 'USER' },
    });
  });

  it('pages by offset and limit, newest first, and filters by every term and by date', async () => {
    const all = (await audit()).page;
    const first = (await audit('?limit=2')).page;
    const second = (await audit('?limit=2&offset=2')).page;
    expect(first.total).toBe(all.total);
    expect([...first.records, ...second.records].map((r) => r.id)).toEqual(all.records.slice(0, 4).map((r) => r.id));
    expect(
      (await audit('?filter=group%20management')).page.records.every((r) => r.category === 'group management'),
    ).toBe(true);
    expect((await audit('?from=2026-03-05T00:00:00.000%2B0000')).page.total).toBe(0);
    expect((await audit('?to=2026-03-05T00:00:00.000%2B0000')).page.total).toBe(all.total);
  });

  it('records the removals and group changes made since, with the caller as author', async () => {
    const write = { ...JSON_WRITE, ...admin };
    await simRequest(
      sim(),
      `${TINY.site}/rest/api/3/group/user?groupId=${TINY.groups.alpha}&accountId=${TINY.ids.ann}`,
      {
        method: 'DELETE',
        headers: write,
      },
    );
    await simRequest(sim(), `${TINY.site}/rest/api/3/user?accountId=${TINY.ids.ann}`, {
      method: 'DELETE',
      headers: write,
    });
    const records = (await audit(`?filter=${TINY.ids.ann}`)).page.records;
    expect(records.map((r) => `${r.summary} ${r.associatedItems[0]?.name ?? ''}`.trim()).sort()).toEqual([
      'User removed from group idp-engineering',
      'User removed from group jira-software-users',
      'User removed from group team-alpha',
      'User removed from site',
    ]);
    expect(records.every((r) => r.authorAccountId === TINY.admin.accountId && r.eventSource === 'REST API')).toBe(true);
  });

  it('answers 403 to a caller without Administer Jira, and when it is switched off', async () => {
    expect((await audit('', basic(TINY.viewer.email, TINY.viewer.token))).status).toBe(403);
    sim().state.setFaults({ auditLog: { enabled: false } });
    const off = await simRequest(sim(), AUDIT, { headers: admin });
    expect(off.status).toBe(403);
    expect(off.text).toContain('switched off');
  });

  it('drops records past its retention', async () => {
    sim().state.setFaults({ auditLog: { retentionDays: 30 } });
    expect((await audit()).page).toMatchObject({ total: 0, records: [] });
  });
});

describe('the org’s event log and product activity', () => {
  const sim = useSimulator('tiny', { fresh: true });
  const EVENTS = `${TINY.api}/admin/v1/orgs/${TINY.orgId}/events`;

  it('holds the product access a removal revoked, on which site, by whom', async () => {
    const reply = await simRequest(sim(), `${EVENTS}?action=product_access_revoked`, { headers: bearer });
    expect(reply.status).toBe(200);
    const page = reply.json() as { data: { attributes: Record<string, unknown> }[]; meta: { next?: string } };
    expect(page.data).toHaveLength(1);
    expect(page.data[0]!.attributes).toMatchObject({
      time: '2026-03-04T10:15:00.000Z',
      actor: { id: AUTOMATION, name: 'Automation for Jira' },
      context: [
        { id: TINY.ids.rae, type: 'users' },
        { type: 'products', attributes: { key: 'jira-software' } },
      ],
      container: [{ id: TINY_CLOUD, type: 'sites', attributes: { siteHostName: 'tiny.atlassian.net' } }],
    });
    expect(page.meta.next).toBeUndefined();
  });

  it('needs the org key, and refuses a bad cursor or time', async () => {
    expect((await simRequest(sim(), EVENTS)).status).toBe(401);
    expect((await simRequest(sim(), `${EVENTS}?cursor=bm9wZQ`, { headers: bearer })).status).toBe(400);
    expect((await simRequest(sim(), `${EVENTS}?from=yesterday`, { headers: bearer })).status).toBe(400);
  });

  it('says when a removed user last used each product, per site', async () => {
    const url = (id: string) => `${TINY.api}/admin/v1/orgs/${TINY.orgId}/directory/users/${id}/last-active-dates`;
    const reply = await simRequest(sim(), url(TINY.ids.rae), { headers: bearer });
    expect(reply.json()).toEqual({
      data: { product_access: [{ id: TINY_CLOUD, key: 'jira-software', last_active: '2026-03-03' }] },
      links: {},
    });
    expect((await simRequest(sim(), url('5b10ac8d82e05b22cc7dffff'), { headers: bearer })).status).toBe(404);
  });
});

describe('ambiguous writes', () => {
  const sim = useSimulator('tiny', { fresh: true });
  const write = { ...JSON_WRITE, ...admin };
  const reAdd = () =>
    simRequest(sim(), `${TINY.site}/rest/api/3/user`, {
      method: 'POST',
      headers: write,
      body: { emailAddress: 'rae@tiny.example.com', products: ['jira-software'] },
    });
  const membership = async () =>
    (
      (await simRequest(sim(), `${sim().controlUrl}/__sim/sites/tiny.atlassian.net/users/${TINY.ids.rae}`)).json() as {
        membership: { status: string };
      }
    ).membership.status;

  it('re-adds an existing account yet answers 500 when told to', async () => {
    sim().state.setFaults({ reAdd: '500-but-worked' });
    expect((await reAdd()).status).toBe(500);
    expect(await membership()).toBe('active');
  });

  it('refuses an existing account without access, saying it exists', async () => {
    sim().state.setFaults({ reAdd: 'exists-without-access' });
    const reply = await reAdd();
    expect(reply.status).toBe(400);
    expect(reply.text).toContain('already exists');
    expect(await membership()).toBe('removed');
  });

  it('lets reads and the directory lag a re-add', async () => {
    sim().state.setFaults({ readLagMs: 300 });
    expect((await reAdd()).status).toBe(201);
    const read = async () =>
      (
        (
          await simRequest(sim(), `${TINY.site}/rest/api/3/user?accountId=${TINY.ids.rae}&expand=groups`, {
            headers: admin,
          })
        ).json() as { active: boolean }
      ).active;
    const addToAlpha = () =>
      simRequest(sim(), `${TINY.site}/rest/api/3/group/user?groupId=${TINY.groups.alpha}`, {
        method: 'POST',
        headers: write,
        body: { accountId: TINY.ids.rae },
      });
    expect(await read()).toBe(false);
    expect((await addToAlpha()).status).toBe(404);
    await new Promise((r) => setTimeout(r, 350));
    expect(await read()).toBe(true);
    expect((await addToAlpha()).status).toBe(201);
  });
});
