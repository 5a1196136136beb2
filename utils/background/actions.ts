/**
 * Reactivations and group changes: planned once, run only as confirmed, and followed by what they
 * change in Relink's own records (snapshots, the cached scan) and a push to whoever shows them.
 */
import type { GroupRef } from '../atlassian/schemas';
import { executePlan, type ActionResult } from '../engine/execute';
import { planGroupChange, planReactivation, type GroupTarget, type Plan, type SiteProduct } from '../engine/plan';
import { planFingerprint } from '../engine/plan-fingerprint';
import { reactivated } from '../engine/revalidate';
import { remember } from '../engine/snapshots';
import { scanItem, snapshotsItem } from '../storage/items';
import { auditLog } from './audit-log';
import { clientsFor } from './clients';
import { proposalFor } from './records';
import { siteChanged } from './site-events';
import { readSubject, siteProducts } from './subjects';
import { withOriginRule } from './xsrf-origin';

export interface ReactivateInput {
  site: string;
  accountId: string;
  email?: string;
  products?: string[];
  adminGroups?: string[];
  skipGroups?: string[];
  resume?: boolean;
}

export interface PlanReply {
  plan: Plan;
  /** What the admin confirms: the reactivation runs only while the plan still has this fingerprint. */
  fingerprint: string;
}

export interface ActionReply extends PlanReply {
  /** null: nothing ran (the plan needs input, was refused, or changed since it was confirmed). */
  result: ActionResult | null;
  /** The plan differs from the one confirmed: nothing ran; `plan` is the new one to confirm. */
  changed: boolean;
}

/** What the caller has read already: a bulk job reads the site's products once for all its users. */
interface Known {
  siteProducts?: () => Promise<SiteProduct[]>;
}

export async function planReactivate(input: ReactivateInput, known: Known = {}): Promise<PlanReply> {
  const { jira, org } = await clientsFor(input.site);
  const { subject, recalled } = await readSubject(input.site, input.accountId, jira, org);
  // What they had matters to a removed user, and to one back on the site whose groups are to follow.
  const wanted = subject.state === 'hidden' || (subject.state === 'active' && input.resume === true);
  const products = wanted ? await (known.siteProducts?.() ?? siteProducts(jira)) : [];
  const proposal = wanted
    ? await proposalFor({ site: input.site, user: subject, recalled, jira, org, siteProducts: products })
    : undefined;
  const plan = planReactivation({
    subject,
    siteProducts: products,
    orgId: org?.orgId ?? null,
    email: input.email,
    products: input.products,
    adminGroups: input.adminGroups,
    skipGroups: input.skipGroups,
    resume: input.resume,
    proposal,
  });
  return { plan, fingerprint: planFingerprint(plan) };
}

/** Runs the reactivation if its plan is the confirmed one (`confirmed` undefined: the bulk queue, confirmed as a whole). */
export async function reactivate(input: ReactivateInput, confirmed?: string, known?: Known): Promise<ActionReply> {
  const { plan, fingerprint } = await planReactivate(input, known);
  if (plan.kind !== 'plan') return { plan, fingerprint, result: null, changed: false };
  if (confirmed !== undefined && confirmed !== fingerprint) return { plan, fingerprint, result: null, changed: true };
  return { plan, fingerprint, result: await run(plan), changed: false };
}

export async function changeGroup(input: {
  site: string;
  accountId: string;
  group: GroupTarget;
  op: 'add' | 'remove';
  dryRun: boolean;
}): Promise<ActionReply> {
  const { jira, org } = await clientsFor(input.site);
  const { subject } = await readSubject(input.site, input.accountId, jira, org);
  const plan = planGroupChange({ subject, op: input.op, group: input.group });
  const fingerprint = planFingerprint(plan);
  if (plan.kind !== 'plan' || input.dryRun) return { plan, fingerprint, result: null, changed: false };
  return { plan, fingerprint, result: await run(plan), changed: false };
}

const runId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

async function run(plan: Extract<Plan, { kind: 'plan' }>): Promise<ActionResult> {
  const { site, accountId } = plan.subject;
  const { jira, org } = await clientsFor(site);
  try {
    const result = await withOriginRule(site, () => executePlan(plan, { jira, org, audit: auditLog, runId: runId() }));
    // Read, changed and written back one at a time per site: a bulk job finishes several users at once.
    const { observed } = result;
    if (observed) await serially(site, () => rememberGroups(site, accountId, observed.groups));
    if (plan.action === 'reactivate' && result.outcome !== 'not-done')
      await serially(site, () => forgetHidden(site, accountId));
    return result;
  } finally {
    siteChanged(site, 'user');
  }
}

const updates = new Map<string, Promise<unknown>>();
function serially<T>(site: string, update: () => Promise<T>): Promise<T> {
  const next = (updates.get(site) ?? Promise.resolve()).then(update, update);
  updates.set(
    site,
    next.catch(() => undefined),
  );
  return next;
}

/** Keeps the groups Relink has just seen a user in, so a later removal can be undone. */
async function rememberGroups(site: string, accountId: string, groups: GroupRef[]): Promise<void> {
  const item = snapshotsItem(site);
  const store = await item.get();
  remember(store, accountId, groups, new Date().toISOString().slice(0, 10));
  await item.set(store);
}

/** Keeps the cached scan true after a reactivation, until the next scan. */
async function forgetHidden(site: string, accountId: string): Promise<void> {
  const item = scanItem(site);
  const cached = await item.get();
  const updated = cached && reactivated(cached, accountId);
  if (updated) await item.set(updated);
}
