/**
 * Groups that grant admin rights are never given back without the admin's explicit tick: a
 * removed user silently regaining site-admins is the worst outcome a reactivation can have.
 * [assumed] Jira exposes no "this group grants admin" flag Relink can read with a site admin's
 * session, so the known admin groups count, and, to err on the safe side, any group whose name
 * says "admin".
 */
import type { GroupTarget } from './plan';

const KNOWN_ADMIN_GROUPS = new Set(['site-admins', 'jira-administrators', 'administrators', 'org-admins']);

export function grantsAdmin(group: GroupTarget): boolean {
  const name = group.name.toLowerCase();
  return KNOWN_ADMIN_GROUPS.has(name) || name.includes('admin');
}
