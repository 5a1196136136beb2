/**
 * The simulated Atlassian world at run time: accounts, sites, memberships, groups, products.
 * Pure state and rules, no HTTP. Every mutation the REST layer performs goes through here,
 * so tests can check ground truth after an action.
 */
import type { AccountSpec, ProductKey, ScenarioSpec, SiteSpec } from '../scenarios/schema';
import { AtlassianRecords, type Author } from './records';

type MembershipStatus = 'active' | 'suspended' | 'removed';
interface Membership {
  status: MembershipStatus;
  products: Set<ProductKey>;
}
export interface Group {
  name: string;
  groupId: string;
  managedBy: 'site' | 'idp';
  members: Set<string>;
}
export interface Product {
  key: ProductKey;
  seats: number | null;
  defaultGroups: string[];
  selectedByDefault: boolean;
}
export interface Site {
  name: string;
  host: string;
  cloudId: string;
  title: string;
  centralizedUserManagement: boolean;
  externalUserManagement: boolean;
  products: Product[];
  groups: Group[];
  /** Insertion-ordered: users/search pages follow this order. */
  memberships: Map<string, Membership>;
  rawRecords: unknown[];
}
export type Account = AccountSpec;
export interface Credential {
  accountId: string;
  email: string;
  password: string;
  apiToken: string | null;
  siteAdminOf: Set<string>;
  jiraAdminOf: Set<string>;
  orgAdmin: boolean;
}

export const PRODUCT_NAMES: Record<ProductKey, string> = {
  'jira-software': 'Jira Software',
  'jira-servicedesk': 'Jira Service Management',
  'jira-core': 'Jira Work Management',
  'jira-product-discovery': 'Jira Product Discovery',
};

export class World {
  readonly accounts = new Map<string, Account>();
  readonly sites = new Map<string, Site>();
  readonly credentials: Credential[];
  readonly org: ScenarioSpec['org'];
  /** The audit log, org events and product activity (records.ts). */
  readonly records = new AtlassianRecords();
  private idCounter = 0;

  constructor(readonly scenario: ScenarioSpec) {
    this.org = scenario.org;
    for (const account of scenario.accounts) this.accounts.set(account.accountId, { ...account });
    for (const spec of scenario.sites) this.sites.set(`${spec.name}.atlassian.net`, siteFromSpec(spec));
    this.credentials = scenario.credentials.map((c) => ({
      ...c,
      siteAdminOf: new Set(c.siteAdminOf),
      jiraAdminOf: new Set(c.jiraAdminOf),
    }));
    for (const spec of scenario.sites) {
      const host = `${spec.name}.atlassian.net`;
      this.records.seed({ ...spec, host });
      for (const m of spec.memberships) {
        const day = this.accounts.get(m.accountId)?.lastActive?.slice(0, 10);
        if (day && m.status !== 'removed')
          for (const p of m.products) this.records.noteActivity(host, m.accountId, p, day);
      }
    }
  }

  siteByCloudId(cloudId: string): Site | undefined {
    return [...this.sites.values()].find((s) => s.cloudId === cloudId);
  }

  group(site: Site, ref: { groupId?: string; groupname?: string }): Group | undefined {
    return site.groups.find((g) => (ref.groupId ? g.groupId === ref.groupId : g.name === ref.groupname));
  }

  groupsOf(site: Site, accountId: string): Group[] {
    return site.groups.filter((g) => g.members.has(accountId));
  }

  /** Jira's `active`: the account is active and has access to this site. */
  isActiveOn(site: Site, account: Account): boolean {
    if (account.accountType === 'app') return account.status === 'active';
    return account.status === 'active' && site.memberships.get(account.accountId)?.status === 'active';
  }

  findAccountByEmail(email: string): Account | undefined {
    const wanted = email.trim().toLowerCase();
    for (const account of this.accounts.values()) {
      if (account.status !== 'closed' && account.email?.toLowerCase() === wanted) return account;
    }
    return undefined;
  }

  seatsUsed(site: Site, product: ProductKey): number {
    let used = 0;
    for (const m of site.memberships.values()) if (m.status === 'active' && m.products.has(product)) used++;
    return used;
  }

