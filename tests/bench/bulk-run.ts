/**
 * Bulk reactivation as the background's queue works it (utils/background/bulk.ts): the queue's own
 * scheduling (utils/engine/bulk-queue.ts), and per user what `reactivate` does — read the user and
 * what Relink remembers of them, the site's products (once for the job), what the records say they
 * had (from the digest the page's scan read), the plan, and its execution with every step in the
 * audit log (kept as storage keeps it: serialized at each write) and the read-back. Every result is
 * checked against the simulator's ground truth: on the site with the products and groups the
 * scenario recorded before their removal.
 */
import type { JiraClient } from '@/utils/atlassian/jira-client';
import type { HiddenUser, SiteRecords, SnapshotStore } from '@/utils/domain/records';
import { AuditLog } from '@/utils/engine/audit';
import { workQueue } from '@/utils/engine/bulk-queue';
import { classify } from '@/utils/engine/classify';
import { executePlan } from '@/utils/engine/execute';
import { planReactivation, type GroupTarget, type SiteProduct } from '@/utils/engine/plan';
import { recordsStep, siteProductsOf } from '@/utils/engine/records-step';
import { recall } from '@/utils/engine/snapshots';
import type { Simulator } from '../sim/server';
import type { SimTransport } from '../support/sim-transport';
import { restoredAsRecorded, siteOf } from './truth';

export interface BulkRun {
  users: number;
  done: number;
  /** Users whose end state is not what the scenario recorded, with why. */
  wrong: { accountId: string; why: string }[];
  requests: number;
  ms: number;
  earlyRetries: number;
  rateLimited: number;
  /** Audit-log writes (several steps each: they are written together while one write is under way). */
  auditWrites: number;
}

export async function bulkReactivate(input: {
  sim: Simulator;
  jira: JiraClient;
  transport: SimTransport;
  chosen: HiddenUser[];
  snapshots: SnapshotStore;
  records: SiteRecords;
}): Promise<BulkRun> {
  const { sim, jira, transport, snapshots, records } = input;
  const site = siteOf(sim.state.world, jira.host);
  const recorded = new Map(
    sim.state.world.scenario.sites
      .find((s) => `${s.name}.atlassian.net` === jira.host)!
      .pastRemovals.map((r) => [r.accountId, r]),
  );
  let stored = '[]';
  let auditWrites = 0;
  const audit = new AuditLog({
    read: async () => JSON.parse(stored) as unknown,
    write: async (entries) => {
      auditWrites++;
      stored = JSON.stringify(entries);
    },
  });
  let products: Promise<SiteProduct[]> | null = null;
  const siteProducts = () => (products ??= siteProductsOf(jira));
  const sentBefore = transport.sent.length;
  const outcomes = new Map<string, string>();
  const queue = [...input.chosen];
  const started = performance.now();

  await workQueue(
    () => queue.shift(),
    async (row) => {
      // readSubject: the user as they are now, and what Relink remembers of them.
      const user = await jira.user(row.accountId, ['groups']);
      const groups = (user.groups?.items ?? []).filter((g): g is GroupTarget => g.groupId !== null);
      const recalled = recall(snapshots, row.accountId);
      const subject = {
        site: jira.host,
        accountId: row.accountId,
        displayName: user.displayName,
        state: classify({ user, groupCount: groups.length }).state,
        email: user.emailAddress ?? null,
        rememberedGroups: groups.length > 0 ? groups : recalled.groups,
        currentGroups: groups,
      };
      // proposalFor: the records are fresh (the page's scan read them), so nothing is read again.
      const catalogue = await siteProducts();
      const one: HiddenUser = {
        ...row,
        reason: '',
        rememberedGroups: recalled.groups,
        rememberedAt: recalled.seenOn,
      };
      await recordsStep({
        jira,
        org: null,
        records,
        cloudId: async () => '',
        now: Date.now,
        siteProducts: catalogue,
        fresh: true,
      })({ hidden: [one], users: new Map(), groups: [] });
      const plan = planReactivation({
        subject,
        siteProducts: catalogue,
        orgId: null,
        email: row.email ?? undefined,
        proposal: one.proposal ?? undefined,
      });
      if (plan.kind !== 'plan') {
        outcomes.set(row.accountId, plan.kind);
        return;
      }
      const result = await executePlan(plan, { jira, org: null, audit, runId: `bench-${row.accountId}` });
      outcomes.set(row.accountId, result.outcome === 'done' ? 'done' : `${result.outcome}: ${result.message}`);
    },
  );
  const ms = performance.now() - started;

  const wrong: BulkRun['wrong'] = [];
  for (const row of input.chosen) {
    const outcome = outcomes.get(row.accountId);
    const removal = recorded.get(row.accountId);
    const why =
      outcome !== 'done'
        ? `outcome ${outcome ?? 'none'}`
        : removal
          ? restoredAsRecorded(sim.state.world, site, removal)
          : 'no recorded removal';
    if (why) wrong.push({ accountId: row.accountId, why });
  }
  return {
    users: input.chosen.length,
    done: [...outcomes.values()].filter((o) => o === 'done').length,
    wrong,
    requests: transport.sent.length - sentBefore,
    ms,
    earlyRetries: sim.state.limiter?.earlyRetries ?? 0,
    rateLimited: sim.state.limiter?.rejected ?? 0,
    auditWrites,
  };
}
