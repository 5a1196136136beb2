/**
 * What a matrix of the engine against the simulator needs (tests/integration/variation-matrix.test.ts,
 * after the fault matrix's approach): subjects, an in-memory audit log, plans run to an outcome, and
 * the simulator's ground truth to check each outcome against.
 */
import { expect } from 'vitest';
import { JiraClient } from '@/utils/atlassian/jira-client';
import type { SnapshotStore } from '@/utils/domain/records';
import { AuditLog, type AuditEntry } from '@/utils/engine/audit';
import { scanSite } from '@/utils/engine/scan';
import { recall } from '@/utils/engine/snapshots';
import type { Simulator } from '../sim/server';
import type { World } from '../sim/world/world';
import type { SimTransport } from './sim-transport';
import { executePlan, type ActionResult, type ExecuteDeps } from '@/utils/engine/execute';
import type { Plan, Subject } from '@/utils/engine/plan';
import { simRequest } from './sim-http';

export function subject(
  site: string,
  accountId: string,
  displayName: string,
  state: Subject['state'],
  email: string | null,
  remembered: Subject['rememberedGroups'] = [],
): Subject {
  return { site, accountId, displayName, state, email, rememberedGroups: remembered, currentGroups: [] };
}

/** An audit log kept in memory, and what it holds. */
export function memoryAudit(): { audit: AuditLog; entries: () => AuditEntry[] } {
  let stored: AuditEntry[] = [];
  return {
    audit: new AuditLog({ read: async () => stored, write: async (e) => void (stored = structuredClone(e)) }),
    entries: () => stored,
  };
}

/** Runs a plan (it must be one) to its result. */
export async function runPlan(plan: Plan, deps: ExecuteDeps): Promise<ActionResult> {
  if (plan.kind !== 'plan') throw new Error(`no plan: ${JSON.stringify(plan)}`);
  return executePlan(plan, deps);
}

export interface Truth {
  membership: { status: string } | null;
  groups: string[];
}

/** The simulator's ground truth about one user of one site, through its control endpoint. */
export async function truth(sim: Simulator, host: string, accountId: string): Promise<Truth> {
  return (await simRequest(sim, `${sim.controlUrl}/__sim/sites/${host}/users/${accountId}`)).json() as Truth;
}

/** Ground truth: the site's Atlassian accounts that are alive and removed from it. */
function trulyHidden(world: World, host: string): string[] {
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

/** How many records users/search serves for a site: its members, and the raw records after them. */
function recordsServed(world: World, host: string): number {
  const site = world.sites.get(host)!;
  return site.memberships.size + site.rawRecords.length;
}

/**
 * Scans a site of the simulator's world (acme of `demo` by default) both ways — user by user and
 * group by group — and checks each scan against the ground truth: exactly the users truly hidden,
 * every record served counted, each inactive person's group count, and (when Atlassian gives group
 * ids) everyone's remembered groups. Answers how many hidden users it found.
 */
export async function scanMatchesTruth(
  sim: Simulator,
  transport: SimTransport,
  options: { host?: string; idsGiven?: boolean; warns?: RegExp } = {},
): Promise<number> {
  const host = options.host ?? 'acme.atlassian.net';
  const { world } = sim.state;
  const admin = world.credentials[0]!;
  const jira = new JiraClient(host, { mode: 'api-token', email: admin.email, token: admin.apiToken! }, transport);
  const site = world.sites.get(host)!;
  const groupsOf = (accountId: string) => world.groupsOf(site, accountId).map((g) => g.name);
  let hidden = 0;
  for (const groupStrategy of ['per-user', 'per-group'] as const) {
    const snapshots: SnapshotStore = { groups: [], members: {} };
    const r = await scanSite({
      jira,
      org: null,
      snapshots,
      now: transport.now,
      requestsSent: () => transport.sent.length,
      groupStrategy,
    });
    expect(r.hidden.map((h) => h.accountId).sort(), `hidden users (${groupStrategy})`).toEqual(
      trulyHidden(world, host),
    );
    const counted = Object.values(r.counts).reduce((a, b) => a + b, 0) + r.rejectedRecords;
    expect(counted, `every record served is counted (${groupStrategy})`).toBe(recordsServed(world, host));
    if (options.warns) expect(r.warnings.join(' ')).toMatch(options.warns);
    for (const [accountId, count] of Object.entries(r.inactiveGroupCounts))
      expect(count, `groups of ${accountId} (${groupStrategy})`).toBe(groupsOf(accountId).length);
    if (groupStrategy === 'per-group' && (options.idsGiven ?? true))
      for (const accountId of site.memberships.keys())
        expect(
          recall(snapshots, accountId)
            .groups.map((g) => g.name)
            .sort(),
          `remembered groups of ${accountId}`,
        ).toEqual(groupsOf(accountId).sort());
    hidden = r.hidden.length;
  }
  return hidden;
}
