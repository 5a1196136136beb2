/** The engine's scan against the simulator over real HTTPS, checked against the simulator's ground truth. */
import { describe, expect, it } from 'vitest';
import { JiraClient } from '@/utils/atlassian/jira-client';
import { OrgClient } from '@/utils/atlassian/org-client';
import { scanSite } from '@/utils/engine/scan';
import type { ScanResult, SnapshotStore } from '@/utils/domain/records';
import type { Simulator } from '../sim/server';
import { simRequest } from '../support/sim-http';
import { simTransport } from '../support/sim-transport';
import { TINY, useSimulator } from '../support/with-sim';

/** Ground truth: atlassian accounts, alive, with a removed membership on the site. */
function trulyHidden(sim: Simulator, host: string): string[] {
  const { world } = sim.state;
  const site = world.sites.get(host)!;
  return [...site.memberships]
    .filter(
      ([id, m]) =>
        m.status === 'removed' &&
        world.accounts.get(id)!.status === 'active' &&
        world.accounts.get(id)!.accountType === 'atlassian',
    )
    .map(([id]) => id)
    .sort();
}

function scan(
  sim: Simulator,
  host: string,
  options: {
    orgKey?: boolean;
    snapshots?: SnapshotStore;
    groupStrategy?: 'per-user' | 'per-group';
    previous?: ScanResult;
  } = {},
) {
  const transport = simTransport(sim);
  const credential = sim.state.world.credentials[0]!;
  const jira = new JiraClient(
    host,
    { mode: 'api-token', email: credential.email, token: credential.apiToken! },
    transport,
  );
  const org = options.orgKey
    ? new OrgClient(sim.state.world.org.orgId, sim.state.world.org.apiKeys[0]!, transport)
    : null;
  const snapshots = options.snapshots ?? { groups: [], members: {} };
  return {
    transport,
    snapshots,
    result: scanSite({
      jira,
      org,
      snapshots,
      now: transport.now,
      requestsSent: () => transport.sent.length,
      groupStrategy: options.groupStrategy,
      previous: options.previous,
    }),
  };
}

describe('scan', () => {
  const sim = useSimulator('tiny', { fresh: true });

  it('finds exactly the removed-but-alive users of tiny, with why', async () => {
    const { result } = scan(sim(), 'tiny.atlassian.net');
    const r = await result;
    expect(r.hidden.map((h) => h.accountId).sort()).toEqual(trulyHidden(sim(), 'tiny.atlassian.net'));
    expect(r.hidden.find((h) => h.accountId === TINY.ids.hal)).toMatchObject({
      email: null,
      reason: 'inactive and in no site group: removed from the site, account alive',
      certainty: 'likely',
    });
    expect(r.counts).toEqual({ active: 3, app: 1, hidden: 2, 'suspended-or-deactivated': 2, former: 1, customer: 1 });
    expect(r.requests).toBeGreaterThan(0);
  });

  it('is certain with the org key, and tells suspended from deactivated', async () => {
    const r = await scan(sim(), 'tiny.atlassian.net', { orgKey: true }).result;
    expect(r.strategy).toBe('org-directory');
    expect(r.counts).toMatchObject({ hidden: 2, suspended: 1, deactivated: 1, former: 1 });
    expect(r.hidden.every((h) => h.certainty === 'certain')).toBe(true);
    expect(r.hidden.find((h) => h.accountId === TINY.ids.hal)!.email).toBe('hal@tiny.example.com');
  });

  it('remembers groups it saw, and offers them once the user has been removed', async () => {
    const snapshots: SnapshotStore = { groups: [], members: {} };
    await scan(sim(), 'tiny.atlassian.net', { snapshots, groupStrategy: 'per-group' }).result;
    await simRequest(sim(), `${sim().controlUrl}/__sim/sites/tiny.atlassian.net/users/${TINY.ids.ann}/remove`, {
      method: 'POST',
    });
    const r = await scan(sim(), 'tiny.atlassian.net', { snapshots }).result;
    const ann = r.hidden.find((h) => h.accountId === TINY.ids.ann);
    expect(ann?.rememberedGroups.map((g) => g.name).sort()).toEqual([
      'idp-engineering',
      'jira-software-users',
      'team-alpha',
    ]);
    expect(ann?.rememberedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('rescans incrementally: inactive users already judged are not read again, newly removed ones are', async () => {
    const first = await scan(sim(), 'tiny.atlassian.net').result;
    expect(first.reusedVerdicts).toBe(0);
    await simRequest(sim(), `${sim().controlUrl}/__sim/sites/tiny.atlassian.net/users/${TINY.ids.ann}/remove`, {
      method: 'POST',
    });
    const again = scan(sim(), 'tiny.atlassian.net', { previous: first });
    const second = await again.result;
    expect(second.reusedVerdicts).toBe(5);
    expect(second.hidden.map((h) => h.accountId).sort()).toEqual(trulyHidden(sim(), 'tiny.atlassian.net'));
    const userReads = again.transport.sent
      .filter((r) => new URL(r.url).pathname === '/rest/api/3/user')
      .map((r) => new URL(r.url).searchParams.get('accountId'));
    expect(userReads).toEqual([TINY.ids.ann]);
    expect(second.requests).toBeLessThan(first.requests);
  });

  it('survives paging drift without counting anyone twice', async () => {
    sim().state.setFaults({ pagingDrift: { mode: 'duplicate', size: 2 } });
    const transport = simTransport(sim());
    const jira = new JiraClient(
      'tiny.atlassian.net',
      { mode: 'api-token', email: TINY.admin.email, token: TINY.admin.token },
      transport,
    );
    const { fetchAllUsers } = await import('@/utils/engine/fetch-users');
    const fetched = await fetchAllUsers(jira, { pageSize: 3 });
    expect(fetched.users.size).toBe(10);
    expect(fetched.duplicates).toBeGreaterThan(0);
  });

  it('halves the page size after a 409 and still lists everyone', async () => {
    sim().state.setFaults({ usersSearchTimeoutAbove: 100 });
    const transport = simTransport(sim());
    const jira = new JiraClient(
      'tiny.atlassian.net',
      { mode: 'api-token', email: TINY.admin.email, token: TINY.admin.token },
      transport,
    );
    const { fetchAllUsers } = await import('@/utils/engine/fetch-users');
    const fetched = await fetchAllUsers(jira, { pageSize: 1000 });
    expect(fetched.users.size).toBe(10);
    expect(transport.sent.map((r) => new URL(r.url).searchParams.get('maxResults'))).toEqual([
      '1000',
      '500',
      '250',
      '125',
      '62',
      '62',
    ]);
  });
});

describe('scan of the demo scenario', () => {
  const sim = useSimulator('demo');
  it.each(['acme.atlassian.net', 'globex.atlassian.net'])('matches the ground truth on %s', async (host) => {
    const r = await scan(sim(), host).result;
    expect(r.hidden.map((h) => h.accountId).sort()).toEqual(trulyHidden(sim(), host));
  });
});

describe('the org API’s list of sites', () => {
  const sim = useSimulator('tiny');
  it('names the org’s Jira sites, for the org user-list page', async () => {
    const { OrgClient: Client } = await import('@/utils/atlassian/org-client');
    const org = new Client(TINY.orgId, TINY.orgKey, simTransport(sim()));
    expect(await org.jiraSiteHosts()).toEqual(['tiny.atlassian.net', 'tinyext.atlassian.net']);
    await expect(
      new Client(TINY.orgId, 'sim-org-key-wrong-000000000000', simTransport(sim())).jiraSiteHosts(),
    ).rejects.toMatchObject({ kind: 'unauthenticated' });
  });
});
