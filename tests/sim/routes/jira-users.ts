/** Jira REST user endpoints (docs/atlassian.md §3), with Cloud's quirks. */
import { z } from 'zod';
import { can } from '../http/auth';
import { empty, jiraError, json } from '../http/respond';
import { Router } from '../http/router';
import type { SimRequest } from '../http/types';
import { PRODUCT_KEYS } from '../scenarios/schema';
import { authorOf, type SiteCtx } from './context';
import { expandSet, groupNameJson, paging, userJson } from './jira-json';

const NewUser = z
  .object({
    emailAddress: z.string().optional(),
    products: z.array(z.string()).optional(),
  })
  .loose();

export function registerUserRoutes(router: Router<SiteCtx>): void {
  const bulkUsers = (req: SimRequest, { sim, site, caller }: SiteCtx) => {
    if (!can.browseUsers(caller, site))
      return jiraError(403, ['You do not have permission to browse users and groups.']);
    const page = paging(req.url, { max: 50, cap: 1000 });
    if (typeof page === 'string') return jiraError(400, [page]);
    const { usersSearchTimeoutAbove, pagingDrift } = sim.faults;
    if (usersSearchTimeoutAbove !== null && page.maxResults > usersSearchTimeoutAbove) {
      return jiraError(409, [
        'The request took too long to process and was cancelled. Try again with a smaller maxResults.',
      ]);
    }
    let start = page.startAt;
    if (pagingDrift && start > 0)
      start = Math.max(0, start + (pagingDrift.mode === 'duplicate' ? -pagingDrift.size : pagingDrift.size));
    const noExpand = new Set<string>();
    const all: (string | { raw: unknown })[] = [...site.memberships.keys(), ...site.rawRecords.map((raw) => ({ raw }))];
    return json(
      200,
      all
        .slice(start, start + page.maxResults)
        .map((id) =>
          typeof id === 'string' ? userJson(site, sim.world.accounts.get(id)!, sim.world, noExpand) : id.raw,
        ),
    );
  };
  router.on('GET', '/rest/api/3/users/search', bulkUsers);
  router.on('GET', '/rest/api/3/users', bulkUsers);

  router.on('GET', '/rest/api/3/user', (req, { sim, site, caller }) => {
    const accountId = req.url.searchParams.get('accountId');
    if (!accountId) return jiraError(400, ['The accountId query parameter needs to be provided.']);
    const account = sim.world.accounts.get(accountId);
    if (!account || !site.memberships.has(accountId) || !can.browseUsers(caller, site)) {
      return jiraError(404, [`Specified user does not exist or you do not have required permissions`]);
    }
    const user = userJson(site, account, sim.world, expandSet(req.url.searchParams.get('expand')));
    // Reads may lag a recent write (faults readLagMs): the user as they were before it.
    const lagged = sim.world.records.laggedView(site.host, accountId, Date.now());
    if (lagged) {
      user.active = lagged.active;
      if (user.groups) {
        const groups = site.groups.filter((g) => lagged.groups.includes(g.name)).map((g) => groupNameJson(site, g));
        user.groups = { size: groups.length, items: groups };
      }
    }
    return json(200, user);
  });

  router.on('GET', '/rest/api/3/user/search', (req, { sim, site, caller }) => {
    // Active users only, first 1000 matches; callers without permission get an empty 200 (docs/atlassian.md §3).
    if (!can.browseUsers(caller, site)) return json(200, []);
    const page = paging(req.url, { max: 50, cap: 1000 });
    if (typeof page === 'string') return jiraError(400, [page]);
    const query = (req.url.searchParams.get('query') ?? '').toLowerCase();
    const accountId = req.url.searchParams.get('accountId');
    if (!query && !accountId)
      return jiraError(400, [
        'One of the query parameters query, username, accountId or property needs to be provided.',
      ]);
    const matches = [...site.memberships.keys()]
      .map((id) => sim.world.accounts.get(id)!)
      .filter((a) => sim.world.isActiveOn(site, a))
      .filter((a) =>
        accountId
          ? a.accountId === accountId
          : a.displayName.toLowerCase().includes(query) || (a.emailVisible && a.email?.toLowerCase().startsWith(query)),
      )
      .slice(0, 1000);
    return json(
      200,
      matches.slice(page.startAt, page.startAt + page.maxResults).map((a) => userJson(site, a, sim.world, new Set())),
    );
  });

  router.on('POST', '/rest/api/3/user', (req, { sim, site, caller }) => {
    if (!can.administerJira(caller, site) || !caller.siteAdminOf.has(site.name)) {
      return jiraError(403, [
        'You do not have permission to create users. Only site administrators with the Administer Jira permission can.',
      ]);
    }
    const body = NewUser.safeParse(safeJson(req.body));
    if (!body.success) return jiraError(400, ['The request body is not valid JSON for a user.']);
    const { emailAddress, products } = body.data;
    if (!emailAddress || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(emailAddress)) {
      return jiraError(400, [], { emailAddress: 'You must specify a valid email address.' });
    }
    if (products === undefined) return jiraError(400, ['You must specify the products that user can access.']);
    const unknown = products.filter(
      (p) => !(PRODUCT_KEYS as readonly string[]).includes(p) || !site.products.some((sp) => sp.key === p),
    );
    if (unknown.length > 0)
      return jiraError(400, [`The product(s) ${unknown.join(', ')} are not available on this site.`]);
    const keys = products as (typeof PRODUCT_KEYS)[number][];

    const existing = sim.world.findAccountByEmail(emailAddress);
    const membership = existing ? site.memberships.get(existing.accountId) : undefined;
    if (existing && existing.status === 'inactive') {
      // [assumed] a deactivated managed account cannot be given site access until it is enabled again.
      return jiraError(400, [
        `The account for ${emailAddress} is deactivated. Activate it in admin.atlassian.com first.`,
      ]);
    }
    if (existing && membership?.status === 'suspended') {
      // [assumed] re-adding a suspended user is refused; suspension is reversed with "Restore access".
      return jiraError(400, [
        `${emailAddress} is suspended on this site. Restore their access in admin.atlassian.com instead.`,
      ]);
    }
    const hasAccess = membership?.status === 'active' && membership.products.size > 0;
    if (existing && keys.length === 0 && !hasAccess) {
      return jiraError(400, [], { email: 'A user with that email address already exists.' });
    }
    const accountId = existing?.accountId ?? null;
    const over = sim.world.productsOverSeatLimit(site, accountId ?? '', keys);
    if (over.length > 0) {
      return jiraError(400, [
        `Adding this user would exceed the number of users allowed by your licence for ${over.join(', ')}.`,
      ]);
    }
    const { reAdd } = sim.faults;
    // [assumed] how an existing account with no access to the site may be refused (docs/atlassian.md §6).
    if (existing && reAdd === 'exists-without-access')
      return jiraError(400, [], { email: 'A user with that email address already exists.' });
    const account = existing ?? sim.world.createAccount(emailAddress);
    noteWrite(sim, site, account.accountId);
    sim.world.grantSiteAccess(site, account.accountId, keys, authorOf(req, caller));
    // Re-adding an existing account has been reported to answer 500 yet succeed (docs/atlassian.md §6).
    if (existing && reAdd === '500-but-worked') return jiraError(500, ['Internal server error']);
    if (existing && reAdd === 'hang-but-worked') return { hang: true };
    return json(201, userJson(site, account, sim.world, new Set()));
  });

  router.on('DELETE', '/rest/api/3/user', (req, { sim, site, caller }) => {
    if (!caller.siteAdminOf.has(site.name)) return jiraError(403, ['You do not have permission to delete users.']);
    const accountId = req.url.searchParams.get('accountId');
    if (!accountId) return jiraError(400, ['The accountId query parameter needs to be provided.']);
    const account = sim.world.accounts.get(accountId);
    const membership = site.memberships.get(accountId);
    if (!account || !membership)
      return jiraError(404, ['Specified user does not exist or you do not have required permissions']);
    if (account.accountType !== 'atlassian')
      return jiraError(400, ['Only Atlassian accounts can be removed from a site.']);
    if (accountId === caller.accountId) return jiraError(400, ['You cannot delete yourself.']);
    noteWrite(sim, site, accountId);
    sim.world.removeFromSite(site, accountId, authorOf(req, caller));
    return empty(204);
  });

  // There is no PUT /rest/api/3/user on Cloud: updating a user fails with a 500 (docs/atlassian.md §3, reported).
  router.on('PUT', '/rest/api/3/user', () => jiraError(500, ['Internal server error']));
}

/** Before a write to a user: with faults readLagMs, reads keep showing them as they are now for a while. */
export function noteWrite(sim: SiteCtx['sim'], site: SiteCtx['site'], accountId: string): void {
  const account = sim.world.accounts.get(accountId);
  if (!account) return;
  sim.world.records.beforeWrite(
    site.host,
    accountId,
    { active: sim.world.isActiveOn(site, account), groups: sim.world.groupsOf(site, accountId).map((g) => g.name) },
    sim.faults.readLagMs,
    Date.now(),
  );
}

export function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
