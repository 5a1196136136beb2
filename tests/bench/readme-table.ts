/**
 * The README's performance tables, from a bench JSON: `bench.ts` writes them beside the JSON, and
 * `node --import tsx tests/bench/readme-table.ts FILE.json` prints them again from an older run.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface SizeResult {
  users: number;
  hidden: number;
  correct: boolean;
  requests: number;
  minimumRequests: number;
  auditRequests: number;
  auditPages: number;
  historyCorrect: { matched: number; recorded: number };
  earlyRetries: number;
  relinkMs: number;
  floorMs: number;
  timeVsFloor: number;
  naiveMs: number | null;
  storageBytesPerUser: number;
  revalidation: {
    unchanged: { requests: number; ms: number };
    oneChange: { requests: number; ms: number; correct: boolean };
  };
}
interface BenchJson {
  at: string;
  machine: string;
  results: SizeResult[];
  bulk: {
    users: number;
    siteUsers: number;
    requests: number;
    ms: number;
    floorMs: number;
    timeVsFloor: number;
    done: number;
    correct: boolean;
    earlyRetries: number;
    rateLimited: number;
  } | null;
  org: {
    sites: number;
    usersPerSite: number;
    ms: number;
    slowestFloorMs: number;
    timeVsSlowestFloor: number;
    requests: number;
    correct: boolean;
    earlyRetries: number;
    rateLimited: number;
  } | null;
  warm: { users: number; medianMs: number; samples: number[]; requestsMedian: number }[];
  bundles: { contentScriptBytes: number; popupBytes: number; sharedPageChunkBytes: number; backgroundBytes: number };
}

const n = (value: number) => value.toLocaleString('en-US');
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const x = (ratio: number) => `${ratio.toFixed(2)}×`;
const yes = (ok: boolean) => (ok ? 'yes' : '**no**');

function table(head: string[], rows: string[][]): string {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

export function readmeTables(bench: BenchJson): string {
  const scans = table(
    [
      'users',
      'hidden found (correct)',
      'requests vs the minimum',
      'time vs the floor',
      'time vs the naive script',
      'audit-log reads (pages needed)',
      'what they had (right)',
      'early retries',
      'page load after: requests, nothing changed / one change (right)',
      'storage per user',
    ],
    bench.results.map((r) => [
      n(r.users),
      `${n(r.hidden)} (${yes(r.correct)})`,
      `${n(r.requests)} / ${n(r.minimumRequests)} = ${(r.requests / r.minimumRequests).toFixed(3)}×`,
      `${s(r.relinkMs)} / ${s(r.floorMs)} = ${x(r.timeVsFloor)}`,
      r.naiveMs === null ? '—' : `${s(r.relinkMs)} / ${s(r.naiveMs)} = ${x(r.relinkMs / r.naiveMs)}`,
      `${r.auditRequests} (${r.auditPages})`,
      `${n(r.historyCorrect.matched)} of ${n(r.historyCorrect.recorded)}`,
      String(r.earlyRetries),
      `${r.revalidation.unchanged.requests} / ${r.revalidation.oneChange.requests} (${yes(r.revalidation.oneChange.correct)})`,
      `${r.storageBytesPerUser.toFixed(0)} B`,
    ]),
  );
  const more: string[][] = [];
  if (bench.bulk)
    more.push([
      `bulk: ${bench.bulk.users} reactivations on a ${n(bench.bulk.siteUsers)}-user site`,
      `${s(bench.bulk.ms)} / ${s(bench.bulk.floorMs)} = ${x(bench.bulk.timeVsFloor)} (floor: its ${n(bench.bulk.requests)} requests at 50/s)`,
      `${bench.bulk.done} of ${bench.bulk.users} done as recorded: ${yes(bench.bulk.correct)}; early retries ${bench.bulk.earlyRetries}, 429s ${bench.bulk.rateLimited}`,
    ]);
  if (bench.org)
    more.push([
      `org: ${bench.org.sites} sites × ${n(bench.org.usersPerSite)} users, side by side`,
      `${s(bench.org.ms)} / ${s(bench.org.slowestFloorMs)} = ${x(bench.org.timeVsSlowestFloor)} (the slowest site's floor)`,
      `correct: ${yes(bench.org.correct)}; ${n(bench.org.requests)} requests; early retries ${bench.org.earlyRetries}, 429s ${bench.org.rateLimited}`,
    ]);
  for (const w of bench.warm)
    more.push([
      `warm page, ${n(w.users)} users (Chromium, ${w.samples.length} loads)`,
      `rows ${Math.round(w.medianMs)} ms after the page's own list (median; min ${Math.round(Math.min(...w.samples))}, max ${Math.round(Math.max(...w.samples))})`,
      `${w.requestsMedian} request${w.requestsMedian === 1 ? '' : 's'} per load (median)`,
    ]);
  const b = bench.bundles;
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
  return [
    `Figures of ${bench.at.slice(0, 10)} (${bench.machine}):`,
    '',
    scans,
    '',
    table(['', 'time', 'result'], more),
    '',
    `Bundles: content script ${kb(b.contentScriptBytes)}, popup ${kb(b.popupBytes)} (+ ${kb(b.sharedPageChunkBytes)} shared with the options page), background ${kb(b.backgroundBytes)}.`,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  if (!file) throw new Error('Usage: node --import tsx tests/bench/readme-table.ts .output/bench/bench-….json');
  console.log(readmeTables(JSON.parse(readFileSync(file, 'utf8')) as BenchJson));
}
