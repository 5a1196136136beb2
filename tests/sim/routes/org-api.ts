/**
 * api.atlassian.com with an org API key (docs/atlassian.md §5): orgs and workspaces (v1/v2 spec),
 * v2 directory users (described in docs/atlassian.md, not in the 2023 spec), restore/suspend,
 * account lifecycle (user-management spec), and the retired v1 user/group writes.
 */
import { adminError, empty, gatewayError, json } from '../http/respond';
import { Router } from '../http/router';
import type { SimState } from '../http/state';
import type { ProductKey } from '../scenarios/schema';
import { ORG_ACTION_PRODUCT_REVOKED, type OrgEvent } from '../world/records';
import type { Account, World } from '../world/world';
import { PRODUCT_NAMES } from '../world/world';

export interface OrgCtx {
  sim: SimState;
  /** The org the Bearer key belongs to, or null (the handler decides how to answer). */
  org: World['org'] | null;
}

type DirectoryStatus = 'active' | 'suspended' | 'deactivated' | 'not_invited' | 'for_deletion';
type MembershipStatus = 'active' | 'suspended' | 'no_membership';

/** Org-wide view of one account: across all of the org's sites. */
export function directoryUser(world: World, account: Account) {
  const memberships = [...world.sites.values()]
    .map((s) => s.memberships.get(account.accountId))
    .filter((m) => m !== undefined);
  const membershipStatus: MembershipStatus = memberships.some((m) => m.status === 'active')
    ? 'active'
    : memberships.some((m) => m.status === 'suspended')
      ? 'suspended'
      : 'no_membership';
  const accountStatus = account.status;
  const status: DirectoryStatus =
    accountStatus === 'closed'
      ? 'for_deletion'
      : accountStatus === 'inactive'
        ? 'deactivated'
        : membershipStatus === 'suspended'
          ? 'suspended'
          : membershipStatus === 'active'
            ? 'active'
            : 'not_invited';
  const productAccess = [...world.sites.values()].flatMap((site) => {
    const m = site.memberships.get(account.accountId);
    return m?.status === 'active'
      ? [...m.products].map((key) => ({ key, name: PRODUCT_NAMES[key], url: `https://${site.host}` }))
      : [];
  });
  return {
    accountId: account.accountId,
    accountType: account.accountType,
    status,
    accountStatus,
    membershipStatus,
    name: account.status === 'closed' ? 'Former user' : account.displayName,
    ...(account.email && account.status !== 'closed' ? { email: account.email } : {}),
    productAccess,
    ...(account.lastActive ? { lastActive: account.lastActive } : {}),
  };
}

/**
 * [assumed] The product keys of last-active-dates for Jira's products: the spec's enum spells Jira
 * Service Management `jira-service-desk` and has no Jira Product Discovery.
 */
const ORG_PRODUCT_KEYS: Record<ProductKey, string | null> = {
  'jira-software': 'jira-software',
  'jira-servicedesk': 'jira-service-desk',
  'jira-core': 'jira-core',
  'jira-product-discovery': null,
};

/** One org event in the spec's EventModel shape. [assumed] what a revoked product access holds. */
function eventJson(world: World, orgId: string, e: OrgEvent) {
  const actor = e.actor ? world.accounts.get(e.actor) : undefined;
  const user = world.accounts.get(e.accountId);
  const profile = (id: string) => ({ self: `https://api.atlassian.com/users/${id}/manage/profile` });
  return {
    id: e.id,
    type: 'events',
    attributes: {
      time: new Date(e.at).toISOString(),
      action: ORG_ACTION_PRODUCT_REVOKED,
      actor: {
        id: e.actor ?? 'atlassian',
        ...(actor ? { name: actor.displayName } : {}),
        links: profile(e.actor ?? ''),
      },
      context: [
        { id: e.accountId, type: 'users', attributes: { name: user?.displayName ?? '' }, links: profile(e.accountId) },
        {
          id: `${e.cloudId}:${e.product}`,
          type: 'products',
          attributes: { key: e.product, name: PRODUCT_NAMES[e.product] },
        },
      ],
      container: [
        { id: e.cloudId, type: 'sites', attributes: { siteHostName: e.host }, links: { alt: `https://${e.host}` } },
      ],
      location: { ip: '203.0.113.10' },
    },
    links: { self: `https://api.atlassian.com/admin/v1/orgs/${orgId}/events/${e.id}` },
  };
}

const requireOrg = (ctx: OrgCtx, orgId: string) =>
  !ctx.org
    ? gatewayError(401, 'Unauthorized')
    : ctx.org.orgId !== orgId
      ? adminError(404, 'ADMIN-404-2', 'Not Found', 'Organization not found.')
      : null;

