/**
 * Who is calling, as Atlassian decides it (docs/atlassian.md §4): the host's session cookie
 * (`cloud.session.token`), or Basic `email:api-token`; org API keys are Bearer tokens.
 */
import type { Credential, Site, World } from '../world/world';
import type { SimState } from './state';
import type { SimRequest } from './types';

export const SESSION_COOKIE = 'cloud.session.token';

export type CallerResult =
  | { ok: true; credential: Credential; via: 'session' | 'basic' }
  | { ok: false; reason: 'none' | 'bad-credentials' | 'expired' };

export function resolveCaller(req: SimRequest, sim: SimState): CallerResult {
  const authorization = req.headers.authorization;
  if (authorization?.startsWith('Basic ')) {
    const decoded = Buffer.from(authorization.slice(6), 'base64').toString('utf8');
    const split = decoded.indexOf(':');
    const email = decoded.slice(0, split).toLowerCase();
    const token = decoded.slice(split + 1);
    const credential = sim.world.credentials.find(
      (c) => c.email.toLowerCase() === email && c.apiToken !== null && c.apiToken === token,
    );
    return credential ? { ok: true, credential, via: 'basic' } : { ok: false, reason: 'bad-credentials' };
  }
  const token = req.cookies.get(SESSION_COOKIE);
  if (!token) return { ok: false, reason: 'none' };
  const session = sim.sessions.get(token);
  if (!session || session.host !== req.host) return { ok: false, reason: 'bad-credentials' };
  session.requests++;
  const limit = sim.faults.sessionExpiresAfterRequests;
  if (limit !== null && session.requests > limit) session.expired = true;
  if (session.expired) return { ok: false, reason: 'expired' };
  const credential = sim.world.credentials.find((c) => c.accountId === session.accountId);
  return credential ? { ok: true, credential, via: 'session' } : { ok: false, reason: 'bad-credentials' };
}

export function orgForBearer(req: SimRequest, world: World): World['org'] | null {
  const authorization = req.headers.authorization;
  if (!authorization?.startsWith('Bearer ')) return null;
  return world.org.apiKeys.includes(authorization.slice(7)) ? world.org : null;
}

export const can = {
  siteAdmin: (c: Credential, site: Site) => c.siteAdminOf.has(site.name),
  administerJira: (c: Credential, site: Site) => c.jiraAdminOf.has(site.name) || c.siteAdminOf.has(site.name),
  /** Browse users and groups: any user with access to the site. */
  browseUsers: (c: Credential, site: Site) => site.memberships.get(c.accountId)?.status === 'active',
};

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) cookies.set(part.slice(0, eq).trim(), decodeURIComponent(part.slice(eq + 1).trim()));
  }
  return cookies;
}
