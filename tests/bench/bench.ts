/**
 * `npm run bench [-- --sizes 1000,10000,50000]`: Relink's scan against the simulator at each size
 * (10% inactive, 40 groups, 80 ms latency per request, a 50 request/s burst limit), compared with
 * a naive sequential script measured in the same run; warm-page latency in Chromium; bundle
 * sizes; storage per user. Prints one table and writes the same as JSON under .output/bench/.
 */
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { JiraClient } from '@/utils/atlassian/jira-client';
import { recordsStep } from '@/utils/engine/records-step';
import { scanSite } from '@/utils/engine/scan';
import { emptySiteRecords } from '@/utils/engine/site-records';
import { generateScenario } from '../sim/scenarios/generate';
import { startSimulator, type Simulator } from '../sim/server';
import { buildWorld } from '../sim/world/build';
import type { World } from '../sim/world/world';
import type { HiddenUser } from '@/utils/domain/records';
import { simTransport } from '../support/sim-transport';
import { naiveScan } from './naive-scan';
import { warmPageLatency } from './warm-page';

const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '1000,10000,50000' }, 'skip-warm': { type: 'boolean', default: false } },
});
const sizes = values.sizes.split(',').map(Number);
const FAULTS = { latencyMs: 80, rateLimit: { requestsPerSecond: 50, burst: 50 } };

function scenarioFor(users: number) {
  return generateScenario({
    name: `bench-${users}`,
    seed: users,
    sites: [{ name: 'bench', users }],
    share: { removed: 0.04, suspended: 0.03, deactivated: 0.02, former: 0.01, hiddenEmail: 0.2 },
    appsPerSite: Math.max(3, Math.round(users * 0.002)),
    customersPerSite: Math.round(users * 0.01),
    teamGroups: 35, // + 5 product, admin and app groups = 40 groups
    products: ['jira-software', 'jira-servicedesk'],
    seats: null,
  });
}

/**
 * The fewest requests any scan needs (issue 5): users pages, plus the cheaper group evidence; plus
 * (issue 13) the site's products and the audit log read once for all hidden users, ⌈records/1000⌉ pages.
 */
function minimumRequests(world: World): {
  minimum: number;
  perUser: number;
  perGroup: number;
  auditPages: number;
  hidden: string[];
} {
  const site = [...world.sites.values()][0]!;
  const auditPages = Math.max(1, Math.ceil(world.records.auditOf(site.host).length / 1000));
  const records = site.memberships.size + site.rawRecords.length;
  const ids = [...site.memberships.keys()];
  const inactive = ids.filter((id) => {
    const a = world.accounts.get(id)!;
    return a.accountType === 'atlassian' && !world.isActiveOn(site, a);
  });
  const perGroup = site.groups.reduce((sum, g) => sum + Math.max(1, Math.ceil(g.members.size / 50)), 0);
  const hidden = inactive
    .filter((id) => world.accounts.get(id)!.status === 'active' && site.memberships.get(id)!.status === 'removed')
    .sort();
  return {
    minimum: Math.ceil(records / 1000) + Math.min(inactive.length, perGroup) + 1 + auditPages,
    perUser: inactive.length,
    perGroup,
    auditPages,
    hidden,
  };
}

/**
 * Of the hidden users whose removal the scenario recorded, how many Relink proposes exactly the
 * groups and products they had (ground truth: the scenario's past removals); and how many it does.
 */