export function registerOrgRoutes(router: Router<OrgCtx>): void {
  router.on('GET', '/admin/v1/orgs', (_req, { org }) => {
    if (!org) return gatewayError(401, 'Unauthorized');
    const self = `https://api.atlassian.com/admin/v1/orgs/${org.orgId}`;
    return json(200, {
      data: [{ id: org.orgId, type: 'orgs', attributes: { name: org.name }, relationships: {}, links: { self } }],
      links: { self: 'https://api.atlassian.com/admin/v1/orgs' },
    });
  });

  router.on('POST', '/admin/v2/orgs/{orgId}/workspaces', (_req, ctx, { orgId }) => {
    const refusal = requireOrg(ctx, orgId!);
    if (refusal) return refusal;
    const data = [...ctx.sim.world.sites.values()].map((site) => ({
      id: site.cloudId,
      type: 'workspaces',
      attributes: {
        name: site.name,
        typeKey: 'jira',
        type: 'jira',
        status: 'online',
        hostUrl: site.host,
        realm: 'us',
        regions: ['us-east-1'],
      },
      links: { self: `https://${site.host}` },
    }));
    return json(200, {
      data,
      links: { self: `https://api.atlassian.com/admin/v2/orgs/${orgId}/workspaces` },
      meta: { pageSize: data.length, total: data.length },
    });
  });

  router.on('GET', '/admin/v2/orgs/{orgId}/directories/{directoryId}/users', (req, ctx, { orgId, directoryId }) => {
    const refusal = requireOrg(ctx, orgId!);
    if (refusal) return refusal;
    if (directoryId !== '-' && directoryId !== ctx.org!.directoryId)
      return adminError(404, 'ADMIN-404-1', 'Not Found', 'Directory not found.');
    const { world } = ctx.sim;
    const params = req.url.searchParams;
    const limit = Number(params.get('limit') ?? '100');
    const offset = Number(params.get('cursor') ? Buffer.from(params.get('cursor')!, 'base64url').toString() : '0');
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
      return adminError(400, 'ADMIN-400-4', 'Bad Request', 'limit must be between 1 and 1000.');
    if (!Number.isInteger(offset) || offset < 0)
      return adminError(400, 'ADMIN-400-1', 'Bad Request', 'Invalid page cursor.');
    const wantedIds = new Set(
      params
        .getAll('accountIds')
        .flatMap((v) => v.split(','))
        .filter(Boolean),
    );
    const wantedMembership = new Set(params.getAll('membershipStatus'));
    const all = [...world.accounts.values()]
      .filter((a) => a.accountType === 'atlassian')
      .filter((a) => wantedIds.size === 0 || wantedIds.has(a.accountId))
      .map((a) => directoryUser(world, a))
      .filter((u) => wantedMembership.size === 0 || wantedMembership.has(u.membershipStatus));
    const data = all.slice(offset, offset + limit);
    const base = `https://api.atlassian.com${req.url.pathname}`;
    const next =
      offset + limit < all.length
        ? `${base}?cursor=${Buffer.from(String(offset + limit)).toString('base64url')}&limit=${limit}`
        : undefined;
    return json(200, {
      data,
      links: { self: req.url.href.replace(/^https:\/\/[^/]+/, 'https://api.atlassian.com'), ...(next ? { next } : {}) },
    });
  });

  // The org's event log (admin-organization spec, getEvents): newest first, cursor paging. [assumed] page size 100.
  router.on('GET', '/admin/v1/orgs/{orgId}/events', (req, ctx, { orgId }) => {
    const refusal = requireOrg(ctx, orgId!);
    if (refusal) return refusal;
    const params = req.url.searchParams;
    const cursor = params.get('cursor');
    const offset = cursor === null ? 0 : Number(Buffer.from(cursor, 'base64url').toString());
    if (!Number.isInteger(offset) || offset < 0)
      return adminError(400, 'ADMIN-400-1', 'Bad Request', 'Invalid page cursor.');
    const times = ['from', 'to'].map((name) => params.get(name));
    if (times.some((t) => t !== null && !/^\d{1,15}$/.test(t)))
      return adminError(400, 'ADMIN-400-3', 'Bad Request', 'Invalid time date: from and to are epoch milliseconds.');
    const [from, to] = times.map((t) => (t === null ? null : Number(t)));
    const action = params.get('action');
    const q = (params.get('q') ?? '').toLowerCase();
    const { world } = ctx.sim;
    const all = world.records.orgEvents
      .filter((e) => (action === null || action === ORG_ACTION_PRODUCT_REVOKED) && (from === null || e.at >= from!))
      .filter(
        (e) => (to === null || e.at <= to!) && (!q || [e.accountId, e.host, e.product].some((v) => v.includes(q))),
      )
      .sort((a, b) => b.at - a.at || b.id.localeCompare(a.id))
      .map((e) => eventJson(world, orgId!, e));
    const PAGE = 100;
    const data = all.slice(offset, offset + PAGE);
    const next = offset + PAGE < all.length ? Buffer.from(String(offset + PAGE)).toString('base64url') : undefined;
    const self = `https://api.atlassian.com${req.url.pathname}`;
    return json(200, {
      data,
      meta: { page_size: PAGE, ...(next ? { next } : {}) },
      links: { self: `${self}${req.url.search}`, ...(next ? { next: `${self}?cursor=${next}` } : {}) },
    });
  });

  // A user's last active date per product (admin-organization spec): for each site of the org they used.
  router.on('GET', '/admin/v1/orgs/{orgId}/directory/users/{accountId}/last-active-dates', (_req, ctx, params) => {
    const refusal = requireOrg(ctx, params.orgId!);
    if (refusal) return refusal;
    const { world } = ctx.sim;
    const account = world.accounts.get(params.accountId!);
    if (!account || account.accountType !== 'atlassian')
      return adminError(404, 'ADMIN-404-8', 'Not Found', 'User not found.');
    const product_access = world.records.activityOf(account.accountId).flatMap(({ host, product, day }) => {
      const key = ORG_PRODUCT_KEYS[product];
      const site = world.sites.get(host);
      return key && site ? [{ id: site.cloudId, key, last_active: day }] : [];
    });
    return json(200, { data: { product_access }, links: {} });
  });

  for (const action of ['restore', 'suspend'] as const) {
    router.on(
      'POST',
      `/admin/v2/orgs/{orgId}/directories/{directoryId}/users/{accountId}/${action}`,
      (_req, ctx, { orgId, accountId }) => {
        const refusal = requireOrg(ctx, orgId!);
        if (refusal) return refusal;
        const { world } = ctx.sim;
        const account = world.accounts.get(accountId!);
        if (!account || account.accountType !== 'atlassian')
          return adminError(404, 'ADMIN-404-8', 'Not Found', 'User not found.');
        const from = action === 'restore' ? 'suspended' : 'active';
        const memberships = [...world.sites.values()]
          .map((s) => s.memberships.get(account.accountId))
          .filter((m) => m?.status === from);
        // Restore only reverses a suspension; a removed user must be re-invited (docs/atlassian.md §5).
        if (memberships.length === 0) {
          return adminError(
            400,
            'ADMIN-400-4',
            'Bad Request',
            action === 'restore'
              ? 'The user is not suspended in this directory.'
              : 'The user has no active access to suspend.',
          );
        }
        for (const m of memberships) m!.status = action === 'restore' ? 'active' : 'suspended';
        return json(200, { message: action === 'restore' ? 'Access restored' : 'Access suspended' });
      },
    );
  }

  for (const action of ['enable', 'disable'] as const) {
    router.on('POST', `/users/{accountId}/manage/lifecycle/${action}`, (_req, ctx, { accountId }) => {
      if (!ctx.org) return json(401, { key: 'unauthorized' });
      const account = ctx.sim.world.accounts.get(accountId!);
      if (!account || account.accountType !== 'atlassian' || account.status === 'closed')
        return json(404, { key: 'accountNotFound' });
      if (!account.managed) return json(403, { key: 'forbidden.targetUnverified' });
      account.status = action === 'enable' ? 'active' : 'inactive';
      return empty(204);
    });
  }

  // v1 user and group writes stopped on 30 June 2026 (docs/atlassian.md §5). [assumed] they answer 410 Gone.
  const retired = () =>
    adminError(410, 'ADMIN-410-1', 'Gone', 'This endpoint was retired on 30 June 2026. Use the v2 directory API.');
  router.on('POST', '/admin/v1/orgs/{orgId}/directory/users/{accountId}/suspend-access', retired);
  router.on('POST', '/admin/v1/orgs/{orgId}/directory/users/{accountId}/restore-access', retired);
  router.on('DELETE', '/admin/v1/orgs/{orgId}/directory/users/{accountId}', retired);
  router.on('POST', '/admin/v1/orgs/{orgId}/directory/groups', retired);
  router.on('DELETE', '/admin/v1/orgs/{orgId}/directory/groups/{groupId}', retired);
  router.on('POST', '/admin/v1/orgs/{orgId}/directory/groups/{groupId}/memberships', retired);
  router.on('DELETE', '/admin/v1/orgs/{orgId}/directory/groups/{groupId}/memberships/{accountId}', retired);
}
