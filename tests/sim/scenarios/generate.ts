/**
 * Deterministic scenario generator: the same parameters always give the same world.
 * Each site gets its own population; one admin account is a member of every site.
 */
import type { ProductKey, ScenarioInput } from './schema';

interface SiteParams {
  name: string;
  users: number;
  centralizedUserManagement?: boolean;
  externalUserManagement?: boolean;
}
export interface GenerateParams {
  name: string;
  seed: number;
  sites: SiteParams[];
  /** Shares of each site's users, 0..1. The rest are active. */
  share: { removed: number; suspended: number; deactivated: number; former: number; hiddenEmail: number };
  appsPerSite: number;
  customersPerSite: number;
  /** Team groups per site, on top of the product default groups and site-admins. */
  teamGroups: number;
  products: ProductKey[];
  /** Seats per product; null for unlimited. */
  seats: number | null;
}

const FIRST = [
  'Ada',
  'Bela',
  'Chen',
  'Dara',
  'Emil',
  'Fatima',
  'Goran',
  'Hana',
  'Ivo',
  'Jun',
  'Kira',
  'Luis',
  'Mia',
  'Noor',
  'Omar',
  'Priya',
  'Quinn',
  'Rosa',
  'Sven',
  'Tariq',
  'Uma',
  'Vera',
  'Wei',
  'Yara',
  'Zoltan',
];
const LAST = [
  'Almeida',
  'Berg',
  'Costa',
  'Dubois',
  'Eriksen',
  'Fischer',
  'Garcia',
  'Horvat',
  'Ito',
  'Jensen',
  'Kowalski',
  'Larsen',
  'Moreau',
  'Nakamura',
  'Okafor',
  'Petrov',
  'Rossi',
  'Schmidt',
  'Tanaka',
  'Varga',
  'Weber',
  'Yilmaz',
  'Zhang',
];
const TEAMS = [
  'engineering',
  'design',
  'support',
  'marketing',
  'finance',
  'legal',
  'sales',
  'ops',
  'qa',
  'research',
  'platform',
  'mobile',
  'data',
  'security',
  'people',
  'it',
];
const DEFAULT_GROUP: Record<ProductKey, string> = {
  'jira-software': 'jira-software-users',
  'jira-servicedesk': 'jira-servicemanagement-users',
  'jira-core': 'jira-core-users',
  'jira-product-discovery': 'jira-product-discovery-users',
};
const REFERENCE_TIME = Date.UTC(2026, 10, 1);

/** mulberry32: small, fast, good enough for test data. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Of the removed users, those whose removal is still in Atlassian's records (the rest predate them). */
const RECORDED_REMOVALS = 0.8;

