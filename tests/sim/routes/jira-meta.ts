/** Jira REST: the caller, their permissions, the site, its products (docs/atlassian.md §3). */
import { can } from '../http/auth';
import { jiraError, json } from '../http/respond';
import { Router } from '../http/router';
import type { SiteCtx } from './context';
import { applicationRoleJson, expandSet, userJson } from './jira-json';

const GLOBAL_PERMISSIONS = {
  ADMINISTER: {
    id: '0',
    name: 'Administer Jira',
    description: 'Create and administer projects, issue types, fields, workflows, and schemes for all projects.',
  },
  USER_PICKER: {
    id: '27',
    name: 'Browse users and groups',
    description: 'View and select users or groups from the user picker, and share issues.',
  },
  SYSTEM_ADMIN: { id: '44', name: 'Administer Jira system', description: 'Configure Jira system settings.' },
} as const;

export function registerMetaRoutes(router: Router<SiteCtx>): void {
  router.on('GET', '/rest/api/3/myself', (req, { sim, site, caller }) => {
    const account = sim.world.accounts.get(caller.accountId)!;
    return json(200, userJson(site, account, sim.world, expandSet(req.url.searchParams.get('expand'))));
  });

  router.on('GET', '/rest/api/3/mypermissions', (req, { site, caller }) => {
    const keys = (req.url.searchParams.get('permissions') ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean);
    if (keys.length === 0) return jiraError(400, ['The permissions query parameter is required.']);
    const unknown = keys.filter((k) => !(k in GLOBAL_PERMISSIONS));
    if (unknown.length > 0)
      return jiraError(404, [`No project permissions or global permissions found for keys: ${unknown.join(', ')}`]);
    const have: Record<string, boolean> = {
      ADMINISTER: can.administerJira(caller, site),
      SYSTEM_ADMIN: can.siteAdmin(caller, site),
      USER_PICKER: can.browseUsers(caller, site),
    };
    const permissions = Object.fromEntries(
      keys.map((key) => {
        const p = GLOBAL_PERMISSIONS[key as keyof typeof GLOBAL_PERMISSIONS];
        return [key, { ...p, key, type: 'GLOBAL', havePermission: have[key] ?? false }];
      }),
    );
    return json(200, { permissions });
  });

  router.on('GET', '/rest/api/3/serverInfo', (_req, { site }) =>
    json(200, {
      baseUrl: `https://${site.host}`,
      displayUrl: `https://${site.host}`,
      version: '1001.0.0-SNAPSHOT',
      versionNumbers: [1001, 0, 0],
      deploymentType: 'Cloud',
      buildNumber: 100300,
      buildDate: '2026-11-20T00:00:00.000+0000',
      serverTime: new Date().toISOString().replace('Z', '+0000'),
      scmInfo: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
      serverTitle: site.title,
      serverTimeZone: 'Etc/UTC',
    }),
  );

  router.on('GET', '/rest/api/3/applicationrole', (_req, { sim, site, caller }) => {
    if (!can.administerJira(caller, site)) return jiraError(403, ['You do not have the Administer Jira permission.']);
    return json(
      200,
      site.products.map((p) => applicationRoleJson(site, p, sim.world)),
    );
  });
}
