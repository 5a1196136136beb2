/**
 * One scan per site at a time, shared by every tab, the popup and a bulk run that ask
 * (utils/background/scans.ts): the background's own `site/scan`, routed as two admin tabs and the
 * popup send it, against the simulator over HTTPS; its requests counted where they leave.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { route } from '@/utils/background/router';
import type { ScanResult } from '@/utils/domain/records';
import { authItem, scanItem } from '@/utils/storage/items';
import { scenarioData } from '../sim/scenarios/presets';
import { startSimulator, type Simulator } from '../sim/server';
import { buildWorld } from '../sim/world/build';
import { simTransport } from '../support/sim-transport';
import { TINY } from '../support/with-sim';

const HOST = 'tiny.atlassian.net';
const tab = (tabId: number) =>
  ({
    kind: 'content-script',
    page: { kind: 'legacy', siteHost: HOST },
    tabId,
    url: `https://${HOST}/admin/users`,
  }) as const;
const popup = { kind: 'extension-page' } as const;

let sim: Simulator;
let sent: string[] = [];

beforeAll(async () => {
  sim = await startSimulator({ scenario: 'tiny' });
});
afterAll(async () => {
  vi.restoreAllMocks();
  await sim.close();
});
beforeEach(async () => {
  fakeBrowser.reset();
  sim.state.world = buildWorld(scenarioData('tiny'));
  sim.state.setFaults({});
  sent = [];
  const transport = simTransport(sim);
  // The background's fetch, to the simulator; every request that leaves is counted by its path.
  vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    sent.push(new URL(url).pathname);
    return transport.fetch(url, { ...init, signal: undefined });
  });
  await signIn();
});

const signIn = () =>
  authItem.set({
    mode: 'api-token',
    email: TINY.admin.email,
    apiToken: TINY.admin.token,
    tokenSites: [HOST],
    orgId: null,
    orgKey: null,
  });

const scan = async (sender: ReturnType<typeof tab> | typeof popup, full?: boolean) => {
  const reply = await route({ type: 'site/scan', site: HOST, ...(full ? { full } : {}) }, sender);
  if (!reply.ok) throw new Error(reply.error);
  return reply.value as ScanResult;
};
const count = (paths: string[]) => {
  const counts: Record<string, number> = {};
  for (const p of paths) counts[p] = (counts[p] ?? 0) + 1;
  return counts;
};

describe('one scan per site, shared', () => {
  it.each([
    ['the popup first', 0],
    ['the tabs first', 1],
  ])('two tabs and the popup asking at once cost one scan’s requests, and get the same answer (%s)', async (_, lag) => {
    await scan(popup, true);
    const alone = count(sent);
    fakeBrowser.reset();
    // The worker keeps its last scan in memory too: forget it the way Relink would.
    await scanItem(HOST).remove();
    sim.state.world = buildWorld(scenarioData('tiny'));
    await signIn();
    sent = [];
    const tabs = [scan(tab(1)), scan(tab(2))];
    if (lag) await new Promise((resolve) => setTimeout(resolve, 0));
    const [first, second, third] = await Promise.all([...tabs, scan(popup, true)]);
    expect(count(sent)).toEqual(alone);
    expect(second).toStrictEqual(first);
    expect(third).toStrictEqual(first);
    // Pages get the scan without the bookkeeping the next check reads.
    expect(first).toHaveProperty('hidden');
    expect(first).not.toHaveProperty('states');
    expect(first).not.toHaveProperty('inactiveGroupCounts');
  });

  it('after a scan, tabs asking at once share one check of the audit log; a Rescan then reads everything, shared too', async () => {
    await scan(popup, true);
    const scanned = count(sent);
    sent = [];
    const [one, two] = await Promise.all([scan(tab(1)), scan(tab(2))]);
    expect(sent).toEqual(['/rest/api/3/auditing/record']);
    expect(one).toStrictEqual(two);
    expect(one).toMatchObject({ kind: 'changes', changedUsers: 0 });

    sent = [];
    const rescan = scan(popup, true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const [full, page] = await Promise.all([rescan, scan(tab(1))]);
    expect(page).toStrictEqual(full);
    expect(full.kind).toBe('scan');
    // As many requests as the first scan, but for tenant_info, which Relink keeps.
    expect(count(sent)).toEqual({ ...scanned, '/_edge/tenant_info': undefined });
  });
});
