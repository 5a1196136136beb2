/**
 * The variations of docs/atlassian.md §8 as one lens over the routes' successful answers: the routes
 * answer as the spec describes, and a switched-on variation rewrites that answer the way Atlassian is
 * documented or reported to. Off (the default), answers pass through untouched.
 */
import type { SimRequest, SimResponse } from './types';
import type { Variations } from './variations-schema';

const USERS_SEARCH = new Set(['/rest/api/3/users/search', '/rest/api/3/users']);
const PAGE_BEANS = new Set(['/rest/api/3/group/bulk', '/rest/api/3/group/member']);
const RESTORE = /^\/admin\/v2\/orgs\/[^/]+\/directories\/[^/]+\/users\/[^/]+\/restore\/?$/;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function variationsActive(v: Variations): boolean {
  return (
    v.usersSearchCap !== null ||
    v.pageBean.total !== 'exact' ||
    v.pageBean.isLast !== 'present' ||
    v.nullGroupIds !== 'none' ||
    v.accountType !== 'lowercase' ||
    v.restoreAnswer !== 'json'
  );
}

export function applyVariations(v: Variations, req: SimRequest, response: SimResponse): SimResponse {
  if (!('status' in response) || response.status < 200 || response.status >= 300 || !variationsActive(v))
    return response;
  const path = req.url.pathname.replace(/\/$/, '');
  if (req.host === 'api.atlassian.com') {
    if (req.method !== 'POST' || !RESTORE.test(path) || v.restoreAnswer === 'json') return response;
    // [reported] a successful restore answered without a body (docs/atlassian.md §8).
    return v.restoreAnswer === 'no-content'
      ? { status: 204, headers: {}, body: '' }
      : { status: 200, headers: { 'content-type': 'application/json;charset=UTF-8' }, body: '' };
  }
  if (!req.host.endsWith('.atlassian.net') || !path.startsWith('/rest/api/3/')) return response;
  const type = response.headers?.['content-type'];
  if (typeof type !== 'string' || !type.includes('json') || !response.body) return response;
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    return response;
  }

  if (USERS_SEARCH.has(path) && Array.isArray(body) && v.usersSearchCap !== null)
    body = body.slice(0, v.usersSearchCap);
  if (PAGE_BEANS.has(path) && isObject(body)) {
    // [assumed] How short a short total is: 80 % of the truth (the shortfall reported was 100 of 120).
    if (typeof body.total === 'number' && v.pageBean.total === 'undercount') body.total = Math.floor(body.total * 0.8);
    if (v.pageBean.total === 'absent') delete body.total;
    if (v.pageBean.isLast === 'absent') {
      delete body.isLast;
      delete body.nextPage;
    }
    if (path === '/rest/api/3/group/bulk' && v.nullGroupIds !== 'none' && Array.isArray(body.values))
      for (const group of body.values) if (isObject(group)) group.groupId = null;
  }
  if (path === '/rest/api/3/user/groups' && v.nullGroupIds === 'everywhere' && Array.isArray(body))
    for (const group of body) if (isObject(group)) group.groupId = null;
  visitUsers(body, (user) => {
    if (v.accountType === 'capitalized' && typeof user.accountType === 'string')
      user.accountType = user.accountType.charAt(0).toUpperCase() + user.accountType.slice(1);
    if (v.accountType === 'missing') delete user.accountType;
    const groups = user.groups;
    if (v.nullGroupIds === 'everywhere' && isObject(groups) && Array.isArray(groups.items))
      for (const group of groups.items) if (isObject(group)) group.groupId = null;
  });
  return { ...response, body: JSON.stringify(body) };
}

/** Every user record in an answer: an object with an accountId, at the top, in an array or in a page's values. */
function visitUsers(body: unknown, visit: (user: Json) => void): void {
  const records = Array.isArray(body) ? body : isObject(body) && Array.isArray(body.values) ? body.values : [body];
  for (const record of records) if (isObject(record) && typeof record.accountId === 'string') visit(record);
}
