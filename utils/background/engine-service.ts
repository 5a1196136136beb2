/**
 * What the background does for its callers: scan a site, plan and run reactivations and group
 * changes, and keep the cached scan in step with what it changed.
 */
import { messageOf } from '../error-message';
import type { JiraClient } from '../atlassian/jira-client';
import type { OrgClient } from '../atlassian/org-client';
import { AuditLog } from '../engine/audit';
import { classify } from '../engine/classify';
import { executePlan, type ActionResult } from '../engine/execute';
import {
  planGroupChange,
  planReactivation,
  type GroupTarget,
  type Plan,
  type SiteProduct,
  type Subject,
} from '../engine/plan';
import { listGroups } from '../engine/group-evidence';
import { scanSite } from '../engine/scan';
import { recall, remember } from '../engine/snapshots';
import { auditItem } from '../storage/items';
import {
  loadScan,
  loadSnapshots,
  saveScan,
  saveScanState,
  saveSnapshots,
  type ScanResult,
  type ScanState,
} from '../storage/site-data';
import type { GroupRef } from '../atlassian/schemas';
import { clientsFor, requestCounter } from './clients';
import { cloudIdOf } from './page-sites';
import { ensureOriginRule } from './xsrf-origin';

export const auditLog = new AuditLog({
  read: () => auditItem.getValue(),
  write: (entries) => auditItem.setValue(entries),
});

const runId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
const today = () => new Date().toISOString().slice(0, 10);

/** Keeps the groups Relink has just seen a user in, so a later removal can be undone. */
async function rememberGroups(site: string, accountId: string, groups: GroupRef[]) {
  const snapshots = await loadSnapshots(site);
  remember(snapshots, accountId, groups, today());
  await saveSnapshots(site, snapshots);
  return snapshots;
}

/** Scans a site; incremental unless `full`: inactive users seen by the last scan are not read again. */
export async function scan(site: string, full = false): Promise<ScanResult> {
  const startedAt = new Date().toISOString();
  const state = (status: ScanState['status'], detail: string) => saveScanState(site, { status, startedAt, detail });
  await state('running', 'Starting…');
  try {
    const { jira, org } = await clientsFor(site);
    const [snapshots, previous] = await Promise.all([loadSnapshots(site), full ? null : loadScan(site)]);
    let lastWrite = 0;
    const result = await scanSite({
      jira,
      org,
      snapshots,
      now: Date.now,
      requestsSent: () => requestCounter.sent,
      previous,
      // Progress is for the popup; a write at most every half second is enough.
      onProgress: ({ detail }) => {
        if (Date.now() - lastWrite < 500) return;
        lastWrite = Date.now();
        void state('running', detail);
      },
    });
    const stored = { ...result, cloudId: await cloudIdOf(site) };
    await Promise.all([saveScan(stored), saveSnapshots(site, snapshots)]);
    await state('done', `${stored.hidden.length} hidden user${stored.hidden.length === 1 ? '' : 's'} found`);
    return stored;
  } catch (error) {
    await state('failed', messageOf(error));
    throw error;
  }
}

/** The user as they are now on the site, with what Relink remembers of their groups. */
async function subjectFor(site: string, accountId: string, jira: JiraClient, org: OrgClient | null): Promise<Subject> {
  const user = await jira.user(accountId, ['groups']);
  const groups = user.groups?.items ?? [];
  const snapshots = await rememberGroups(site, accountId, groups);
  const directory = org
    ? ((await org.directoryUsersPage(undefined, [accountId])).users.items.find((u) => u.accountId === accountId) ??
      null)
    : undefined;
  const verdict = classify({ user, groupCount: groups.length, directory });
  return {
    site,
    accountId,
    displayName: user.displayName,
    state: verdict.state,
    email: user.emailAddress ?? directory?.email ?? null,
    rememberedGroups: recall(snapshots, accountId).groups,
    currentGroups: groups.filter((g): g is GroupTarget => g.groupId !== null),
  };
}

