import { describe, expect, it } from 'vitest';
import { basic, JSON_WRITE, simRequest } from '../support/sim-http';
import { TINY, useSimulator } from '../support/with-sim';

const admin = basic(TINY.admin.email, TINY.admin.token);
type User = {
  accountId: string;
  active: boolean;
  accountType: string;
  displayName: string;
  emailAddress?: string;
  groups?: { items: { name: string }[] };
};

describe('users/search', () => {
  const sim = useSimulator('tiny', { fresh: true });

  it('answers a bare array with every account the site knows, removed, former, app and customer included', async () => {
    const reply = await simRequest(sim(), `${TINY.site}/rest/api/3/users/search?maxResults=100`, { headers: admin });
    expect(reply.status).toBe(200);
    const users = reply.json() as User[];
    expect(Array.isArray(users)).toBe(true);
    const byId = new Map(users.map((u) => [u.accountId, u]));
    expect(byId.get(TINY.ids.rae)).toMatchObject({
      active: false,
      accountType: 'atlassian',
      displayName: 'Rae Removed',
    });
    expect(byId.get(TINY.ids.former)).toMatchObject({ active: false, displayName: 'Former user' });
    expect(byId.get(TINY.ids.former)).not.toHaveProperty('emailAddress');
    expect(byId.get(TINY.ids.hal)).not.toHaveProperty('emailAddress');
    expect(byId.get(TINY.ids.app)).toMatchObject({ accountType: 'app', active: true });
    expect(users.some((u) => u.accountType === 'customer')).toBe(true);
  });

  it('pages with startAt/maxResults until an empty array, and never more than 1000 a page', async () => {
    const seen: string[] = [];
    for (let startAt = 0; ; startAt += 3) {
      const page = (
        await simRequest(sim(), `${TINY.site}/rest/api/3/users/search?startAt=${startAt}&maxResults=3`, {
          headers: admin,
        })
      ).json() as User[];
      if (page.length === 0) break;
      seen.push(...page.map((u) => u.accountId));
    }
    expect(seen).toHaveLength(10);
    expect(new Set(seen).size).toBe(10);
  });

  it('answers 409 for pages larger than the slow-query threshold', async () => {
    sim().state.setFaults({ usersSearchTimeoutAbove: 5 });
    expect(
      (await simRequest(sim(), `${TINY.site}/rest/api/3/users/search?maxResults=6`, { headers: admin })).status,
    ).toBe(409);
    expect(
      (await simRequest(sim(), `${TINY.site}/rest/api/3/users/search?maxResults=5`, { headers: admin })).status,
    ).toBe(200);
  });

  it('repeats users across pages when paging drifts', async () => {
    sim().state.setFaults({ pagingDrift: { mode: 'duplicate', size: 1 } });
    const first = (
      await simRequest(sim(), `${TINY.site}/rest/api/3/users/search?startAt=0&maxResults=3`, { headers: admin })
    ).json() as User[];
    const second = (
      await simRequest(sim(), `${TINY.site}/rest/api/3/users/search?startAt=3&maxResults=3`, { headers: admin })
    ).json() as User[];
    expect(second[0]!.accountId).toBe(first[2]!.accountId);
  });
});

// The 1000 cap needs more than 1000 users; the demo scenario is too small, so the large one is used.
describe('users/search on a large site', () => {
  const sim = useSimulator('large');
  it('returns at most 1000 users however many are asked for', async () => {
    const reply = await simRequest(sim(), 'https://bigcorp.atlassian.net/rest/api/3/users/search?maxResults=5000', {
      headers: basic('admin@bigcorp.example.com', sim().state.world.credentials[0]!.apiToken!),
    });
    expect(reply.status).toBe(200);
    expect((reply.json() as unknown[]).length).toBe(1000);
  });
});