export function generateScenario(params: GenerateParams): ScenarioInput {
  const random = prng(params.seed);
  // What removed users had, and who removed them when: a stream of its own, so every user's state is
  // the same as without it.
  const past = prng(params.seed ^ 0x5eed);
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  const uuid = () =>
    `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + Math.floor(random() * 4)).toString(16)}${hex(3)}-${hex(12)}`;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

  const accounts: NonNullable<ScenarioInput['accounts']> = [];
  const adminId = hex(24);
  accounts.push({
    accountId: adminId,
    displayName: 'Sam Admin',
    email: `admin@${params.sites[0]!.name}.example.com`,
    lastActive: new Date(REFERENCE_TIME).toISOString(),
  });

  const sites = params.sites.map((siteParams) => {
    const productGroups = params.products.map((p) => DEFAULT_GROUP[p]);
    const teamNames = Array.from(
      { length: params.teamGroups },
      (_, i) => `${TEAMS[i % TEAMS.length]}${i >= TEAMS.length ? `-${Math.floor(i / TEAMS.length) + 1}` : ''}`,
    );
    const groups = [
      ...productGroups,
      'site-admins',
      `jira-admins-${siteParams.name}`,
      'atlassian-addons-admin',
      ...teamNames,
    ].map((name) => ({ name, groupId: uuid(), members: [] as string[] }));
    const groupByName = new Map(groups.map((g) => [g.name, g]));
    const memberships: { accountId: string; status: 'active' | 'suspended' | 'removed'; products: ProductKey[] }[] = [];
    const removals: { accountId: string; at: string; byApp: boolean; groups: string[]; products: ProductKey[] }[] = [];

    memberships.push({ accountId: adminId, status: 'active', products: [...params.products] });
    for (const name of [...productGroups, 'site-admins', `jira-admins-${siteParams.name}`])
      groupByName.get(name)!.members.push(adminId);

    const domain = `${siteParams.name}.example.com`;
    for (let i = 0; i < siteParams.users; i++) {
      const first = pick(FIRST);
      const last = pick(LAST);
      const accountId = hex(24);
      const roll = random();
      const { removed, suspended, deactivated, former } = params.share;
      const state =
        roll < removed
          ? 'removed'
          : roll < removed + suspended
            ? 'suspended'
            : roll < removed + suspended + deactivated
              ? 'deactivated'
              : roll < removed + suspended + deactivated + former
                ? 'former'
                : 'active';
      const lastActive = new Date(REFERENCE_TIME - Math.floor(random() * 120 * 86_400_000)).toISOString();
      const emailVisible = random() >= params.share.hiddenEmail;
      if (state === 'former') {
        accounts.push({
          accountId,
          displayName: 'Former user',
          email: null,
          emailVisible: false,
          status: 'closed',
          lastActive: null,
        });
        memberships.push({ accountId, status: 'removed', products: [] });
        continue;
      }
      accounts.push({
        accountId,
        displayName: `${first} ${last}`,
        email: `${first.toLowerCase()}.${last.toLowerCase()}${i}@${domain}`,
        emailVisible,
        status: state === 'deactivated' ? 'inactive' : 'active',
        managed: state === 'deactivated' || random() < 0.5,
        lastActive,
      });
      if (state === 'removed') {
        memberships.push({ accountId, status: 'removed', products: [] });
        if (past() < RECORDED_REMOVALS) {
          const had = params.products.filter((_, index) => index === 0 || past() < 0.25);
          const teams = teamNames.length === 0 ? 0 : 1 + Math.floor(past() * Math.min(3, teamNames.length));
          const groups = new Set(had.map((p) => DEFAULT_GROUP[p]));
          for (let t = 0; t < teams; t++) groups.add(teamNames[Math.floor(past() * teamNames.length)]!);
          if (past() < 0.1) groups.add(`jira-admins-${siteParams.name}`);
          const daysAgo = 20 + Math.floor(past() * 400);
          removals.push({
            accountId,
            at: new Date(REFERENCE_TIME - daysAgo * 86_400_000 - Math.floor(past() * 86_400_000)).toISOString(),
            byApp: past() < 0.6,
            groups: [...groups],
            products: had,
          });
        }
        continue;
      }
      const products = params.products.filter((_, index) => index === 0 || random() < 0.25);
      memberships.push({ accountId, status: state === 'suspended' ? 'suspended' : 'active', products });
      for (const p of products) groupByName.get(DEFAULT_GROUP[p])!.members.push(accountId);
      const teamCount = teamNames.length === 0 ? 0 : 1 + Math.floor(random() * Math.min(3, teamNames.length));
      for (const team of new Set(Array.from({ length: teamCount }, () => pick(teamNames))))
        groupByName.get(team)!.members.push(accountId);
    }
    let automation: string | null = null;
    for (let i = 0; i < params.appsPerSite; i++) {
      const accountId = `557058:${uuid()}`;
      const app = `${pick(['Automation for Jira', 'Slack', 'Jira Cloud for Sheets', 'Trello', 'Statuspage'])} ${i + 1}`;
      automation ??= accountId;
      accounts.push({
        accountId,
        accountType: 'app',
        // The first app is the automation that removed users by script (their removals name it).
        displayName: i === 0 ? 'Jira Automation' : app,
        email: null,
        emailVisible: false,
      });
      memberships.push({ accountId, status: 'active', products: [] });
      groupByName.get('atlassian-addons-admin')!.members.push(accountId);
    }
    for (let i = 0; i < params.customersPerSite; i++) {
      const accountId = `qm:${uuid()}:${uuid()}`;
      accounts.push({
        accountId,
        accountType: 'customer',
        displayName: `Customer ${pick(FIRST)} ${i + 1}`,
        email: `customer${i}@client.example.org`,
        emailVisible: random() < 0.5,
      });
      memberships.push({ accountId, status: 'active', products: [] });
    }
    return {
      name: siteParams.name,
      cloudId: uuid(),
      title: `${siteParams.name[0]!.toUpperCase()}${siteParams.name.slice(1)}`,
      centralizedUserManagement: siteParams.centralizedUserManagement ?? true,
      externalUserManagement: siteParams.externalUserManagement ?? false,
      products: params.products.map((key) => ({ key, seats: params.seats, defaultGroups: [DEFAULT_GROUP[key]] })),
      groups,
      memberships,
      pastRemovals: removals.map(({ byApp, ...r }) => ({
        ...r,
        by: byApp && automation ? automation : adminId,
        via: byApp && automation ? 'REST API' : '',
      })),
    };
  });

  const siteNames = params.sites.map((s) => s.name);
  return {
    name: params.name,
    org: { orgId: uuid(), name: `${sites[0]!.title} Inc.`, directoryId: uuid(), apiKeys: [`sim-org-key-${hex(32)}`] },
    accounts,
    sites,
    credentials: [
      {
        accountId: adminId,
        email: `admin@${params.sites[0]!.name}.example.com`,
        password: 'relink-demo',
        apiToken: `sim-api-token-${hex(24)}`,
        siteAdminOf: siteNames,
        jiraAdminOf: siteNames,
        orgAdmin: true,
      },
    ],
  };
}