export async function userSubject(site: string, accountId: string): Promise<Subject> {
  const { jira, org } = await clientsFor(site);
  return subjectFor(site, accountId, jira, org);
}

export async function siteGroups(site: string): Promise<GroupTarget[]> {
  const { jira } = await clientsFor(site);
  return (await listGroups(jira))
    .map((g) => ({ groupId: g.groupId, name: g.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

async function siteProducts(jira: JiraClient): Promise<SiteProduct[]> {
  const roles = await jira.applicationRoles();
  return roles.map((r) => ({ key: r.key, name: r.name ?? r.key, defaultGroups: r.defaultGroups ?? [] }));
}

export interface ReactivateInput {
  site: string;
  accountId: string;
  email?: string;
  products?: string[];
  resume?: boolean;
}

export async function planReactivate(input: ReactivateInput): Promise<Plan> {
  const { jira, org } = await clientsFor(input.site);
  const subject = await subjectFor(input.site, input.accountId, jira, org);
  const products = subject.state === 'hidden' ? await siteProducts(jira) : [];
  return planReactivation({
    subject,
    siteProducts: products,
    hasOrgKey: org !== null,
    email: input.email,
    products: input.products,
    resume: input.resume,
  });
}

export interface ActionReply {
  plan: Plan;
  result: ActionResult | null;
}

export async function reactivate(input: ReactivateInput): Promise<ActionReply> {
  const plan = await planReactivate(input);
  if (plan.kind !== 'plan') return { plan, result: null };
  return { plan, result: await run(plan) };
}

export async function changeGroup(input: {
  site: string;
  accountId: string;
  group: GroupTarget;
  op: 'add' | 'remove';
  dryRun: boolean;
}): Promise<ActionReply> {
  const { jira, org } = await clientsFor(input.site);
  const subject = await subjectFor(input.site, input.accountId, jira, org);
  const plan = planGroupChange({ subject, op: input.op, group: input.group });
  if (plan.kind !== 'plan' || input.dryRun) return { plan, result: null };
  return { plan, result: await run(plan) };
}

async function run(plan: Extract<Plan, { kind: 'plan' }>): Promise<ActionResult> {
  const { site } = plan.subject;
  await ensureOriginRule(site);
  const { jira, org } = await clientsFor(site);
  const result = await executePlan(plan, { jira, org, audit: auditLog, runId: runId() });
  if (result.observed) await rememberGroups(site, plan.subject.accountId, result.observed.groups);
  if (plan.action === 'reactivate' && result.outcome !== 'not-done') await forgetHidden(site, plan.subject.accountId);
  return result;
}

/** Keeps the cached scan true after a reactivation, until the next scan. */
async function forgetHidden(site: string, accountId: string): Promise<void> {
  const cached = await loadScan(site);
  if (!cached || !cached.hidden.some((h) => h.accountId === accountId)) return;
  const counts = {
    ...cached.counts,
    hidden: Math.max(0, (cached.counts.hidden ?? 1) - 1),
    active: (cached.counts.active ?? 0) + 1,
  };
  await saveScan({ ...cached, counts, hidden: cached.hidden.filter((h) => h.accountId !== accountId) });
}

export async function checkAuth(site: string) {
  const { jira, auth } = await clientsFor(site);
  const [me, permissions] = await Promise.all([
    jira.myself(['groups']),
    jira.permissions(['ADMINISTER', 'USER_PICKER']),
  ]);
  // [assumed] Jira exposes no site-admin flag; membership of site-admins is the signal Relink has.
  const siteAdmin = (me.groups?.items ?? []).some((g) => g.name === 'site-admins');
  return {
    site,
    mode: auth.mode,
    displayName: me.displayName,
    accountId: me.accountId,
    siteAdmin,
    administerJira: permissions.ADMINISTER ?? false,
    browseUsers: permissions.USER_PICKER ?? false,
  };
}
