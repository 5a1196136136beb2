/**
 * `npm run bench [-- --sizes 1000,10000,50000]`: Relink's scan against the simulator at each size
 * (10% inactive, 40 groups, 80 ms latency per request, a 50 request/s burst limit), with a timeline of
 * where its time goes, against the rate limit's floor and a naive sequential script measured in the
 * same run; a page load's check for changes (nothing changed, one change); 200 reactivations in
 * bulk on the 10,000-user site; an org of 10 sites of 10,000 scanned side by side; warm-page
 * latency and requests in Chromium at 1,000 and 50,000 users; bundle sizes; storage per user.
 * Prints one table and writes the same as JSON under .output/bench/. Every ratio is of one run.
 */
import { fork, type Serializable } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { JiraClient } from '@/utils/atlassian/jira-client';
import { revalidateSite } from '@/utils/engine/revalidate';
import { startSimulator, type Simulator } from '../sim/server';
import { buildWorld } from '../sim/world/build';
import { simTransport } from '../support/sim-transport';
import { bulkReactivate } from './bulk-run';
import { naiveScan } from './naive-scan';
import { relinkScan, sentTo } from './scan-run';
import type { SimProcessReady, SimProcessStart } from './sim-process';
import {
  benchScenario,
  floorMs,
  historyMatches,
  LATENCY_MS,
  minimumRequests,
  RATE,
  siteOf,
  trulyHidden,
} from './truth';
import { readmeTables } from './readme-table';
import { warmPageLatency } from './warm-page';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000,50000' },
    'warm-sizes': { type: 'string', default: '1000,50000' },
    'skip-warm': { type: 'boolean', default: false },
    'skip-naive': { type: 'boolean', default: false },
    'skip-bulk': { type: 'boolean', default: false },
    'skip-org': { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map(Number);
const FAULTS = { latencyMs: LATENCY_MS, rateLimit: { requestsPerSecond: RATE, burst: 50 } };
const BULK = { users: 10_000, reactivations: 200 };
const ORG = { sites: 10, users: 10_000 };

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

async function withSim<T>(data: ReturnType<typeof benchScenario>, work: (sim: Simulator) => Promise<T>): Promise<T> {
  const sim = await startSimulator({ scenario: 'tiny' });
  try {
    sim.state.world = buildWorld(data);
    return await work(sim);
  } finally {
    await sim.close();
  }
}

function client(sim: Simulator, host?: string) {
  const credential = sim.state.world.credentials[0]!;
  const auth = { mode: 'api-token' as const, email: credential.email, token: credential.apiToken! };
  const transport = simTransport(sim, { realSleep: true });
  return { transport, jira: new JiraClient(host ?? siteOf(sim.state.world).host, auth, transport) };
}

const ids = (hidden: { accountId: string }[]) => JSON.stringify(hidden.map((h) => h.accountId).sort());

async function measureSize(users: number) {
  return withSim(benchScenario(users), async (sim) => {
    const site = siteOf(sim.state.world);
    const truth = minimumRequests(sim.state.world, site);

    sim.state.setFaults(FAULTS);
    const naive = values['skip-naive']
      ? null
      : await (async () => {
          const { transport, jira } = client(sim);
          const run = await timed(() => naiveScan(jira));
          return { ...run, requests: transport.sent.length };
        })();

    sim.state.setFaults(FAULTS);
    const { transport, jira } = client(sim);
    const scan = await relinkScan(jira, transport);
    const earlyRetries = sim.state.limiter?.earlyRetries ?? 0;
    const rateLimited = sim.state.limiter?.rejected ?? 0;
    const auditRequests = transport.sent.filter((r) => r.url.includes('/rest/api/3/auditing/record')).length;
    const correct =
      ids(scan.result.hidden) === JSON.stringify(truth.hidden) &&
      (naive === null || JSON.stringify(naive.value) === JSON.stringify(truth.hidden));
    const floor = floorMs(truth.minimum);

    // A page load afterwards: the check for changes, as site/scan makes it (utils/engine/revalidate.ts).
    const check = async (previous: typeof scan.result) => {
      const before = sentTo(transport, jira.host);
      const run = await timed(() =>
        revalidateSite({
          jira,
          org: null,
          previous,
          snapshots: scan.snapshots,
          records: scan.records,
          cloudId: async () => '',
          now: Date.now,
          requestsSent: () => sentTo(transport, jira.host),
        }),
      );
      if (run.value.kind !== 'changes') throw new Error(`the check asked for a scan: ${run.value.why}`);
      return { result: run.value.result, requests: sentTo(transport, jira.host) - before, ms: run.ms };
    };
    const unchanged = await check(scan.result);
    // One change: an active person deleted through the API, as Relink's users are.
    const admin = sim.state.world.credentials[0]!.accountId;
    const victim = [...site.memberships.keys()].find((id) => {
      const account = sim.state.world.accounts.get(id)!;
      return id !== admin && account.accountType === 'atlassian' && sim.state.world.isActiveOn(site, account);
    })!;
    sim.state.world.removeFromSite(site, victim, { accountId: admin, via: 'REST API' });
    const changed = await check(unchanged.result);

    return {
      users,
      records: site.memberships.size,
      hidden: truth.hidden.length,
      correct,
      strategy: scan.result.strategy,
      auditRequests,
      auditPages: truth.auditPages,
      historyCorrect: historyMatches(sim.state.world, site, scan.result.hidden),
      requests: scan.result.requests,
      minimumRequests: truth.minimum,
      requestsVsMinimum: scan.result.requests / truth.minimum,
      earlyRetries,
      rateLimited,
      relinkMs: Math.round(scan.ms),
      floorMs: Math.round(floor),
      timeVsFloor: scan.ms / floor,
      timeline: scan.timeline,
      naiveMs: naive && Math.round(naive.ms),
      naiveRequests: naive?.requests ?? null,
      timeVsNaive: naive && scan.ms / naive.ms,
      storageBytesPerUser: scan.storageBytes / users,
      revalidation: {
        unchanged: { requests: unchanged.requests, ms: Math.round(unchanged.ms) },
        oneChange: {
          requests: changed.requests,
          ms: Math.round(changed.ms),
          correct: ids(changed.result.hidden) === JSON.stringify(trulyHidden(sim.state.world, site)),
        },
      },
    };
  });
}

/** 200 reactivations of removed users on the 10,000-user site, after the page's scan. */
async function measureBulk() {
  return withSim(benchScenario(BULK.users), async (sim) => {
    sim.state.setFaults(FAULTS);
    const page = client(sim);
    const scan = await relinkScan(page.jira, page.transport);
    const recorded = new Set(sim.state.world.scenario.sites[0]!.pastRemovals.map((r) => r.accountId));
    // Rows the admin selects: removals the records tell, with an address Relink knows.
    const chosen = scan.result.hidden
      .filter((h) => recorded.has(h.accountId) && h.email !== null)
      .slice(0, BULK.reactivations);
    sim.state.setFaults(FAULTS);
    const { transport, jira } = client(sim);
    const run = await bulkReactivate({
      sim,
      jira,
      transport,
      chosen,
      snapshots: scan.snapshots,
      records: scan.records,
    });
    // The floor, as for a scan: their requests at the permitted rate, plus one round trip.
    const floor = floorMs(run.requests);
    return {
      siteUsers: BULK.users,
      ...run,
      ms: Math.round(run.ms),
      floorMs: Math.round(floor),
      timeVsFloor: run.ms / floor,
      correct: run.wrong.length === 0 && run.done === chosen.length,
    };
  });
}

/**
 * An org of 10 sites of 10,000 users, scanned side by side as the org page asks them: one client,
 * one gate, each site within its own limit. The simulator runs in its own process here (sim-process.ts).
 */
async function measureOrg() {
  const simulator = fork(new URL('./sim-process.ts', import.meta.url), { execArgv: ['--import', 'tsx'] });
  const reply = async <T>(message?: unknown): Promise<T> => {
    const answer = once(simulator, 'message');
    if (message !== undefined) simulator.send(message as Serializable);
    return (await answer)[0] as T;
  };
  try {
    const start: SimProcessStart = { users: ORG.users, sites: ORG.sites, faults: FAULTS };
    simulator.send(start);
    const ready = await reply<SimProcessReady>();
    const auth = { mode: 'api-token' as const, email: ready.email, token: ready.token };
    const transport = simTransport({ port: ready.port } as Simulator, { realSleep: true });
    const started = performance.now();
    const runs = await Promise.all(
      ready.sites.map(async (site) => {
        const run = await relinkScan(new JiraClient(site.host, auth, transport), transport);
        return {
          host: site.host,
          requests: run.result.requests,
          minimumRequests: site.minimum,
          ms: Math.round(run.ms),
          floorMs: Math.round(floorMs(site.minimum)),
          correct: ids(run.result.hidden) === JSON.stringify(site.hidden),
          timeline: run.timeline,
        };
      }),
    );
    const ms = performance.now() - started;
    const limiter = await reply<{ earlyRetries: number; rejected: number }>('limiter');
    const slowestFloor = Math.max(...runs.map((r) => r.floorMs));
    return {
      sites: ORG.sites,
      usersPerSite: ORG.users,
      ms: Math.round(ms),
      slowestFloorMs: slowestFloor,
      timeVsSlowestFloor: ms / slowestFloor,
      requests: runs.reduce((n, r) => n + r.requests, 0),
      earlyRetries: limiter.earlyRetries,
      rateLimited: limiter.rejected,
      correct: runs.every((r) => r.correct),
      perSite: runs,
    };
  } finally {
    simulator.send('close');
    await once(simulator, 'exit');
  }
}

function bundleSizes() {
  const dir = '.output/chrome-mv3';
  const size = (path: string) => statSync(join(dir, path)).size;
  const chunks = readdirSync(join(dir, 'chunks'));
  return {
    contentScriptBytes: size('admin.js'),
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
process.stderr.write(values['skip-bulk'] ? '' : 'measuring bulk…\n');
const bulk = values['skip-bulk'] ? null : await measureBulk();
process.stderr.write(values['skip-org'] ? '' : 'measuring the org…\n');
const org = values['skip-org'] ? null : await measureOrg();
const warm = [];
if (!values['skip-warm'])
  for (const users of values['warm-sizes'].split(',').map(Number)) {
    process.stderr.write(`measuring the warm page at ${users} users…\n`);
    warm.push({ users, ...(await warmPageLatency(benchScenario(users), FAULTS)) });
  }
const bundles = bundleSizes();
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}`;
const revalidation = results.map((r) => ({ users: r.users, ...r.revalidation }));
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const x = (ratio: number | null) => (ratio === null ? '—' : `${ratio.toFixed(3)}×`);

console.log(`\nRelink benchmark — ${new Date().toISOString()} — ${machine}`);
console.log(
  'users   | hidden | correct | strategy  | requests (min)    | vs min | audit reads (pages) | history right | early retries | Relink  | floor   | vs floor | naive    | vs naive | storage/user',
);
for (const r of results) {
  console.log(
    `${String(r.users).padEnd(7)} | ${String(r.hidden).padEnd(6)} | ${String(r.correct).padEnd(7)} | ${r.strategy.padEnd(9)} | ${`${r.requests} (${r.minimumRequests})`.padEnd(17)} | ${r.requestsVsMinimum.toFixed(3).padEnd(6)} | ${`${r.auditRequests} (${r.auditPages})`.padEnd(19)} | ${`${r.historyCorrect.matched}/${r.historyCorrect.recorded}`.padEnd(13)} | ${String(r.earlyRetries).padEnd(13)} | ${s(r.relinkMs).padStart(7)} | ${s(r.floorMs).padStart(7)} | ${x(r.timeVsFloor).padEnd(8)} | ${(r.naiveMs === null ? '—' : s(r.naiveMs)).padStart(8)} | ${x(r.timeVsNaive).padEnd(8)} | ${r.storageBytesPerUser.toFixed(1)} B`,
  );
}
console.log('\nwhere the time goes (ms from the start; phases overlap where they can):');
for (const { users, timeline: t, relinkMs } of results)
  console.log(
    `${String(users).padEnd(7)} | group list ${t.groupListMs} | logs and products ${t.logsMs} | users listed ${t.listingMs} | member pages +${t.memberPagesMs} | classification +${t.classificationMs} | records +${t.recordsMs} | storage (serialize) ${t.storageMs} | total ${relinkMs} | idle (nothing in flight) ${t.idleMs} | held by the gate ${t.heldMs} (paced ${t.paced}, blocked ${t.blocked})`,
  );
console.log('\na page load after the scan (the check for changes):');
for (const r of revalidation)
  console.log(
    `${String(r.users).padEnd(7)} | nothing changed: ${r.unchanged.requests} request${r.unchanged.requests === 1 ? '' : 's'}, ${r.unchanged.ms} ms | one user deleted through the API: ${r.oneChange.requests} requests, ${r.oneChange.ms} ms, right: ${r.oneChange.correct}`,
  );
if (bulk)
  console.log(
    `\nbulk: ${bulk.users} reactivations on ${bulk.siteUsers} users — ${bulk.requests} requests in ${s(bulk.ms)}, floor ${s(bulk.floorMs)} = ${x(bulk.timeVsFloor)}; done ${bulk.done}/${bulk.users}, as recorded: ${bulk.correct}${bulk.wrong.length ? ` (${bulk.wrong.length} wrong: ${bulk.wrong[0]!.why})` : ''}; early retries ${bulk.earlyRetries}, 429s ${bulk.rateLimited}; audit writes ${bulk.auditWrites}`,
  );
if (org)
  console.log(
    `org: ${org.sites} sites × ${org.usersPerSite} users side by side — ${s(org.ms)} vs the slowest site's floor ${s(org.slowestFloorMs)} = ${x(org.timeVsSlowestFloor)}; ${org.requests} requests; correct: ${org.correct}; early retries ${org.earlyRetries}, 429s ${org.rateLimited}`,
  );
for (const w of warm)
  console.log(
    `warm page at ${w.users} users: hidden rows ${w.medianMs.toFixed(0)} ms after the native list (median of ${w.samples.length} loads; min ${Math.min(...w.samples).toFixed(0)}, max ${Math.max(...w.samples).toFixed(0)}); Relink's requests per load: median ${w.requestsMedian} (max ${Math.max(...w.requests)})`,
  );
console.log(
  `bundles: content script ${(bundles.contentScriptBytes / 1024).toFixed(1)} kB, popup ${(bundles.popupBytes / 1024).toFixed(1)} kB (+ ${(bundles.sharedPageChunkBytes / 1024).toFixed(1)} kB shared with options), background ${(bundles.backgroundBytes / 1024).toFixed(1)} kB`,
);

mkdirSync('.output/bench', { recursive: true });
const file = `.output/bench/bench-${new Date().toISOString().replace(/[:.]/g, '-')}`;
const json = { at: new Date().toISOString(), machine, faults: FAULTS, results, revalidation, bulk, org, warm, bundles };
writeFileSync(`${file}.json`, JSON.stringify(json, null, 2));
writeFileSync(`${file}.md`, `${readmeTables(json)}\n`);
console.log(`written: ${file}.json, and the README's tables in ${file}.md`);