function historyMatches(world: World, hidden: HiddenUser[]): { matched: number; recorded: number } {
  const byId = new Map(hidden.map((h) => [h.accountId, h]));
  const recorded = world.scenario.sites[0]!.pastRemovals;
  const matched = recorded.filter((r) => {
    const p = byId.get(r.accountId)?.proposal;
    const groups = (p?.groups ?? []).map((g) => g.name).sort();
    const products = (p?.products ?? []).map((x) => x.key).sort();
    return (
      JSON.stringify(groups) === JSON.stringify([...r.groups].sort()) &&
      JSON.stringify(products) === JSON.stringify([...r.products].sort())
    );
  }).length;
  return { matched, recorded: recorded.length };
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

async function measureSize(users: number) {
  const data = scenarioFor(users);
  const sim: Simulator = await startSimulator({ scenario: 'tiny' });
  try {
    sim.state.world = buildWorld(data);
    const credential = sim.state.world.credentials[0]!;
    const auth = { mode: 'api-token' as const, email: credential.email, token: credential.apiToken! };
    const truth = minimumRequests(sim.state.world);

    sim.state.setFaults(FAULTS);
    const naiveTransport = simTransport(sim, { realSleep: true });
    const naive = await timed(() => naiveScan(new JiraClient('bench.atlassian.net', auth, naiveTransport)));

    sim.state.setFaults(FAULTS);
    const transport = simTransport(sim, { realSleep: true });
    const snapshots = { groups: [], members: {} };
    const jira = new JiraClient('bench.atlassian.net', auth, transport);
    const siteRecords = emptySiteRecords();
    const relink = await timed(() =>
      scanSite({
        jira,
        org: null,
        snapshots,
        now: Date.now,
        requestsSent: () => transport.sent.length,
        records: recordsStep({ jira, org: null, records: siteRecords, cloudId: async () => '', now: Date.now }),
      }),
    );
    const auditRequests = transport.sent.filter((r) => r.url.includes('/rest/api/3/auditing/record')).length;
    const correct =
      JSON.stringify(relink.value.hidden.map((h) => h.accountId).sort()) === JSON.stringify(truth.hidden) &&
      JSON.stringify(naive.value) === JSON.stringify(truth.hidden);
    const storageBytes =
      Buffer.byteLength(JSON.stringify(relink.value)) +
      Buffer.byteLength(JSON.stringify(snapshots)) +
      Buffer.byteLength(JSON.stringify(siteRecords));
    return {
      users,
      records: [...sim.state.world.sites.values()][0]!.memberships.size,
      hidden: truth.hidden.length,
      correct,
      strategy: relink.value.strategy,
      auditRequests,
      auditPages: truth.auditPages,
      historyCorrect: historyMatches(sim.state.world, relink.value.hidden),
      requests: relink.value.requests,
      minimumRequests: truth.minimum,
      requestsVsMinimum: relink.value.requests / truth.minimum,
      earlyRetries: sim.state.limiter?.earlyRetries ?? 0,
      rateLimited: sim.state.limiter?.rejected ?? 0,
      relinkMs: Math.round(relink.ms),
      naiveMs: Math.round(naive.ms),
      naiveRequests: naiveTransport.sent.length,
      timeVsNaive: relink.ms / naive.ms,
      storageBytesPerUser: storageBytes / users,
    };
  } finally {
    await sim.close();
  }
}

function bundleSizes() {
  const dir = '.output/chrome-mv3';
  const size = (path: string) => statSync(join(dir, path)).size;
  const chunks = readdirSync(join(dir, 'chunks'));
  return {
    contentScriptBytes: size('content-scripts/admin.js'),
    popupBytes: chunks.filter((c) => c.startsWith('popup-')).reduce((s, c) => s + size(join('chunks', c)), 0),
    sharedPageChunkBytes: chunks
      .filter((c) => !c.startsWith('popup-') && !c.startsWith('options-'))
      .reduce((s, c) => s + size(join('chunks', c)), 0),
    backgroundBytes: size('background.js'),
  };
}

const results = [];
for (const users of sizes) {
  process.stderr.write(`measuring ${users} users…\n`);
  results.push(await measureSize(users));
}
const warm = values['skip-warm'] ? null : await warmPageLatency(scenarioFor(1000), FAULTS);
const bundles = bundleSizes();
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}`;

console.log(`\nRelink benchmark — ${new Date().toISOString()} — ${machine}`);
console.log(
  'users   | hidden | correct | strategy  | requests (min)    | vs min | audit reads (pages) | history right | early retries | Relink  | naive    | vs naive | storage/user',
);
for (const r of results) {
  console.log(
    `${String(r.users).padEnd(7)} | ${String(r.hidden).padEnd(6)} | ${String(r.correct).padEnd(7)} | ${r.strategy.padEnd(9)} | ${`${r.requests} (${r.minimumRequests})`.padEnd(17)} | ${r.requestsVsMinimum.toFixed(3).padEnd(6)} | ${`${r.auditRequests} (${r.auditPages})`.padEnd(19)} | ${`${r.historyCorrect.matched}/${r.historyCorrect.recorded}`.padEnd(13)} | ${String(r.earlyRetries).padEnd(13)} | ${(r.relinkMs / 1000).toFixed(1).padStart(5)} s | ${(r.naiveMs / 1000).toFixed(1).padStart(6)} s | ${r.timeVsNaive.toFixed(3).padEnd(8)} | ${r.storageBytesPerUser.toFixed(1)} B`,
  );
}
if (warm)
  console.log(
    `warm page: hidden rows ${warm.medianMs.toFixed(0)} ms after the native list (median of ${warm.samples.length} loads; min ${Math.min(...warm.samples).toFixed(0)}, max ${Math.max(...warm.samples).toFixed(0)})`,
  );
console.log(
  `bundles: content script ${(bundles.contentScriptBytes / 1024).toFixed(1)} kB, popup ${(bundles.popupBytes / 1024).toFixed(1)} kB (+ ${(bundles.sharedPageChunkBytes / 1024).toFixed(1)} kB shared with options), background ${(bundles.backgroundBytes / 1024).toFixed(1)} kB`,
);

mkdirSync('.output/bench', { recursive: true });
const file = `.output/bench/bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
writeFileSync(
  file,
  JSON.stringify({ at: new Date().toISOString(), machine, faults: FAULTS, results, warm, bundles }, null, 2),
);
console.log(`written: ${file}`);
