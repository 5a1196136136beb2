/**
 * The bulk queue (utils/background/bulk.ts) works several users at once, reads the site's products
 * once for the job, and writes every item's end; routed as an admin page sends it, against the
 * simulator over HTTPS, each result checked in the simulator's ground truth.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { route } from '@/utils/background/router';
import type { BulkJob } from '@/utils/domain/records';
import { authItem, bulkJobItem } from '@/utils/storage/items';
import { scenarioData } from '../sim/scenarios/presets';
import { startSimulator, type Simulator } from '../sim/server';
import { buildWorld } from '../sim/world/build';
import { simTransport } from '../support/sim-transport';
import { TINY } from '../support/with-sim';

const HOST = 'tiny.atlassian.net';
const tab = {
  kind: 'content-script',
  page: { kind: 'legacy', siteHost: HOST },
  tabId: 1,
  url: `https://${HOST}/admin/users`,
} as const;

let sim: Simulator;
let sent: { method: string; path: string; at: number }[] = [];

beforeAll(async () => {
  sim = await startSimulator({ scenario: 'tiny' });
});
afterAll(async () => {
  vi.restoreAllMocks();
  await sim.close();
});
beforeEach(async () => {
  fakeBrowser.reset();
  // Relink's XSRF Origin rule: an in-memory stand-in (tests/unit/xsrf-origin.test.ts tests the rule itself).
  Object.assign(fakeBrowser, { declarativeNetRequest: { updateSessionRules: async () => undefined } });
  sim.state.world = buildWorld(scenarioData('tiny'));
  sim.state.setFaults({ latencyMs: 40 });
  sent = [];
  const transport = simTransport(sim);
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    sent.push({ method: init?.method ?? 'GET', path: new URL(url).pathname, at: performance.now() });
    return transport.fetch(url, { ...init, signal: undefined });
  });
  await authItem.set({
    mode: 'api-token',
    email: TINY.admin.email,
    apiToken: TINY.admin.token,
    tokenSites: [HOST],
    orgId: null,
    orgKey: null,
  });
});

async function finished(): Promise<BulkJob> {
  for (let i = 0; i < 200; i++) {
    const job = await bulkJobItem.get();
    if (job?.state === 'finished') return job;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the bulk job did not finish');
}

describe('the bulk queue', () => {
  it('reactivates several users at once, reading the site’s products once, each result as the simulator has it', async () => {
    const reply = await route(
      {
        type: 'bulk/start',
        site: HOST,
        items: [
          { accountId: TINY.ids.rae, displayName: 'Rae Removed', email: 'rae@tiny.example.com' },
          { accountId: TINY.ids.hal, displayName: 'Hal Hidden', email: 'hal@tiny.example.com' },
        ],
        products: ['jira-software'],
      },
      tab,
    );
    expect(reply.ok).toBe(true);
    const job = await finished();
    expect(job.items.map((i) => i.status)).toEqual(['done', 'done']);
    const { world } = sim.state;
    const site = world.sites.get(HOST)!;
    for (const id of [TINY.ids.rae, TINY.ids.hal]) expect(site.memberships.get(id)!.status).toBe('active');
    // Rae's groups, as the audit log recorded them.
    expect(world.groupsOf(site, TINY.ids.rae).map((g) => g.name)).toEqual(['jira-software-users', 'team-alpha']);
    expect(sent.filter((r) => r.path === '/rest/api/3/applicationrole')).toHaveLength(1);
    // Both re-adds were sent before either user's read-back: the users ran side by side.
    const reAdds = sent.filter((r) => r.method === 'POST' && r.path === '/rest/api/3/user').map((r) => r.at);
    const lastRead = Math.max(
      ...sent.filter((r) => r.path === '/rest/api/3/user' && r.method === 'GET').map((r) => r.at),
    );
    expect(reAdds).toHaveLength(2);
    expect(Math.max(...reAdds)).toBeLessThan(lastRead);
  });
});
