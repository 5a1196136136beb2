/**
 * What a matrix of the engine against the simulator needs (tests/integration/variation-matrix.test.ts,
 * after the fault matrix's approach): subjects, an in-memory audit log, plans run to an outcome, and
 * the simulator's ground truth to check each outcome against.
 */
import type { Simulator } from '../sim/server';
import type { World } from '../sim/world/world';
import { AuditLog, type AuditEntry } from '@/utils/engine/audit';
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
export function trulyHidden(world: World, host: string): string[] {
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
export function recordsServed(world: World, host: string): number {
  const site = world.sites.get(host)!;
  return site.memberships.size + site.rawRecords.length;
}
