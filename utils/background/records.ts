/**
 * Atlassian's records of a site's users, kept per site (docs/atlassian.md §9): every scan reads
 * them on from where the last read stopped; a reactivation's plan uses what is kept, and reads on
 * itself only when no read is recent. Background only.
 */
import type { JiraClient } from '../atlassian/jira-client';
import type { OrgClient } from '../atlassian/org-client';
import type { HiddenUser, Proposal, SiteRecords } from '../domain/records';
import { listGroups } from '../engine/group-evidence';
import type { GroupTarget, SiteProduct } from '../engine/plan';
import { prefetchRecords, recordsStep } from '../engine/records-step';
import { emptySiteRecords } from '../engine/site-records';
import { t } from '../i18n';
import { siteRecordsItem } from '../storage/items';
import { cloudIdOf } from './page-sites';

/** A read this recent is used as it is by a plan: a plan is shown, then confirmed, within minutes. */
const FRESH_MS = 5 * 60_000;

export async function loadSiteRecords(site: string): Promise<SiteRecords> {
  return (await siteRecordsItem(site).get()) ?? emptySiteRecords();
}

export function saveSiteRecords(site: string, records: SiteRecords): Promise<void> {
  return siteRecordsItem(site).set(records);
}

/**
 * The scan's hook for the records of `site`, reading into `records` (stored by the caller after the
 * scan). The logs and products are read from now on, while the scan lists users.
 */
export function scanRecordsStep(site: string, jira: JiraClient, org: OrgClient | null, records: SiteRecords) {
  const deps = { jira, org, records, cloudId: () => cloudIdOrThrow(site), now: Date.now };
  return recordsStep({ ...deps, prefetched: prefetchRecords(deps) });
}

export async function cloudIdOrThrow(site: string): Promise<string> {
  const cloudId = await cloudIdOf(site);
  if (!cloudId) throw new Error(t('background.noCloudId', { site }));
  return cloudId;
}

/** What one user had, for a reactivation's plan: from the kept records, read on first when they are not recent. */
export async function proposalFor(input: {
  site: string;
  user: { accountId: string; displayName: string; email: string | null };
  recalled: { groups: GroupTarget[]; seenOn: string | null };
  jira: JiraClient;
  org: OrgClient | null;
  siteProducts: SiteProduct[];
}): Promise<Proposal> {
  const { site, jira, org } = input;
  const records = await loadSiteRecords(site);
  const readAt = records.jira.readAt ? Date.parse(records.jira.readAt) : 0;
  const fresh = records.jira.status !== 'unread' && Date.now() - readAt < FRESH_MS;
  const groups = fresh ? [] : (await listGroups(jira)).groups;
  const one: HiddenUser = {
    ...input.user,
    reason: '',
    certainty: 'likely',
    rememberedGroups: input.recalled.groups,
    rememberedAt: input.recalled.seenOn,
  };
  const step = recordsStep({
    jira,
    org,
    records,
    cloudId: () => cloudIdOrThrow(site),
    now: Date.now,
    siteProducts: input.siteProducts,
    fresh,
  });
  await step({ hidden: [one], users: new Map(), groups });
  await saveSiteRecords(site, records);
  return one.proposal ?? { groups: [], products: [], notes: [] };
}
