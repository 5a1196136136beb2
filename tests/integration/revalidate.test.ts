/**
 * A page load's check for changes (utils/engine/revalidate.ts) against the simulator: after a scan,
 * one audit-log request when nothing changed; a removal, a re-add or a group change costs the users
 * the log names; the result matches a fresh scan and the simulator's ground truth. What the log
 * cannot answer is answered by a scan, and each assumption about what the log records can be
 * switched off in the simulator (`auditLog.unrecorded`) to show what then.
 */
import { describe, expect, it } from 'vitest';
import { JiraClient } from '@/utils/atlassian/jira-client';
import type { ScanResult, SiteRecords, SnapshotStore } from '@/utils/domain/records';
import { prefetchRecords, recordsStep } from '@/utils/engine/records-step';
import { FULL_SCAN_EVERY_MS, reactivated, revalidateSite } from '@/utils/engine/revalidate';
import { scanSite } from '@/utils/engine/scan';
import { emptySiteRecords } from '@/utils/engine/site-records';
import type { Simulator } from '../sim/server';
import { basic, simRequest } from '../support/sim-http';
import { simTransport } from '../support/sim-transport';
import { TINY, useSimulator } from '../support/with-sim';

const HOST = 'tiny.atlassian.net';
const TINY_CLOUD = '11111111-2222-4333-8444-555555555555';

function trulyHidden(sim: Simulator): string[] {
  const { world } = sim.state;
  const site = world.sites.get(HOST)!;
  return [...site.memberships]
    .filter(([id, m]) => {
      const account = world.accounts.get(id)!;
      return m.status === 'removed' && account.status === 'active' && account.accountType === 'atlassian';
    })
    .map(([id]) => id)
    .sort();
}

function site(sim: Simulator) {
  const transport = simTransport(sim);
  const jira = new JiraClient(HOST, { mode: 'api-token', email: TINY.admin.email, token: TINY.admin.token }, transport);
  const snapshots: SnapshotStore = { groups: [], members: {} };
  const records: SiteRecords = emptySiteRecords();
  const common = { jira, org: null, records, cloudId: async () => TINY_CLOUD, now: transport.now };
  const scan = (previous: ScanResult | null = null) =>
    scanSite({
      jira,
      org: null,
      snapshots,
      now: transport.now,
      requestsSent: () => transport.sent.length,
      previous,
      records: recordsStep({ ...common, prefetched: prefetchRecords(common) }),
    });
  const check = (previous: ScanResult) =>
    revalidateSite({ ...common, previous, snapshots, requestsSent: () => transport.sent.length });
  return { transport, jira, records, scan, check };
}

const ids = (result: ScanResult) => result.hidden.map((h) => h.accountId).sort();

/** Removes a user the way Relink's users were removed: DELETE /rest/api/3/user with an API token. */
async function deleteThroughApi(sim: Simulator, accountId: string) {
  const reply = await simRequest(sim, `${TINY.site}/rest/api/3/user?accountId=${accountId}`, {
    method: 'DELETE',
    headers: { ...basic(TINY.admin.email, TINY.admin.token), 'x-atlassian-token': 'no-check' },
  });
  expect(reply.status).toBe(204);
}

