/**
 * What a removed user had — their groups and products — by the most trusted source that tells
 * (docs/atlassian.md §9): Relink's own snapshot, then Jira's audit log, then the org's records,
 * then the site's defaults. Each proposed group and product carries its source; each source that
 * told nothing says why, so Relink never guesses silently. Pure.
 */
import type { EvidenceSource, Proposal, Removal, SiteRecords, UserRecords } from '../domain/records';
import { formatDay, t } from '../i18n';
import { REMOVAL_WINDOW_MS } from './audit-wording';
import { productsFromGroups, type GroupTarget, type SiteProduct } from './plan';

/** "Mar 4, 2026", "4 mars 2026": the day in the messages' language, in UTC (the same day the records name). */
export const dayLabel = formatDay;

const DATED = {
  snapshot: ['source.snapshot', 'source.snapshotOn'],
  'jira-audit': ['source.jiraAudit', 'source.jiraAuditOn'],
  'org-events': ['source.orgEvents', 'source.orgEventsOn'],
  'org-activity': ['source.orgActivity', 'source.orgActivityOn'],
} as const;
const UNDATED = {
  'site-default': 'source.siteDefault',
  'only-product': 'source.onlyProduct',
  admin: 'source.admin',
} as const;

function sourceOf(kind: EvidenceSource['kind'], at: string | null): EvidenceSource {
  if (kind in UNDATED) return { kind, at, label: t(UNDATED[kind as keyof typeof UNDATED]) };
  const [undated, dated] = DATED[kind as keyof typeof DATED];
  return { kind, at, label: at ? t(dated, { date: dayLabel(at) }) : t(undated) };
}

/** The groups a user left with their removal: whose latest change is a removal, close to it in time. */
export function groupsLostAtRemoval(user: UserRecords): { name: string; at: string }[] {
  const removals = Object.entries(user.groups)
    .filter(([, [change]]) => change === 'removed')
    .map(([name, [, at]]) => ({ name, at }));
  if (removals.length === 0) return [];
  const anchor = user.removed ? Date.parse(user.removed.at) : Math.max(...removals.map((r) => Date.parse(r.at)));
  return removals
    .filter((r) => Math.abs(Date.parse(r.at) - anchor) <= REMOVAL_WINDOW_MS)
    .sort((a, b) => a.name.localeCompare(b.name));
}

function removalOf(user: UserRecords | undefined): Removal | null {
  const r = user?.removed;
  if (!r) return null;
  return { at: r.at, by: r.byName ?? r.byId, via: r.via, source: sourceOf(r.from, r.at) };
}

/** The row's reason where the records tell: "Removed from acme.atlassian.net on 4 Mar 2026 by Jira Automation (REST API)". */
export function removalSentence(site: string, removal: Removal): string {
  const { by, via } = removal;
  const values = { site, date: dayLabel(removal.at) };
  return by && via
    ? t('reason.removedOnByVia', { ...values, by, via })
    : by
      ? t('reason.removedOnBy', { ...values, by })
      : via
        ? t('reason.removedOnVia', { ...values, via })
        : t('reason.removedOn', values);
}

export interface ProposeInput {
  site: string;
  accountId: string;
  displayName: string;
  /** Relink's own snapshot of their groups, the most trusted source. */
  snapshot: { groups: GroupTarget[]; seenOn: string | null };
  /** What the records say, or null when Relink never read them. */
  records: SiteRecords | null;
  /** The site's products; null when Relink may not read them. */
  siteProducts: SiteProduct[] | null;
  hasOrgKey: boolean;
}

function auditSaysNothing(input: ProposeInput, user: UserRecords | undefined, who: string): string {
  const { site, records } = input;
  const jira = records?.jira;
  const detail = jira?.detail;
  switch (jira?.status ?? 'unread') {
    case 'unread':
      return t('evidence.auditUnread', { site });
    case 'off':
      return detail ? t('evidence.auditOffSaid', { site, detail }) : t('evidence.auditOff', { site });
    case 'forbidden':
      return detail ? t('evidence.auditForbiddenSaid', { site, detail }) : t('evidence.auditForbidden', { site });
    case 'failed':
      return t('evidence.auditFailed', { site, detail: detail ?? t('evidence.noAnswer') });
    case 'empty':
      return t('evidence.auditEmpty', { site });
    default:
      if (user?.removed?.from === 'jira-audit')
        return t('evidence.auditRemovalOnly', { site, name: who, date: dayLabel(user.removed.at) });
      return jira?.reach
        ? t('evidence.auditBeyondReach', { site, name: who, date: dayLabel(jira.reach) })
        : t('evidence.auditNoRecord', { site, name: who });
  }
}

