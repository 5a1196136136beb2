/**
 * Which Atlassian admin user-list page a URL is, decided from the URL alone.
 * The three pages (docs/atlassian.md §7):
 *   https://admin.atlassian.com/o/{orgId}/users      — centralized user management
 *   https://admin.atlassian.com/s/{cloudId}/users    — original user management
 *   https://{site}.atlassian.net/admin/users         — legacy site admin
 */
export type AdminUserListPage =
  { kind: 'org'; orgId: string } | { kind: 'site-admin'; cloudId: string } | { kind: 'legacy'; siteHost: string };

const ADMIN_HOST = 'admin.atlassian.com';
const SITE_HOST = /^[a-z0-9][a-z0-9-]{0,62}\.atlassian\.net$/;
const ID_SEGMENT = /^[A-Za-z0-9-]{1,64}$/;

export function adminUserListPage(href: string): AdminUserListPage | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.port !== '') return null;
  const segments = url.pathname.split('/').filter(Boolean);

  if (url.hostname === ADMIN_HOST) {
    const [scope, id, page, ...rest] = segments;
    if (page !== 'users' || rest.length > 0 || !id || !ID_SEGMENT.test(id)) return null;
    if (scope === 'o') return { kind: 'org', orgId: id };
    if (scope === 's') return { kind: 'site-admin', cloudId: id };
    return null;
  }
  if (SITE_HOST.test(url.hostname)) {
    return segments.length === 2 && segments[0] === 'admin' && segments[1] === 'users'
      ? { kind: 'legacy', siteHost: url.hostname }
      : null;
  }
  return null;
}

/** The Atlassian site host a URL belongs to, if any (`acme.atlassian.net`). */
export function siteHostOf(href: string): string | null {
  try {
    const url = new URL(href);
    return url.protocol === 'https:' && SITE_HOST.test(url.hostname) ? url.hostname : null;
  } catch {
    return null;
  }
}