describe('GET /user', () => {
  const sim = useSimulator('tiny');

  it('returns a removed user as inactive with no groups, and a member with theirs', async () => {
    const removed = (
      await simRequest(sim(), `${TINY.site}/rest/api/3/user?accountId=${TINY.ids.rae}&expand=groups,applicationRoles`, {
        headers: admin,
      })
    ).json() as User;
    expect(removed).toMatchObject({ active: false, groups: { items: [] } });
    const suspended = (
      await simRequest(sim(), `${TINY.site}/rest/api/3/user?accountId=${TINY.ids.sue}&expand=groups`, {
        headers: admin,
      })
    ).json() as User;
    expect(suspended.active).toBe(false);
    expect(suspended.groups!.items.map((g) => g.name).sort()).toEqual(['jira-software-users', 'team-alpha']);
  });

  it('answers 404 only for an unknown account', async () => {
    const reply = await simRequest(sim(), `${TINY.site}/rest/api/3/user?accountId=5b10ac8d82e05b22cc7dffff`, {
      headers: admin,
    });
    expect(reply.status).toBe(404);
    expect(reply.json()).toEqual({
      errorMessages: ['Specified user does not exist or you do not have required permissions'],
      errors: {},
    });
  });
});

describe('user/search', () => {
  const sim = useSimulator('tiny');
  it('finds active users only', async () => {
    const found = (
      await simRequest(sim(), `${TINY.site}/rest/api/3/user/search?query=r`, { headers: admin })
    ).json() as User[];
    expect(found.every((u) => u.active)).toBe(true);
    expect(found.map((u) => u.accountId)).not.toContain(TINY.ids.rae);
  });
});

describe('POST /user (re-adding an existing account)', () => {
  const sim = useSimulator('tiny', { fresh: true });
  const post = (body: object, headers: Record<string, string> = admin) =>
    simRequest(sim(), `${TINY.site}/rest/api/3/user`, { method: 'POST', headers: { ...JSON_WRITE, ...headers }, body });

  it('requires products', async () => {
    const reply = await post({ emailAddress: 'rae@tiny.example.com' });
    expect(reply.status).toBe(400);
    expect(reply.json()).toMatchObject({ errorMessages: ['You must specify the products that user can access.'] });
  });

  it('answers that the account exists when no products are given for a user without access', async () => {
    const reply = await post({ emailAddress: 'rae@tiny.example.com', products: [] });
    expect(reply.status).toBe(400);
    expect(reply.text).toContain('already exists');
  });

  it('re-adds a removed user with the products asked for and their default groups, keeping the account id', async () => {
    const reply = await post({
      emailAddress: 'RAE@tiny.example.com',
      products: ['jira-software'],
      displayName: 'ignored',
    });
    expect(reply.status).toBe(201);
    expect(reply.json()).toMatchObject({ accountId: TINY.ids.rae, active: true, displayName: 'Rae Removed' });
    const truth = (
      await simRequest(sim(), `${sim().controlUrl}/__sim/sites/tiny.atlassian.net/users/${TINY.ids.rae}`)
    ).json();
    expect(truth).toMatchObject({
      membership: { status: 'active', products: ['jira-software'] },
      groups: ['jira-software-users'],
    });
  });

  it('refuses when a product has no seat left', async () => {
    const reply = await post({ emailAddress: 'rae@tiny.example.com', products: ['jira-servicedesk'] });
    expect(reply.status).toBe(400);
    expect(reply.text).toMatch(/exceed the number of users allowed by your licence/);
  });

  it('refuses callers without Administer Jira and site admin', async () => {
    const reply = await post(
      { emailAddress: 'rae@tiny.example.com', products: ['jira-software'] },
      basic(TINY.viewer.email, TINY.viewer.token),
    );
    expect(reply.status).toBe(403);
  });

  it('has no PUT: updating a user is an internal server error', async () => {
    const reply = await simRequest(sim(), `${TINY.site}/rest/api/3/user?accountId=${TINY.ids.rae}`, {
      method: 'PUT',
      headers: { ...JSON_WRITE, ...admin },
      body: { active: true },
    });
    expect(reply.status).toBe(500);
  });
});

describe('DELETE /user', () => {
  const sim = useSimulator('tiny', { fresh: true });
  it('removes the user from the site, drops their groups and products, and keeps the account', async () => {
    const reply = await simRequest(sim(), `${TINY.site}/rest/api/3/user?accountId=${TINY.ids.ann}`, {
      method: 'DELETE',
      headers: { 'x-atlassian-token': 'no-check', ...admin },
    });
    expect(reply.status).toBe(204);
    const user = (
      await simRequest(sim(), `${TINY.site}/rest/api/3/user?accountId=${TINY.ids.ann}&expand=groups`, {
        headers: admin,
      })
    ).json() as User;
    expect(user).toMatchObject({ active: false, groups: { items: [] }, displayName: 'Ann Active' });
  });
});