function orgSaysNothing(input: ProposeInput, who: string): string {
  const org = input.records?.org;
  if (!input.hasOrgKey || !org || org.status === 'no-key') return t('evidence.orgNoKey', { site: input.site });
  if (org.status === 'ok') return t('evidence.orgSilent', { name: who, site: input.site });
  if (org.status === 'unread') return t('evidence.orgUnread');
  return t('evidence.orgFailed', { detail: org.detail ?? org.status });
}

export function propose(input: ProposeInput): { proposal: Proposal; removal: Removal | null } {
  const who = input.displayName || t('evidence.thisUser');
  const user = input.records?.users[input.accountId];
  const removal = removalOf(user);
  const catalogue = input.siteProducts ?? [];
  const notes: string[] = [];
  /** Why each source above the one that told was silent: shown when a lower source (or none) had to answer. */
  const silent: string[] = [];
  const snapshotSource = sourceOf('snapshot', input.snapshot.seenOn);
  const lost = user ? groupsLostAtRemoval(user) : [];
  const lostAt = removal?.source.kind === 'jira-audit' ? removal.at : (lost[0]?.at ?? null);

  // Groups: the snapshot, else what the audit log says they lost with their removal.
  let groups: Proposal['groups'] = input.snapshot.groups.map((g) => ({ ...g, source: snapshotSource }));
  if (groups.length === 0) {
    const ids = input.records?.groupIds ?? {};
    groups = lost.flatMap(({ name, at }) => {
      const groupId = ids[name];
      if (groupId) return [{ groupId, name, source: sourceOf('jira-audit', at) }];
      notes.push(t('evidence.groupGone', { groupName: name, site: input.site }));
      return [];
    });
  }

  // Products: those whose default groups they had, by the same sources; then the org's records; then the site's defaults.
  const fromGroups = (named: { name: string }[]) =>
    productsFromGroups(
      named.map((g) => ({ groupId: '', name: g.name })),
      catalogue,
    );
  let products: Proposal['products'] = fromGroups(input.snapshot.groups).map((key) => ({
    key,
    source: snapshotSource,
  }));
  if (products.length === 0) {
    if (input.snapshot.groups.length === 0) silent.push(t('evidence.noSnapshot', { name: who }));
    products = fromGroups(lost).map((key) => ({ key, source: sourceOf('jira-audit', lostAt) }));
    if (products.length === 0) silent.push(auditSaysNothing(input, user, who));
  }
  if (products.length === 0) {
    const known = input.siteProducts ? new Set(catalogue.map((p) => p.key)) : null;
    const org = (user?.products ?? []).filter((p) => !known || known.has(p.key));
    const best = org.some((p) => p.from === 'org-events') ? org.filter((p) => p.from === 'org-events') : org;
    products = best.map((p) => ({ key: p.key, source: sourceOf(p.from, p.at) }));
    if (products.length === 0) silent.push(orgSaysNothing(input, who));
    else notes.push(...silent);
  }
  if (products.length === 0) {
    const defaults = catalogue.filter((p) => p.selectedByDefault);
    const chosen = defaults.length > 0 ? defaults : catalogue.length === 1 ? catalogue : [];
    const kind = defaults.length > 0 ? 'site-default' : 'only-product';
    products = chosen.map((p) => ({ key: p.key, source: sourceOf(kind, null) }));
    notes.push(...silent);
    if (products.length > 0)
      notes.push(kind === 'site-default' ? t('evidence.siteDefault', { name: who }) : t('evidence.onlyProduct'));
  }
  if (groups.length === 0 && lost.length === 0 && input.snapshot.groups.length === 0)
    notes.push(auditSaysNothing(input, user, who));
  if (input.siteProducts === null) notes.push(t('evidence.productsForbidden', { site: input.site }));
  const named = products.map((p) => ({ ...p, name: catalogue.find((c) => c.key === p.key)?.name ?? p.key }));
  return { proposal: { groups, products: named, notes: [...new Set(notes)] }, removal };
}
