/**
 * Relink's scan of one site as the background runs it (utils/background/scans.ts): the logs and
 * products read while the users are listed, then the group evidence, the verdicts and the records
 * step; with a timeline of when each phase ended, how the client's gate spent the time, and what
 * writing the result to storage costs (serializing it, as storage does).
 */
import type { JiraClient } from '@/utils/atlassian/jira-client';
import type { ScanResult, SiteRecords, SnapshotStore } from '@/utils/domain/records';
import { prefetchRecords, recordsStep } from '@/utils/engine/records-step';
import { scanSite, type ScanPhase } from '@/utils/engine/scan';
import { emptySiteRecords } from '@/utils/engine/site-records';
import type { SimTransport } from '../support/sim-transport';

interface Timeline {
  /** When each phase ended, in ms from the start (the group list and logs end during the listing). */
  groupListMs: number;
  logsMs: number;
  listingMs: number;
  memberPagesMs: number;
  classificationMs: number;
  recordsMs: number;
  /** Serializing the scan, the snapshots and the records, as a storage write does. */
  storageMs: number;
  /** Time with no request in flight to the site (the pipe idle), and with requests held back by the gate. */
  idleMs: number;
  heldMs: number;
  /** Requests the gate held for the budget (paced) and for a 429's wait or a slow-down (blocked). */
  paced: number;
  blocked: number;
}

export interface ScanRun {
  result: ScanResult;
  ms: number;
  timeline: Timeline;
  storageBytes: number;
  snapshots: SnapshotStore;
  records: SiteRecords;
}

export const sentTo = (transport: SimTransport, host: string): number =>
  transport.sent.filter((r) => new URL(r.url).host === host).length;

export async function relinkScan(jira: JiraClient, transport: SimTransport): Promise<ScanRun> {
  const snapshots: SnapshotStore = { groups: [], members: {} };
  const records = emptySiteRecords();
  const started = performance.now();
  const marks: Partial<Record<ScanPhase | 'logs', number>> = {};
  const mark = (phase: ScanPhase | 'logs') => (marks[phase] = performance.now() - started);
  const common = { jira, org: null, records, cloudId: async () => '', now: Date.now };
  const prefetched = prefetchRecords(common);
  void prefetched.logs.then(() => mark('logs'));
  const result = await scanSite({
    jira,
    org: null,
    snapshots,
    now: Date.now,
    requestsSent: () => sentTo(transport, jira.host),
    phaseEnded: mark,
    records: recordsStep({ ...common, prefetched }),
  });
  const ms = performance.now() - started;
  const writing = performance.now();
  const storageBytes = [result, snapshots, records].reduce((n, v) => n + Buffer.byteLength(JSON.stringify(v)), 0);
  const storageMs = performance.now() - writing;
  const at = (phase: ScanPhase | 'logs') => Math.round(marks[phase] ?? NaN);
  const gate = transport.gate!.usage(jira.host);
  return {
    result,
    ms,
    storageBytes,
    snapshots,
    records,
    timeline: {
      groupListMs: at('groups-listed'),
      logsMs: at('logs'),
      listingMs: at('users-listed'),
      memberPagesMs: at('memberships') - at('users-listed'),
      classificationMs: at('classified') - at('memberships'),
      recordsMs: at('records') - at('classified'),
      storageMs: Math.round(storageMs),
      idleMs: Math.round(ms - gate.busyMs),
      heldMs: Math.round(gate.heldMs),
      paced: gate.paced,
      blocked: gate.blocked,
    },
  };
}