  /** The products whose seat limit adding `products` to one more user would exceed. */
  productsOverSeatLimit(site: Site, accountId: string, products: ProductKey[]): ProductKey[] {
    const current = site.memberships.get(accountId);
    return products.filter((key) => {
      const product = site.products.find((p) => p.key === key);
      if (!product || product.seats === null) return false;
      const alreadyCounted = current?.status === 'active' && current.products.has(key);
      return !alreadyCounted && this.seatsUsed(site, key) + 1 > product.seats;
    });
  }

  /** POST /user for an existing or new account: site access with these products, plus their default groups. */
  grantSiteAccess(site: Site, accountId: string, products: ProductKey[], by: Author | null = null): void {
    const membership = site.memberships.get(accountId);
    if (membership?.status !== 'active')
      this.records.logAudit(site.host, { at: Date.now(), kind: 'siteAdded', accountId, group: null, ...authored(by) });
    if (membership) {
      membership.status = 'active';
      for (const p of products) membership.products.add(p);
    } else {
      site.memberships.set(accountId, { status: 'active', products: new Set(products) });
    }
    for (const key of products) {
      const product = site.products.find((p) => p.key === key);
      for (const name of product?.defaultGroups ?? []) {
        const group = this.group(site, { groupname: name });
        if (group) this.setGroupMember(site, group, accountId, true, by);
      }
    }
  }

  /** A group membership change, recorded in the site's audit log; false when there was nothing to change. */
  setGroupMember(site: Site, group: Group, accountId: string, member: boolean, by: Author | null): boolean {
    if (group.members.has(accountId) === member) return false;
    if (member) group.members.add(accountId);
    else group.members.delete(accountId);
    this.records.logAudit(site.host, {
      at: Date.now(),
      kind: member ? 'groupAdded' : 'groupRemoved',
      accountId,
      group: group.name,
      ...authored(by),
    });
    return true;
  }

  /** DELETE /user: the account survives; site access, products, roles and groups do not (docs/atlassian.md §2). */
  removeFromSite(site: Site, accountId: string, by: Author | null = null): void {
    const membership = site.memberships.get(accountId);
    const at = Date.now();
    for (const group of site.groups) this.setGroupMember(site, group, accountId, false, by);
    if (membership && membership.status !== 'removed') {
      this.records.logAudit(site.host, { at, kind: 'siteRemoved', accountId, group: null, ...authored(by) });
      const day = new Date(at).toISOString().slice(0, 10);
      for (const product of membership.products) {
        this.records.logProductRevoked({
          at,
          actor: by?.accountId ?? null,
          accountId,
          cloudId: site.cloudId,
          host: site.host,
          product,
        });
        this.records.noteActivity(site.host, accountId, product, day);
      }
    }
    if (membership) {
      membership.status = 'removed';
      membership.products.clear();
    }
  }

  createAccount(email: string): Account {
    const account: Account = {
      accountId: `712020:${(++this.idCounter).toString(16).padStart(8, '0')}-0000-4000-8000-${Date.now().toString(16).padStart(12, '0').slice(-12)}`,
      accountType: 'atlassian',
      displayName: email.split('@')[0] ?? email,
      email,
      emailVisible: true,
      status: 'active',
      managed: false,
      lastActive: null,
    };
    this.accounts.set(account.accountId, account);
    return account;
  }
}

const authored = (by: Author | null) => ({ author: by?.accountId ?? null, source: by?.via ?? '' });

function siteFromSpec(spec: SiteSpec): Site {
  return {
    name: spec.name,
    host: `${spec.name}.atlassian.net`,
    cloudId: spec.cloudId,
    title: spec.title ?? spec.name,
    centralizedUserManagement: spec.centralizedUserManagement,
    externalUserManagement: spec.externalUserManagement,
    products: spec.products.map((p) => ({ ...p })),
    groups: spec.groups.map((g) => ({
      name: g.name,
      groupId: g.groupId,
      managedBy: g.managedBy,
      members: new Set(g.members),
    })),
    memberships: new Map(
      spec.memberships.map((m) => [m.accountId, { status: m.status, products: new Set(m.products) }]),
    ),
    rawRecords: spec.rawRecords,
  };
}
