import { describe, expect, it } from 'vitest';
import { basic, JSON_WRITE, simRequest } from '../support/sim-http';
import { TINY, useSimulator } from '../support/with-sim';

const admin = basic(TINY.admin.email, TINY.admin.token);
const write = { ...JSON_WRITE, ...admin };

describe('group membership edits', () => {
  const sim = useSimulator('tiny', { fresh: true });
  const add = (site: string, query: string, accountId: string, headers: Record<string, string> = write) =>
    simRequest(sim(), `${site}/rest/api/3/group/user?${query}`, { method: 'POST', headers, body: { accountId } });
  const groupsOf = async (accountId: string) =>
    (
      (await simRequest(sim(), `${sim().controlUrl}/__sim/sites/tiny.atlassian.net/users/${accountId}`)).json() as {
        groups: string[];
      }
    ).groups;

  it('adds a member by groupId and answers 201 with the group', async () => {
    const reply = await add(TINY.site, `groupId=${TINY.groups.alpha}`, TINY.viewer.accountId);
    expect(reply.status).toBe(201);
    expect(reply.json()).toMatchObject({ name: 'team-alpha', groupId: TINY.groups.alpha });
    expect(await groupsOf(TINY.viewer.accountId)).toContain('team-alpha');
  });

  it('adds by groupname too, but refuses both or neither', async () => {
    expect((await add(TINY.site, 'groupname=team-alpha', TINY.viewer.accountId)).status).toBe(201);
    expect((await add(TINY.site, `groupname=team-alpha&groupId=${TINY.groups.alpha}`, TINY.ids.dee)).status).toBe(400);
    expect((await add(TINY.site, '', TINY.ids.dee)).status).toBe(400);
  });

  it('answers 404 for a removed user on a centralized-UM site until they are re-added', async () => {
    const refused = await add(TINY.site, `groupId=${TINY.groups.alpha}`, TINY.ids.rae);
    expect(refused.status).toBe(404);
    expect(refused.json()).toMatchObject({
      errorMessages: ['Specified user does not exist or you do not have required permissions'],
    });
    const readd = await simRequest(sim(), `${TINY.site}/rest/api/3/user`, {
      method: 'POST',
      headers: write,
      body: { emailAddress: 'rae@tiny.example.com', products: ['jira-software'] },
    });
    expect(readd.status).toBe(201);
    expect((await add(TINY.site, `groupId=${TINY.groups.alpha}`, TINY.ids.rae)).status).toBe(201);
    expect((await groupsOf(TINY.ids.rae)).sort()).toEqual(['jira-software-users', 'team-alpha']);
  });

  it('explains that groups are managed externally on such a site', async () => {
    const reply = await add(TINY.ext, `groupId=${TINY.groups.extSoftware}`, TINY.ids.eve);
    expect(reply.json()).toMatchObject({
      errorMessages: [
        'Cannot edit group memberships, as external user management is enabled, please contact your JIRA administrators.',
      ],
    });
  });

  it('refuses edits of a group synced from an identity provider', async () => {
    const reply = await add(TINY.site, `groupId=${TINY.groups.idp}`, TINY.viewer.accountId);
    expect(reply.status).toBe(400);
    expect(reply.text).toContain('identity provider');
  });

  it('refuses non-site-admins', async () => {
    const reply = await add(TINY.site, `groupId=${TINY.groups.alpha}`, TINY.ids.dee, {
      ...JSON_WRITE,
      ...basic(TINY.viewer.email, TINY.viewer.token),
    });
    expect(reply.status).toBe(403);
  });

  it('refuses a second add of the same member', async () => {
    const reply = await add(TINY.site, `groupId=${TINY.groups.alpha}`, TINY.ids.ann);
    expect(reply.status).toBe(400);
    expect(reply.text).toContain('already a member');
  });

  it('removes a member with 200 and an empty body', async () => {
    const reply = await simRequest(
      sim(),
      `${TINY.site}/rest/api/3/group/user?groupId=${TINY.groups.alpha}&accountId=${TINY.ids.ann}`,
      { method: 'DELETE', headers: { 'x-atlassian-token': 'no-check', ...admin } },
    );
    expect(reply.status).toBe(200);
    expect(reply.text).toBe('');
    expect(await groupsOf(TINY.ids.ann)).not.toContain('team-alpha');
  });
});

describe('group reads', () => {
  const sim = useSimulator('tiny');

  it('group/member leaves out inactive members unless asked for them', async () => {
    type Page = { values: { accountId: string }[]; total: number; isLast: boolean };
    const active = (
      await simRequest(sim(), `${TINY.site}/rest/api/3/group/member?groupId=${TINY.groups.alpha}`, { headers: admin })
    ).json() as Page;
    expect(active.values.map((v) => v.accountId)).toEqual([TINY.ids.ann]);
    const all = (
      await simRequest(
        sim(),
        `${TINY.site}/rest/api/3/group/member?groupId=${TINY.groups.alpha}&includeInactiveUsers=true`,
        { headers: admin },
      )
    ).json() as Page;
    expect(all.values.map((v) => v.accountId).sort()).toEqual([TINY.ids.ann, TINY.ids.sue].sort());
  });

  it('group/member pages at most 50 with nextPage until isLast', async () => {
    const page = (
      await simRequest(
        sim(),
        `${TINY.site}/rest/api/3/group/member?groupId=${TINY.groups.software}&includeInactiveUsers=true&maxResults=2`,
        { headers: admin },
      )
    ).json() as { isLast: boolean; nextPage?: string; total: number };
    expect(page).toMatchObject({ isLast: false, total: 5 });
    expect(page.nextPage).toContain('startAt=2');
  });

  it('group/bulk lists groups with ids', async () => {
    const page = (await simRequest(sim(), `${TINY.site}/rest/api/3/group/bulk`, { headers: admin })).json() as {
      values: { name: string; groupId: string }[];
    };
    expect(page.values.map((g) => g.name)).toContain('team-alpha');
  });

  it('user/groups lists a user’s groups', async () => {
    const groups = (
      await simRequest(sim(), `${TINY.site}/rest/api/3/user/groups?accountId=${TINY.ids.ann}`, { headers: admin })
    ).json() as { name: string }[];
    expect(groups.map((g) => g.name).sort()).toEqual(['idp-engineering', 'jira-software-users', 'team-alpha']);
  });
});
