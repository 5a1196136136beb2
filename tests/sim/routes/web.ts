/**
 * What a browser sees on the Atlassian hosts: sign-in, a plain Jira page, and the admin
 * single-page app with the private data endpoint it loads its user list from.
 * The user list shows site members (active, suspended, deactivated) and never removed users.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureAdminAppSync } from '../admin-app/build';
import { adminShell, designSystemShell, type AdminBoot } from '../admin-app/shell';
import { readSwitches } from '../admin-app/switches';
import { can, resolveCaller, SESSION_COOKIE } from '../http/auth';
import { escapeHtml, html, json, redirect, text } from '../http/respond';
import { Router } from '../http/router';
import type { SimState } from '../http/state';
import type { SimRequest, SimResponse } from '../http/types';
import type { Account, Credential, Site, World } from '../world/world';

export interface WebCtx {
  sim: SimState;
  host: string;
  /** The site for `NAME.atlassian.net` hosts; null on admin.atlassian.com. */
  site: Site | null;
}

const appJs = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../admin-app/app.js'), 'utf8');
const PAGE_SIZE = 20;

function signInPage(host: string, continueTo: string, error?: string): string {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Log in to continue - Log in with Atlassian account</title></head>
<body><main><h1>Log in to continue</h1><p>${escapeHtml(host)}</p>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/login"><input type="hidden" name="continue" value="${escapeHtml(continueTo)}">
<label>Email <input name="email" type="email" autocomplete="username" required></label>
<label>Password <input name="password" type="password" autocomplete="current-password" required></label>
<button type="submit" id="login-submit">Log in</button></form></main></body></html>`;
}

function safeContinue(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

function signedIn(req: SimRequest, ctx: WebCtx): Credential | null {
  const caller = resolveCaller(req, ctx.sim);
  return caller.ok && caller.via === 'session' ? caller.credential : null;
}

function toLogin(req: SimRequest): SimResponse {
  return redirect(`/login?continue=${encodeURIComponent(req.url.pathname + req.url.search)}`);
}

/**
 * The status the admin UI shows for an account on a set of sites, or null when it does not list them.
 * With `listRemoved` (the org Directory since managed accounts joined it, docs/atlassian.md §7), an
 * account removed from every site is listed too, by its account's status.
 */
function listedStatus(
  world: World,
  sites: Site[],
  account: Account,
  listRemoved = false,
): 'active' | 'suspended' | 'deactivated' | null {
  if (account.accountType !== 'atlassian' || account.status === 'closed') return null;
  const all = sites.map((s) => s.memberships.get(account.accountId)?.status).filter((s) => s !== undefined);
  const statuses = all.filter((s) => s !== 'removed');
  if (statuses.length === 0 && !(listRemoved && all.length > 0)) return null;
  if (account.status === 'inactive') return 'deactivated';
  return statuses.length === 0 || statuses.includes('active') ? 'active' : 'suspended';
}

function scopeSites(world: World, scope: string, ctx: WebCtx): Site[] | null {
  if (scope === 'legacy') return ctx.site ? [ctx.site] : null;
  if (ctx.site) return null;
  if (scope === `org:${world.org.orgId}`) return [...world.sites.values()];
  const site = scope.startsWith('site:') ? world.siteByCloudId(scope.slice(5)) : undefined;
  return site ? [site] : null;
}

export function registerWebRoutes(router: Router<WebCtx>): void {
  router.on('GET', '/__sim/admin-app.js', () => ({
    status: 200,
    headers: { 'content-type': 'text/javascript;charset=UTF-8' },
    body: appJs,
  }));

  router.on('GET', '/login', (req, { host }) =>
    html(200, signInPage(host, safeContinue(req.url.searchParams.get('continue')))),
  );
  router.on('POST', '/login', (req, ctx) => {
    const form = new URLSearchParams(req.body);
    const email = (form.get('email') ?? '').toLowerCase();
    const credential = ctx.sim.world.credentials.find(
      (c) => c.email.toLowerCase() === email && c.password === form.get('password'),
    );
    const continueTo = safeContinue(form.get('continue'));
    if (!credential) return html(401, signInPage(ctx.host, continueTo, 'Incorrect email address and / or password.'));
    const token = ctx.sim.newSession(credential.accountId, ctx.host);
    return redirect(continueTo, {
      'set-cookie': `${SESSION_COOKIE}=${token}; Path=/; Secure; HttpOnly; SameSite=None`,
    });
  });
  router.on('GET', '/logout', () =>
    redirect('/login', { 'set-cookie': `${SESSION_COOKIE}=; Path=/; Secure; HttpOnly; SameSite=None; Max-Age=0` }),
  );

  router.on('GET', '/', (_req, ctx) =>
    redirect(ctx.site ? '/jira/your-work' : `/o/${ctx.sim.world.org.orgId}/overview`),
  );

  router.on('GET', '/jira/your-work', (req, ctx) => {
    if (!ctx.site) return text(404, 'Not found');
    if (!signedIn(req, ctx)) return toLogin(req);
    return html(
      200,
      `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Your work - Jira</title></head><body><main><h1>Your work</h1><p>${escapeHtml(ctx.site.title)}</p><a href="/admin/users">User management</a></main></body></html>`,
    );
  });

  const adminPage = (title: string) => (req: SimRequest, ctx: WebCtx) => {
    const credential = signedIn(req, ctx);
    if (!credential) return toLogin(req);
    const allowed = ctx.site ? can.siteAdmin(credential, ctx.site) : credential.orgAdmin;
    if (!allowed)
      return html(403, `<!DOCTYPE html><html><body><h1>You don't have access to this page</h1></body></html>`);
    const mode = req.url.searchParams.get('colorMode') === 'dark' ? 'dark' : 'light';
    const switches = readSwitches(req.url.search);
    if (ctx.sim.faults.adminMarkup === 'grid' || switches.on.has('classic'))
      return html(200, adminShell(title, ctx.sim.classSalt, mode, ctx.sim.faults.adminMarkup));
    const boot = bootFor(ctx, req.url.pathname);
    if (!boot) return html(404, '<h1>Page not found</h1>');
    return html(200, designSystemShell(title, boot, mode, switches.lang));
  };
  for (const page of ['users', 'groups']) router.on('GET', `/admin/${page}`, adminPage(`Administration - ${page}`));
  router.on('GET', '/admin/users/{accountId}', adminPage('Administration - user'));
  router.on('GET', '/admin', (_req, ctx) => (ctx.site ? redirect('/admin/users') : text(404, 'Not found')));
  for (const scope of ['o', 's']) {
    for (const page of ['overview', 'users', 'groups'])
      router.on('GET', `/${scope}/{id}/${page}`, adminPage(`Atlassian Administration - ${page}`));
    router.on('GET', `/${scope}/{id}/users/{accountId}`, adminPage('Atlassian Administration - user'));
  }

  // The design-system app (tests/sim/admin-app/build.ts), bundled on first use when no setup did.
  for (const [file, type] of [
    ['app.js', 'text/javascript;charset=UTF-8'],
    ['app.css', 'text/css;charset=UTF-8'],
  ] as const)
    router.on('GET', `/__sim/admin-ds/${file}`, () => ({
      status: 200,
      headers: { 'content-type': type, 'cache-control': 'no-store' },
      body: readFileSync(join(ensureAdminAppSync(), file), 'utf8'),
    }));
  // Avatars, served here: nothing the pages show leaves the simulator.
  router.on('GET', '/__sim/avatar/{accountId}', (_req, ctx, params) => {
    const account = ctx.sim.world.accounts.get(params.accountId ?? '');
    const initials = (account?.displayName ?? '?')
      .split(/\s+/)
      .map((w) => w[0] ?? '')
      .join('')
      .slice(0, 2)
      .toUpperCase();
    return {
      status: 200,
      headers: { 'content-type': 'image/svg+xml' },
      body: `<svg xmlns="http://www.w3.org/2000/svg" width="48" height="48"><rect width="48" height="48" fill="#8F7EE7"/><text x="24" y="30" font-family="sans-serif" font-size="18" fill="#fff" text-anchor="middle">${escapeHtml(initials)}</text></svg>`,
    };
  });

  const listUsers = (req: SimRequest, ctx: WebCtx, scope: string) => {
    const credential = signedIn(req, ctx);
    if (!credential) return json(401, { message: 'Unauthorized' });
    const { world } = ctx.sim;
    const q = req.url.searchParams;
    let sites = scopeSites(world, scope, ctx);
    if (!sites) return json(404, { message: 'Unknown scope' });
    if (!sites.every((s) => can.siteAdmin(credential, s))) return json(403, { message: 'Forbidden' });
    const siteFilter = q.get('site');
    if (siteFilter) sites = sites.filter((s) => s.host === siteFilter);
    const status = q.get('status') ?? 'active';
    const query = (q.get('q') ?? '').toLowerCase();
    const limit = Math.min(100, Math.max(1, Number(q.get('limit')) || PAGE_SIZE));
    const listRemoved = q.get('listed') === '1';
    const ids = new Set(sites.flatMap((s) => [...s.memberships.keys()]));
    const users = [...ids]
      .map((id) => world.accounts.get(id)!)
      .map((account) => ({ account, status: listedStatus(world, sites, account, listRemoved) }))
      .filter((u) => u.status !== null && (status === 'all' || u.status === status))
      .filter(
        ({ account }) =>
          !query || account.displayName.toLowerCase().includes(query) || account.email?.toLowerCase().includes(query),
      )
      .filter(({ account }) => q.get('type') !== 'managed' || account.managed)
      .map((u) => ({
        ...u,
        access: sites.filter((s) => s.memberships.get(u.account.accountId)?.status === 'active').map((s) => s.host),
      }))
      .filter((u) => q.get('access') !== 'none' || u.access.length === 0)
      .filter(() => q.get('empty') !== '1')
      .sort(
        (a, b) => a.account.displayName.localeCompare(b.account.displayName) * (q.get('order') === 'desc' ? -1 : 1),
      );
    // Numbered pages, or an opaque cursor (the org Directory's, docs/atlassian.md §7).
    const cursor = q.get('cursor');
    const offset = cursor
      ? Number(Buffer.from(cursor, 'base64url').toString()) || 0
      : (Math.max(1, Number(q.get('page')) || 1) - 1) * limit;
    const at = (n: number) => Buffer.from(String(n)).toString('base64url');
    return json(200, {
      total: users.length,
      pageSize: limit,
      next: offset + limit < users.length ? at(offset + limit) : null,
      prev: offset > 0 ? at(Math.max(0, offset - limit)) : null,
      users: users.slice(offset, offset + limit).map(({ account, status: s, access }) => ({
        accountId: account.accountId,
        name: account.displayName,
        email: account.email,
        lastSeen: account.lastActive,
        status: s,
        avatar: `/__sim/avatar/${encodeURIComponent(account.accountId)}`,
        access,
        managed: account.managed,
      })),
    });
  };
  router.on('GET', '/gateway/api/sim-admin/users', (req, ctx) =>
    listUsers(req, ctx, req.url.searchParams.get('scope') ?? ''),
  );
  router.on('GET', '/gateway/api/admin/v2/orgs/{orgId}/directories/-/users', (req, ctx, params) =>
    listUsers(req, ctx, `org:${params.orgId ?? ''}`),
  );
}

/** What the design-system app needs to know about its page: which one, and the sites it is about. */
function bootFor(ctx: WebCtx, path: string): AdminBoot | null {
  const { world } = ctx.sim;
  const parts = path.split('/').filter(Boolean);
  const named = (sites: Site[]) => sites.map((s) => ({ host: s.host, title: s.title }));
  if (ctx.site) return { kind: 'legacy', id: ctx.site.host, base: '/admin', sites: named([ctx.site]) };
  const [scope, id] = parts;
  if (scope === 'o' && id === world.org.orgId)
    return { kind: 'org', id, base: `/o/${id}`, sites: named([...world.sites.values()]) };
  const site = scope === 's' && id ? world.siteByCloudId(id) : undefined;
  return site && id ? { kind: 'site', id, base: `/s/${id}`, sites: named([site]) } : null;
}
