/**
 * What a removed user had — their groups and products — by the most trusted source that tells
 * (docs/atlassian.md §9): Relink's own snapshot, then Jira's audit log, then the org's records,
 * then the site's defaults. Each proposed group and product carries its source; each source that
 * told nothing says why, so Relink never guesses silently. Pure.
 */
import type { EvidenceSource, Proposal, Removal, SiteRecords, UserRecords } from '../domain/records';
import { REMOVAL_WINDOW_MS } from './audit-wording';
import { productsFromGroups, type GroupTarget, type SiteProduct } from './plan';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "4 Mar 2026", in UTC, whatever the browser's language: the same day the records name. */
export function dayLabel(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

function sourceOf(kind: EvidenceSource['kind'], at: string | null): EvidenceSource {
  const on = at ? `, ${dayLabel(at)}` : '';
  const label = {
    snapshot: `Relink’s snapshot${on}`,
    'jira-audit': `Jira audit log${on}`,
    'org-events': `Org event log${on}`,
    'org-activity': `Org product activity${at ? `, last used ${dayLabel(at)}` : ''}`,
    'site-default': 'The site’s default product',
    'only-product': 'The site’s only product',
    admin: 'Your choice',
  }[kind];
  return { kind, at, label };
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
  return `Removed from ${site} on ${dayLabel(removal.at)}${removal.by ? ` by ${removal.by}` : ''}${removal.via ? ` (${removal.via})` : ''}`;
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
  const log = `the Jira audit log of ${site}`;
  switch (jira?.status ?? 'unread') {
    case 'unread':
      return `Relink has not read ${log} yet.`;
    case 'off':
      return `Relink cannot tell from ${log}: it is switched off or not available on the site’s plan${jira?.detail ? ` (“${jira.detail}”)` : ''}.`;
    case 'forbidden':
      return `Relink may not read ${log}: that needs the Administer Jira permission${jira?.detail ? ` (“${jira.detail}”)` : ''}.`;
    case 'failed':
      return `Relink could not read ${log}: ${jira?.detail ?? 'no answer'}`;
    case 'empty':
      return `${cap(log)} holds no records of user or group changes.`;
    default:
      if (user?.removed?.from === 'jira-audit')
        return `${cap(log)} records ${who}’s removal on ${dayLabel(user.removed.at)}, but no group they lost with it.`;
      return jira?.reach
        ? `${cap(log)} has no record of ${who}: it reaches back to ${dayLabel(jira.reach)}, so ${who} was likely removed before that, past its retention.`
        : `${cap(log)} has no record of ${who}.`;
  }
}

function orgSaysNothing(input: ProposeInput, who: string): string {
  const org = input.records?.org;
  if (!input.hasOrgKey || !org || org.status === 'no-key')
    return `Without an org API key for ${input.site}’s organization, Relink cannot read the org’s event log or product activity.`;
  if (org.status === 'ok')
    return `The org’s event log and product activity say nothing of ${who}’s products on ${input.site}.`;
  if (org.status === 'unread') return 'Relink has not read the org’s records yet.';
  return `Relink could not read the org’s records: ${org.detail ?? org.status}`;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function propose(input: ProposeInput): { proposal: Proposal; removal: Removal | null } {
  const who = input.displayName || 'this user';
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
      notes.push(
        `${name}, a group the Jira audit log names, is not on ${input.site} any more: it cannot be given back.`,
      );
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
    if (input.snapshot.groups.length === 0)
      silent.push(`Relink never saw ${who}’s groups before the removal, so it has no snapshot of them.`);
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
      notes.push(
        kind === 'site-default'
          ? `So Relink proposes the site’s default product: check that it is what ${who} needs.`
          : 'So Relink proposes the site’s only product.',
      );
  }
  if (groups.length === 0 && lost.length === 0 && input.snapshot.groups.length === 0)
    notes.push(auditSaysNothing(input, user, who));
  if (input.siteProducts === null)
    notes.push(
      `Relink may not read ${input.site}’s products (that needs Administer Jira), so it cannot tell them from groups.`,
    );
  const named = products.map((p) => ({ ...p, name: catalogue.find((c) => c.key === p.key)?.name ?? p.key }));
  return { proposal: { groups, products: named, notes: [...new Set(notes)] }, removal };
}
