/**
 * Hostile and odd records (issue: reliability and security): display names carrying markup and
 * script, very long, empty, right-to-left and emoji names, and raw records with corrupted ids,
 * unknown account types, missing and null fields, and duplicates. Every removed user here must
 * show as text in Relink's rows; no record may crash a scan.
 */
import type { ScenarioInput } from './schema';

export const HOSTILE_NAMES = [
  '<img src=x onerror="window.__relinkPwned=1">',
  '<script>window.__relinkPwned=2</script>',
  '"><svg onload="window.__relinkPwned=3">',
  `${'Long'.repeat(80)}Name`,
  '',
  'مستخدم محذوف \u202Eevil.exe',
  '🧑‍💻 Dev 🚀 Ops',
  'Line\nBreak',
];

const id = (n: number) => `5b10ac8d82e05b22cc7d5${n.toString(16).padStart(3, '0')}`;
const ADMIN = id(0);

export function hostileScenario(): ScenarioInput {
  const removed = HOSTILE_NAMES.map((displayName, i) => ({
    accountId: id(i + 1),
    displayName,
    email: `hostile${i + 1}@hostile.example.com`,
    emailVisible: i % 2 === 0,
  }));
  return {
    name: 'hostile',
    org: {
      orgId: '0f1e2d3c-4b5a-4697-8877-66554433dead',
      name: 'Hostile Org',
      directoryId: 'd1d2d3d4-0000-4000-8000-00000000dead',
      apiKeys: ['sim-org-key-hostile-0123456789ab'],
    },
    accounts: [{ accountId: ADMIN, displayName: 'Hana Admin', email: 'admin@hostile.example.com' }, ...removed],
    sites: [
      {
        name: 'hostile',
        cloudId: '22222222-3333-4444-8555-666666666666',
        products: [{ key: 'jira-software', seats: null, defaultGroups: ['jira-software-users'] }],
        groups: [{ name: 'jira-software-users', groupId: 'cccccccc-0000-4000-8000-000000000001', members: [ADMIN] }],
        memberships: [
          { accountId: ADMIN, status: 'active', products: ['jira-software'] },
          ...removed.map((r) => ({ accountId: r.accountId, status: 'removed' as const })),
        ],
        rawRecords: [
          { accountId: 'unknown', accountType: 'atlassian', active: false, displayName: 'Unknown user' },
          { accountId: 'bot-1', accountType: 'bot', active: false, displayName: 'A bot of an unknown type' },
          { accountId: 'no-active-flag', accountType: 'atlassian', displayName: 'Missing active' },
          { accountId: null, active: false },
          { accountId: 'nulls', accountType: null, active: false, displayName: null, emailAddress: null },
          { accountId: id(1), accountType: 'atlassian', active: false, displayName: HOSTILE_NAMES[0] },
          'not even an object',
        ],
      },
    ],
    credentials: [
      {
        accountId: ADMIN,
        email: 'admin@hostile.example.com',
        password: 'relink-demo',
        apiToken: 'sim-api-token-hostile-admin',
        siteAdminOf: ['hostile'],
        jiraAdminOf: ['hostile'],
        orgAdmin: true,
      },
    ],
  };
}
