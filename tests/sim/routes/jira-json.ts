import { createHash } from 'node:crypto';
/** Jira REST representations of the world, in the shapes of the official spec (User, UserDetails, GroupName, ApplicationRole). */
import { PRODUCT_NAMES, type Account, type Group, type Product, type Site, type World } from '../world/world';

const AVATAR_SIZES = ['48x48', '24x24', '16x16', '32x32'] as const;

function avatarUrls(accountId: string): Record<string, string> {
  const hash = createHash('md5').update(accountId).digest('hex');
  return Object.fromEntries(
    AVATAR_SIZES.map((s) => [s, `https://secure.gravatar.com/avatar/${hash}?d=mm&s=${s.split('x')[0]}`]),
  );
}

function userSelf(site: Site, accountId: string): string {
  return `https://${site.host}/rest/api/3/user?accountId=${encodeURIComponent(accountId)}`;
}

export function groupNameJson(site: Site, group: Group) {
  return {
    name: group.name,
    groupId: group.groupId,
    self: `https://${site.host}/rest/api/3/group?groupId=${group.groupId}`,
  };
}

/** The fields User and UserDetails share. Email only where the profile shows it (docs/atlassian.md §3 Privacy). */
function baseUser(site: Site, account: Account, world: World) {
  const closed = account.status === 'closed';
  return {
    self: userSelf(site, account.accountId),
    accountId: account.accountId,
    accountType: account.accountType,
    ...(account.emailVisible && account.email && !closed ? { emailAddress: account.email } : {}),
    avatarUrls: avatarUrls(account.accountId),
    displayName: closed ? 'Former user' : account.displayName,
    active: world.isActiveOn(site, account),
    ...(closed ? {} : { timeZone: 'Europe/London' }),
  };
}

export function userDetailsJson(site: Site, account: Account, world: World) {
  return baseUser(site, account, world);
}

export function userJson(site: Site, account: Account, world: World, expand: Set<string>) {
  const user: Record<string, unknown> = { ...baseUser(site, account, world), locale: 'en_US' };
  if (account.accountType === 'app') user.appType = 'connect';
  if (expand.has('groups')) {
    const groups = world.groupsOf(site, account.accountId).map((g) => groupNameJson(site, g));
    user.groups = { size: groups.length, items: groups };
  }
  if (expand.has('applicationRoles')) {
    const membership = site.memberships.get(account.accountId);
    const roles = site.products
      .filter((p) => membership?.status !== 'removed' && membership?.products.has(p.key))
      .map((p) => applicationRoleJson(site, p, world));
    user.applicationRoles = { size: roles.length, items: roles };
  }
  user.expand = 'groups,applicationRoles';
  return user;
}

export function applicationRoleJson(site: Site, product: Product, world: World) {
  const used = world.seatsUsed(site, product.key);
  const defaults = product.defaultGroups
    .map((name) => world.group(site, { groupname: name }))
    .filter((g): g is Group => !!g);
  return {
    key: product.key,
    groups: defaults.map((g) => g.name),
    groupDetails: defaults.map((g) => groupNameJson(site, g)),
    name: PRODUCT_NAMES[product.key],
    defaultGroups: defaults.map((g) => g.name),
    defaultGroupsDetails: defaults.map((g) => groupNameJson(site, g)),
    selectedByDefault: false,
    defined: false,
    numberOfSeats: product.seats ?? -1,
    remainingSeats: product.seats === null ? -1 : Math.max(0, product.seats - used),
    userCount: used,
    userCountDescription: 'users',
    hasUnlimitedSeats: product.seats === null,
    platform: product.key === 'jira-core',
  };
}

/** `?expand=groups,applicationRoles` as a set. */
export function expandSet(value: string | null): Set<string> {
  return new Set(
    (value ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
}

/** Jira's startAt/maxResults parsing: bad numbers are a 400 in Jira; here they fall back to defaults only when absent. */
export function paging(
  url: URL,
  defaults: { max: number; cap: number },
): { startAt: number; maxResults: number } | string {
  const rawStart = url.searchParams.get('startAt');
  const rawMax = url.searchParams.get('maxResults');
  const startAt = rawStart === null ? 0 : Number(rawStart);
  const maxResults = rawMax === null ? defaults.max : Number(rawMax);
  if (!Number.isInteger(startAt) || startAt < 0) return `The value '${rawStart}' is invalid for startAt.`;
  if (!Number.isInteger(maxResults) || maxResults < 0) return `The value '${rawMax}' is invalid for maxResults.`;
  return { startAt, maxResults: Math.min(maxResults, defaults.cap) };
}
