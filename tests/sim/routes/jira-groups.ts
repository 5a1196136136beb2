/** Jira REST group endpoints (docs/atlassian.md §3): listing, members, and membership edits with their Cloud failures. */
import { z } from 'zod';
import { can } from '../http/auth';
import { empty, jiraError, json } from '../http/respond';
import { Router } from '../http/router';
import type { SimRequest, SimResponse } from '../http/types';
import type { Account, Group } from '../world/world';
import { authorOf, type SiteCtx } from './context';
import { groupNameJson, paging, userDetailsJson } from './jira-json';
import { noteWrite, safeJson } from './jira-users';

const EXTERNAL_UM =
  'Cannot edit group memberships, as external user management is enabled, please contact your JIRA administrators.';
const NO_USER = 'Specified user does not exist or you do not have required permissions';
const AddBody = z.object({ accountId: z.string().min(1).max(128) }).loose();

/** `groupId` xor `groupname`, as Jira insists. */
function groupFrom(req: SimRequest, { sim, site }: SiteCtx): { group: Group } | { error: SimResponse } {
  const groupId = req.url.searchParams.get('groupId');
  const groupname = req.url.searchParams.get('groupname');
  if ((groupId === null) === (groupname === null)) {
    return { error: jiraError(400, ['You must provide either a groupname or a groupId, but not both.']) };
  }
  const group = sim.world.group(site, { groupId: groupId ?? undefined, groupname: groupname ?? undefined });
  return group ? { group } : { error: jiraError(404, ['Specified group does not exist.']) };
}

/** Why this caller may not edit this group's memberships on this site, if they may not. */
function editRefusal({ site, caller }: SiteCtx, group: Group): SimResponse | null {
  if (!can.siteAdmin(caller, site))
    return jiraError(403, ['You must be a site administrator to edit group memberships.']);
  // [reported text; status assumed 400]
  if (site.externalUserManagement) return jiraError(400, [EXTERNAL_UM]);
  // [assumed] groups synced from an identity provider are read-only on the site.
  if (group.managedBy === 'idp')
    return jiraError(400, [
      `Cannot edit membership of group '${group.name}': it is synced from your identity provider.`,
    ]);
  return null;
}