describe('a page load’s check for changes', () => {
  const sim = useSimulator('tiny', { fresh: true });

  it('costs one request when nothing changed, and keeps the scan as it was', async () => {
    const { scan, check, transport } = site(sim());
    const scanned = await scan();
    const before = transport.sent.length;
    const checked = await check(scanned);
    expect(checked.kind).toBe('changes');
    if (checked.kind !== 'changes') return;
    expect(transport.sent.slice(before).map((r) => new URL(r.url).pathname)).toEqual(['/rest/api/3/auditing/record']);
    expect(checked.result).toMatchObject({
      kind: 'changes',
      changedUsers: 0,
      requests: 1,
      listedAt: scanned.startedAt,
    });
    expect(checked.result.hidden).toEqual(scanned.hidden);
    expect(checked.result.counts).toEqual(scanned.counts);
  });

  it('finds a user deleted through the API since, with what they had, for the users the log names only', async () => {
    const { scan, check, transport } = site(sim());
    const scanned = await scan();
    await deleteThroughApi(sim(), TINY.ids.ann);
    const before = transport.sent.length;
    const checked = await check(scanned);
    if (checked.kind !== 'changes') throw new Error(`expected changes, got a rescan: ${checked.why}`);
    const { result } = checked;
    // The log, Ann herself, the site's products for her proposal, and the name of who removed her.
    expect(transport.sent.slice(before).map((r) => new URL(r.url).pathname)).toEqual([
      '/rest/api/3/auditing/record',
      '/rest/api/3/user',
      '/rest/api/3/applicationrole',
      '/rest/api/3/user',
    ]);
    expect(result.changedUsers).toBe(1);
    expect(ids(result)).toEqual(trulyHidden(sim()));
    const ann = result.hidden.find((h) => h.accountId === TINY.ids.ann)!;
    expect(ann.proposal?.groups.map((g) => g.name).sort()).toEqual([
      'idp-engineering',
      'jira-software-users',
      'team-alpha',
    ]);
    expect(ann.reason).toMatch(/^Removed from tiny\.atlassian\.net on .* by Tia Admin \(REST API\)\. /);
    // The counts a fresh scan gives.
    const fresh = await site(sim()).scan();
    expect(result.counts).toEqual(fresh.counts);
  });

  it('takes a re-added user off the list, and a group change costs that user only', async () => {
    const { scan, check, jira } = site(sim());
    const scanned = await scan();
    await jira.addUserToSite('rae@tiny.example.com', ['jira-software'], 're-add Rae');
    const checked = await check(scanned);
    if (checked.kind !== 'changes') throw new Error(`expected changes, got a rescan: ${checked.why}`);
    expect(ids(checked.result)).toEqual(trulyHidden(sim()));
    expect(ids(checked.result)).not.toContain(TINY.ids.rae);
    expect(checked.result.counts).toEqual((await site(sim()).scan()).counts);
  });

  it('counts a user Relink re-added itself once, when the log names them afterwards', async () => {
    const { scan, check, jira } = site(sim());
    const scanned = await scan();
    await jira.addUserToSite('rae@tiny.example.com', ['jira-software'], 're-add Rae');
    // What the background keeps after its own reactivation (actions.ts), before any check.
    const kept = reactivated(scanned, TINY.ids.rae)!;
    const checked = await check(kept);
    if (checked.kind !== 'changes') throw new Error(`expected changes, got a rescan: ${checked.why}`);
    expect(checked.result.counts).toEqual((await site(sim()).scan()).counts);
    expect(ids(checked.result)).toEqual(trulyHidden(sim()));
  });

  it('answers with a scan what the log cannot tell: off, past its retention, stale, or no scan yet', async () => {
    const { scan, check, transport } = site(sim());
    const scanned = await scan();
    sim().state.setFaults({ auditLog: { enabled: false } });
    expect(await check(scanned)).toEqual({ kind: 'rescan', why: 'log-unreadable' });

    const again = site(sim());
    sim().state.setFaults({});
    const kept = await again.scan();
    // Every record Relink read last time has dropped out of the log since.
    sim().state.setFaults({ auditLog: { retentionDays: 1 } });
    expect(await again.check(kept)).toEqual({ kind: 'rescan', why: 'log-gap' });

    const stale = { ...scanned, listedAt: new Date(transport.now() - FULL_SCAN_EVERY_MS - 1).toISOString() };
    expect(await check(stale)).toEqual({ kind: 'rescan', why: 'stale' });
  });

  it('misses an API deletion the log does not record until the next scan, as docs/atlassian.md says', async () => {
    sim().state.setFaults({ auditLog: { unrecorded: ['api-removal'] } });
    const { scan, check } = site(sim());
    const scanned = await scan();
    await deleteThroughApi(sim(), TINY.ids.ann);
    const checked = await check(scanned);
    if (checked.kind !== 'changes') throw new Error(`expected changes, got a rescan: ${checked.why}`);
    // Ann's group removals are recorded, so she is read again, and found.
    expect(ids(checked.result)).toContain(TINY.ids.ann);

    // Without even those, she waits for the scan a page load makes at most every FULL_SCAN_EVERY_MS.
    sim().state.setFaults({ auditLog: { unrecorded: ['api-removal', 'group-change'] } });
    const other = site(sim());
    const second = await other.scan();
    await deleteThroughApi(sim(), TINY.viewer.accountId);
    const missed = await other.check(second);
    if (missed.kind !== 'changes') throw new Error(`expected changes, got a rescan: ${missed.why}`);
    expect(ids(missed.result)).not.toContain(TINY.viewer.accountId);
    expect(ids(await other.scan())).toContain(TINY.viewer.accountId);
  });
});
