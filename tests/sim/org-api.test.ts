import { describe, expect, it } from 'vitest';
import { simRequest } from '../support/sim-http';
import { TINY, useSimulator } from '../support/with-sim';

const bearer = { authorization: `Bearer ${TINY.orgKey}` };
const usersUrl = `${TINY.api}/admin/v2/orgs/${TINY.orgId}/directories/-/users`;
type DirectoryUser = { accountId: string; status: string; accountStatus: string; membershipStatus: string };
type UsersPage = { data: DirectoryUser[]; links: { next?: string } };

describe('org API v2 directory', () => {
  const sim = useSimulator('tiny', { fresh: true });

  it('needs the org key', async () => {
    const reply = await simRequest(sim(), usersUrl);
    expect(reply.status).toBe(401);
    expect(reply.json()).toEqual({ code: 401, message: 'Unauthorized' });
  });

  it('settles each user’s state with status, accountStatus and membershipStatus', async () => {
    const page = (await simRequest(sim(), `${usersUrl}?limit=100`, { headers: bearer })).json() as UsersPage;
    const by = new Map(page.data.map((u) => [u.accountId, u]));
    expect(by.get(TINY.ids.rae)).toMatchObject({
      accountStatus: 'active',
      membershipStatus: 'no_membership',
      status: 'not_invited',
    });
    expect(by.get(TINY.ids.sue)).toMatchObject({
      accountStatus: 'active',
      membershipStatus: 'suspended',
      status: 'suspended',
    });
    expect(by.get(TINY.ids.dee)).toMatchObject({ accountStatus: 'inactive', status: 'deactivated' });
    expect(by.get(TINY.ids.former)).toMatchObject({ accountStatus: 'closed' });
    expect(by.has(TINY.ids.app)).toBe(false);
  });

  it('pages with a cursor in links.next and filters by membershipStatus', async () => {
    const ids: string[] = [];
    let url: string | undefined = `${usersUrl}?limit=3`;
    while (url) {
      const page = (await simRequest(sim(), url, { headers: bearer })).json() as UsersPage;
      ids.push(...page.data.map((u) => u.accountId));
      url = page.links.next;
    }
    expect(ids).toHaveLength(9);
    const removed = (
      await simRequest(sim(), `${usersUrl}?membershipStatus=no_membership`, { headers: bearer })
    ).json() as UsersPage;
    expect(removed.data.map((u) => u.accountId).sort()).toEqual(
      [TINY.ids.rae, TINY.ids.hal, TINY.ids.former, TINY.ids.eve].sort(),
    );
  });

  it('restores a suspended user with their groups, and refuses to restore a removed one', async () => {
    const restore = (id: string) =>
      simRequest(sim(), `${TINY.api}/admin/v2/orgs/${TINY.orgId}/directories/-/users/${id}/restore`, {
        method: 'POST',
        headers: bearer,
      });
    expect((await restore(TINY.ids.sue)).status).toBe(200);
    const truth = (
      await simRequest(sim(), `${sim().controlUrl}/__sim/sites/tiny.atlassian.net/users/${TINY.ids.sue}`)
    ).json();
    expect(truth).toMatchObject({ membership: { status: 'active' }, groups: ['jira-software-users', 'team-alpha'] });
    const refused = await restore(TINY.ids.rae);
    expect(refused.status).toBe(400);
    expect(refused.json()).toMatchObject({ errors: [{ code: 'ADMIN-400-4' }] });
  });

  it('enables a managed deactivated account, and refuses unmanaged ones', async () => {
    const lifecycle = (id: string) =>
      simRequest(sim(), `${TINY.api}/users/${id}/manage/lifecycle/enable`, { method: 'POST', headers: bearer });
    expect((await lifecycle(TINY.ids.dee)).status).toBe(204);
    expect((await lifecycle(TINY.ids.rae)).json()).toEqual({ key: 'forbidden.targetUnverified' });
    expect((await lifecycle('5b10ac8d82e05b22cc7dffff')).json()).toEqual({ key: 'accountNotFound' });
  });

  it('answers the retired v1 user writes as gone', async () => {
    const reply = await simRequest(
      sim(),
      `${TINY.api}/admin/v1/orgs/${TINY.orgId}/directory/users/${TINY.ids.sue}/restore-access`,
      { method: 'POST', headers: bearer },
    );
    expect(reply.status).toBe(410);
  });

  it('lists the org’s sites as workspaces', async () => {
    const reply = await simRequest(sim(), `${TINY.api}/admin/v2/orgs/${TINY.orgId}/workspaces`, {
      method: 'POST',
      headers: { ...bearer, 'content-type': 'application/json' },
      body: {},
    });
    expect(
      (reply.json() as { data: { attributes: { hostUrl: string } }[] }).data.map((w) => w.attributes.hostUrl),
    ).toEqual(['tiny.atlassian.net', 'tinyext.atlassian.net']);
  });
});