export function registerGroupRoutes(router: Router<SiteCtx>): void {
  router.on('GET', '/rest/api/3/group/bulk', (req, { site, caller }) => {
    if (!can.browseUsers(caller, site))
      return jiraError(403, ['You do not have permission to browse users and groups.']);
    const page = paging(req.url, { max: 50, cap: 50 });
    if (typeof page === 'string') return jiraError(400, [page]);
    const ids = new Set(req.url.searchParams.getAll('groupId'));
    const names = new Set(req.url.searchParams.getAll('groupName'));
    const groups = site.groups.filter(
      (g) => (ids.size === 0 || ids.has(g.groupId)) && (names.size === 0 || names.has(g.name)),
    );
    const values = groups
      .slice(page.startAt, page.startAt + page.maxResults)
      .map((g) => ({ groupId: g.groupId, name: g.name }));
    const isLast = page.startAt + page.maxResults >= groups.length;
    return json(200, {
      self: req.url.href,
      maxResults: page.maxResults,
      startAt: page.startAt,
      total: groups.length,
      isLast,
      values,
      ...(isLast ? {} : { nextPage: nextPageUrl(req.url, page.startAt + page.maxResults) }),
    });
  });

  router.on('GET', '/rest/api/3/group/member', (req, ctx) => {
    const { sim, site, caller } = ctx;
    if (!can.browseUsers(caller, site))
      return jiraError(403, ['You do not have permission to browse users and groups.']);
    const found = groupFrom(req, ctx);
    if ('error' in found) return found.error;
    const { group } = found;
    const page = paging(req.url, { max: 50, cap: 50 });
    if (typeof page === 'string') return jiraError(400, [page]);
    const includeInactive = req.url.searchParams.get('includeInactiveUsers') === 'true';
    // Every member: the page is read off the group as it is, not a copy of it (groups of 50,000 are paged 900 times).
    const end = page.startAt + page.maxResults;
    let total = group.members.size;
    const values: Account[] = [];
    if (includeInactive) {
      let index = 0;
      for (const id of group.members) {
        if (index >= end) break;
        if (index++ >= page.startAt) values.push(sim.world.accounts.get(id)!);
      }
    } else {
      const members = [...group.members]
        .map((id) => sim.world.accounts.get(id)!)
        .filter((a) => sim.world.isActiveOn(site, a));
      total = members.length;
      values.push(...members.slice(page.startAt, end));
    }
    const isLast = end >= total;
    return json(200, {
      self: req.url.href,
      maxResults: page.maxResults,
      startAt: page.startAt,
      total,
      isLast,
      values: values.map((a) => userDetailsJson(site, a, sim.world)),
      ...(isLast ? {} : { nextPage: nextPageUrl(req.url, page.startAt + page.maxResults) }),
    });
  });

  router.on('GET', '/rest/api/3/user/groups', (req, { sim, site, caller }) => {
    const accountId = req.url.searchParams.get('accountId');
    if (!accountId) return jiraError(400, ['The accountId query parameter needs to be provided.']);
    if (!sim.world.accounts.has(accountId) || !site.memberships.has(accountId) || !can.browseUsers(caller, site)) {
      return jiraError(404, [NO_USER]);
    }
    return json(
      200,
      sim.world.groupsOf(site, accountId).map((g) => groupNameJson(site, g)),
    );
  });

  router.on('POST', '/rest/api/3/group/user', (req, ctx) => {
    const { sim, site } = ctx;
    const found = groupFrom(req, ctx);
    if ('error' in found) return found.error;
    const { group } = found;
    const refusal = editRefusal(ctx, group);
    if (refusal) return refusal;
    const body = AddBody.safeParse(safeJson(req.body));
    if (!body.success) return jiraError(400, ['You must specify the accountId of the user to add.']);
    const { accountId } = body.data;
    const account = sim.world.accounts.get(accountId);
    const membership = site.memberships.get(accountId);
    if (!account || !membership || account.status === 'closed') return jiraError(404, [NO_USER]);
    // Centralized user management: a removed user is not in the site's directory until re-added (docs/atlassian.md §3).
    if (membership.status === 'removed' && site.centralizedUserManagement) return jiraError(404, [NO_USER]);
    // The directory can lag a re-add (faults readLagMs): until it catches up, the user is not found there.
    if (
      site.centralizedUserManagement &&
      sim.world.records.laggedView(site.host, accountId, Date.now())?.active === false
    )
      return jiraError(404, [NO_USER]);
    if (group.members.has(accountId))
      return jiraError(400, [`Cannot add user. User is already a member of '${group.name}'`]);
    noteWrite(sim, site, accountId);
    sim.world.setGroupMember(site, group, accountId, true, authorOf(req, ctx.caller));
    return json(201, {
      ...groupNameJson(site, group),
      users: { size: group.members.size, items: [], 'max-results': 50, 'start-index': 0, 'end-index': 0 },
      expand: 'users',
    });
  });

  router.on('DELETE', '/rest/api/3/group/user', (req, ctx) => {
    const { sim } = ctx;
    const found = groupFrom(req, ctx);
    if ('error' in found) return found.error;
    const { group } = found;
    const refusal = editRefusal(ctx, group);
    if (refusal) return refusal;
    const accountId = req.url.searchParams.get('accountId');
    if (!accountId) return jiraError(400, ['You must specify the accountId of the user to remove.']);
    if (!sim.world.accounts.has(accountId)) return jiraError(404, [NO_USER]);
    // [assumed] removing a non-member is a 400, as on Jira Server.
    if (!group.members.has(accountId))
      return jiraError(400, [`Cannot remove user. User is not a member of '${group.name}'`]);
    noteWrite(sim, ctx.site, accountId);
    sim.world.setGroupMember(ctx.site, group, accountId, false, authorOf(req, ctx.caller));
    return empty(200);
  });
}

function nextPageUrl(url: URL, startAt: number): string {
  const next = new URL(url.href);
  next.searchParams.set('startAt', String(startAt));
  return next.href;
}
