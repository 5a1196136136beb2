/** The bench's ground truth, from the simulator's world: who is hidden, and the fewest requests a scan needs. */
import type { HiddenUser } from '@/utils/domain/records';
import { grantsAdmin } from '@/utils/engine/admin-groups';
import { generateScenario } from '../sim/scenarios/generate';
import type { ScenarioInput } from '../sim/scenarios/schema';
import type { Site, World } from '../sim/world/world';

/** The bench's burst limit (requests per second) and latency: the floor is counted against them. */
export const RATE = 50;
export const LATENCY_MS = 80;

/**
 * The floor the bench holds Relink to: `requests` at the permitted rate, plus one round trip. The
 * limiter's bucket starts full, so a small site's first 50 requests cost no waiting and a scan of
 * 1,000 users comes in under this line; from 10,000 users on, the rate is what counts.
 */
export const floorMs = (requests: number): number => (requests / RATE) * 1000 + LATENCY_MS;

export function siteOf(world: World, host?: string): Site {
  const site = host ? world.sites.get(host) : [...world.sites.values()][0];
  if (!site) throw new Error(`No site ${host ?? ''} in the world.`);
  return site;
}

/** Atlassian accounts, alive, whose membership of the site was removed: sorted ids. */
export function trulyHidden(world: World, site: Site): string[] {
  return [...site.memberships]
    .filter(([id, m]) => {
      const account = world.accounts.get(id);
      return m.status === 'removed' && account?.status === 'active' && account.accountType === 'atlassian';
    })
    .map(([id]) => id)
    .sort();
}

/**
 * The fewest requests any scan needs (issue 5): users pages, plus the cheaper group evidence; plus
 * (issue 13) the site's products and the audit log read once for all hidden users, ⌈records/1000⌉ pages.
 */
export function minimumRequests(world: World, site: Site) {
  const auditPages = Math.max(1, Math.ceil(world.records.auditOf(site.host).length / 1000));
  const records = site.memberships.size + site.rawRecords.length;
  const inactive = [...site.memberships.keys()].filter((id) => {
    const a = world.accounts.get(id)!;
    return a.accountType === 'atlassian' && !world.isActiveOn(site, a);
  });
  const perGroup = site.groups.reduce((sum, g) => sum + Math.max(1, Math.ceil(g.members.size / 50)), 0);
  return {
    minimum: Math.ceil(records / 1000) + Math.min(inactive.length, perGroup) + 1 + auditPages,
    perUser: inactive.length,
    perGroup,
    auditPages,
    hidden: trulyHidden(world, site),
  };
}

/**
 * Of the hidden users whose removal the scenario recorded, how many Relink proposes exactly the
 * groups and products they had (ground truth: the scenario's past removals); and how many it does.
 */
export function historyMatches(world: World, site: Site, hidden: HiddenUser[]): { matched: number; recorded: number } {
  const byId = new Map(hidden.map((h) => [h.accountId, h]));
  const recorded = world.scenario.sites.find((s) => `${s.name}.atlassian.net` === site.host)!.pastRemovals;
  const matched = recorded.filter((r) => {
    const p = byId.get(r.accountId)?.proposal;
    const groups = (p?.groups ?? []).map((g) => g.name).sort();
    const products = (p?.products ?? []).map((x) => x.key).sort();
    return (
      JSON.stringify(groups) === JSON.stringify([...r.groups].sort()) &&
      JSON.stringify(products) === JSON.stringify([...r.products].sort())
    );
  }).length;
  return { matched, recorded: recorded.length };
}

/**
 * Whether a reactivated user is where the scenario's records say they were before their removal:
 * on the site with those products, in those groups but the ones granting admin rights (never given
 * back without the admin's tick).
 */
export function restoredAsRecorded(
  world: World,
  site: Site,
  removal: { accountId: string; groups: string[]; products: string[] },
): string | null {
  const membership = site.memberships.get(removal.accountId);
  if (membership?.status !== 'active') return `not active (${membership?.status ?? 'no membership'})`;
  const products = [...membership.products].sort();
  if (JSON.stringify(products) !== JSON.stringify([...removal.products].sort()))
    return `products ${products.join(',')} ≠ ${removal.products.join(',')}`;
  const groups = world
    .groupsOf(site, removal.accountId)
    .map((g) => g.name)
    .sort();
  const wanted = removal.groups.filter((name) => !grantsAdmin({ groupId: '', name })).sort();
  if (JSON.stringify(groups) !== JSON.stringify(wanted)) return `groups ${groups.join(',')} ≠ ${wanted.join(',')}`;
  return null;
}

/** The bench's sites: 10% inactive, 40 groups, a few apps and customers; several sites for an org. */
export function benchScenario(users: number, sites = 1): ScenarioInput {
  return generateScenario({
    name: `bench-${users}${sites > 1 ? `x${sites}` : ''}`,
    seed: users + sites - 1,
    sites: Array.from({ length: sites }, (_, i) => ({ name: sites > 1 ? `site${i + 1}` : 'bench', users })),
    share: { removed: 0.04, suspended: 0.03, deactivated: 0.02, former: 0.01, hiddenEmail: 0.2 },
    appsPerSite: Math.max(3, Math.round(users * 0.002)),
    customersPerSite: Math.round(users * 0.01),
    teamGroups: 35, // + 5 product, admin and app groups = 40 groups
    products: ['jira-software', 'jira-servicedesk'],
    seats: null,
  });
}
