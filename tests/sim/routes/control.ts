/**
 * The simulator's own control endpoint, on any host that is not an Atlassian one
 * (e.g. https://127.0.0.1:PORT/__sim/...). Tests use it to switch faults, expire sessions,
 * read ground truth and the request log. Bad input is refused with the reason; nothing half-applies.
 */
import { z } from 'zod';
import { FaultsSchema } from '../http/faults-schema';
import { empty, json } from '../http/respond';
import { Router } from '../http/router';
import type { SimState } from '../http/state';
import { scenarioData } from '../scenarios/presets';
import { buildWorld, ScenarioError } from '../world/build';
import { directoryUser } from './org-api';

export interface ControlCtx {
  sim: SimState;
}

function parseBody<T>(schema: z.ZodType<T>, body: string): { ok: true; value: T } | { ok: false; error: string } {
  let raw: unknown;
  try {
    raw = body ? JSON.parse(body) : {};
  } catch {
    return { ok: false, error: 'The body is not valid JSON.' };
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    error: parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; '),
  };
}

export function registerControlRoutes(router: Router<ControlCtx>): void {
  router.on('GET', '/__sim/health', (_req, { sim }) => json(200, { ok: true, scenario: sim.world.scenario.name }));

  router.on('GET', '/__sim/scenario', (_req, { sim }) => {
    const { world } = sim;
    return json(200, {
      name: world.scenario.name,
      org: { orgId: world.org.orgId, directoryId: world.org.directoryId, apiKeys: world.org.apiKeys },
      sites: [...world.sites.values()].map((s) => ({
        host: s.host,
        cloudId: s.cloudId,
        externalUserManagement: s.externalUserManagement,
        centralizedUserManagement: s.centralizedUserManagement,
      })),
      credentials: world.credentials.map((c) => ({
        email: c.email,
        password: c.password,
        apiToken: c.apiToken,
        orgAdmin: c.orgAdmin,
        siteAdminOf: [...c.siteAdminOf],
      })),
    });
  });

  router.on('GET', '/__sim/faults', (_req, { sim }) => json(200, sim.faults));
  router.on('PUT', '/__sim/faults', (req, { sim }) => {
    const parsed = parseBody(FaultsSchema, req.body);
    if (!parsed.ok) return json(400, { error: `Faults rejected: ${parsed.error}` });
    sim.setFaults(parsed.value);
    return json(200, sim.faults);
  });

  router.on('POST', '/__sim/sessions/expire', (_req, { sim }) => json(200, { expired: sim.expireSessions() }));

  router.on('POST', '/__sim/reset', (req, { sim }) => {
    const parsed = parseBody(z.object({ scenario: z.string().min(1) }).strict(), req.body);
    if (!parsed.ok) return json(400, { error: `Reset rejected: ${parsed.error}` });
    try {
      const data = scenarioData(parsed.value.scenario);
      sim.world = buildWorld(data);
      sim.setFaults((data as { faults?: unknown }).faults ?? {});
      sim.sessions.clear();
      sim.requests = [];
    } catch (error) {
      const message = error instanceof ScenarioError ? error.message : (error as Error).message;
      return json(400, { error: message });
    }
    return json(200, { ok: true, scenario: sim.world.scenario.name });
  });

  router.on('GET', '/__sim/requests', (_req, { sim }) =>
    json(200, {
      requests: sim.requests,
      earlyRetries: sim.limiter?.earlyRetries ?? 0,
      rateLimited: sim.limiter?.rejected ?? 0,
    }),
  );
  router.on('DELETE', '/__sim/requests', (_req, { sim }) => {
    sim.requests = [];
    return empty(204);
  });

  router.on('GET', '/__sim/sites/{host}/users/{accountId}', (_req, { sim }, { host, accountId }) => {
    const site = sim.world.sites.get(host!);
    const account = sim.world.accounts.get(accountId!);
    if (!site || !account)
      return json(404, { error: `No ${site ? 'account' : 'site'} ${site ? accountId : host} in the simulator.` });
    const membership = site.memberships.get(account.accountId);
    return json(200, {
      account,
      membership: membership ? { status: membership.status, products: [...membership.products] } : null,
      groups: sim.world.groupsOf(site, account.accountId).map((g) => g.name),
      directory: directoryUser(sim.world, account),
    });
  });

  // Optional body {by, via}: who removes them and through what, for the audit log (default: the first admin, in the UI).
  router.on('POST', '/__sim/sites/{host}/users/{accountId}/remove', (req, { sim }, { host, accountId }) => {
    const site = sim.world.sites.get(host!);
    if (!site?.memberships.has(accountId!)) return json(404, { error: `No member ${accountId} on ${host}.` });
    const parsed = parseBody(
      z.object({ by: z.string().min(1).optional(), via: z.string().optional() }).strict(),
      req.body,
    );
    if (!parsed.ok) return json(400, { error: `Removal rejected: ${parsed.error}` });
    const by = parsed.value.by ?? sim.world.credentials.find((c) => c.siteAdminOf.has(site.name))?.accountId;
    sim.world.removeFromSite(site, accountId!, by ? { accountId: by, via: parsed.value.via ?? '' } : null);
    return empty(204);
  });
}
