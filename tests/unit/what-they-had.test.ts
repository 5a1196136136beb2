/**
 * What a removed user had, by the most trusted source that tells (utils/engine/what-they-had.ts),
 * and how records fold into the per-site digest (site-records.ts): pure.
 */
import { describe, expect, it } from 'vitest';
import { useLocale } from '../support/i18n';
import type { AuditRecord, OrgEvent } from '@/utils/atlassian/record-schemas';
import type { SiteRecords } from '@/utils/domain/records';
import { auditKindOf, auditLogIsOff, jiraProductKey } from '@/utils/engine/audit-wording';
import type { SiteProduct } from '@/utils/engine/plan';
import { emptySiteRecords, foldAuditRecord, foldOrgEvent, isoOf } from '@/utils/engine/site-records';
import { dayLabel, groupsLostAtRemoval, propose, removalSentence } from '@/utils/engine/what-they-had';

const SITE = 'acme.atlassian.net';
const CLOUD = '11111111-2222-4333-8444-555555555555';
const PRODUCTS: SiteProduct[] = [
  { key: 'jira-software', name: 'Jira Software', defaultGroups: ['jira-software-users'] },
  { key: 'jira-servicedesk', name: 'Jira Service Management', defaultGroups: ['jira-servicemanagement-users'] },
];

let nextId = 1;
function record(summary: string, accountId: string, created: string, group?: string, extra: object = {}): AuditRecord {
  return {
    id: nextId++,
    summary,
    category: group ? 'group management' : 'user management',
    created,
    objectItem: { id: accountId, name: accountId, typeName: 'USER' },
    associatedItems: group ? [{ id: group, name: group, typeName: 'GROUP' }] : [],
    ...extra,
  };
}

function recordsWith(...records: AuditRecord[]): SiteRecords {
  const digest = emptySiteRecords();
  digest.jira = { ...digest.jira, status: 'ok', reach: '2026-01-01T00:00:00.000Z' };
  digest.groupIds = { 'jira-software-users': 'g-sw', 'team-alpha': 'g-alpha', 'site-admins': 'g-admins' };
  for (const r of records) foldAuditRecord(digest, r);
  return digest;
}

const base = {
  site: SITE,
  accountId: 'u1',
  displayName: 'Lou Long',
  snapshot: { groups: [], seenOn: null },
  siteProducts: PRODUCTS,
  hasOrgKey: false,
};

describe('the wording Relink assumes', () => {
  it('knows the summaries, whatever their case, and a log that is off', () => {
    expect(auditKindOf('User removed from group')).toBe('group-removed');
    expect(auditKindOf('user REMOVED from site')).toBe('site-removed');
    expect(auditKindOf('Workflow updated')).toBeNull();
    expect(auditLogIsOff('Audit logs are available when at least one Jira product is on a paid plan.')).toBe(true);
    expect(auditLogIsOff('You do not have the Administer Jira permission.')).toBe(false);
    expect(jiraProductKey('jira-service-desk')).toBe('jira-servicedesk');
  });

  it('reads Jira’s timestamps and names days in UTC', () => {
    expect(isoOf('2026-03-04T10:15:00.000+0000')).toBe('2026-03-04T10:15:00.000Z');
    expect(isoOf('not a time')).toBeNull();
    expect(dayLabel('2026-03-04T23:59:00.000Z')).toBe('Mar 4, 2026');
  });

  it('names days and sources in the messages’ language', async () => {
    await useLocale('de');
    expect(dayLabel('2026-03-04T23:59:00.000Z')).toBe('04.03.2026');
    const removal = {
      at: '2026-03-04T10:15:00.000Z',
      by: 'Tia Admin',
      via: null,
      source: { kind: 'jira-audit' as const, at: null, label: '' },
    };
    expect(removalSentence('acme.atlassian.net', removal)).toBe(
      'Am 04.03.2026 von Tia Admin von acme.atlassian.net entfernt',
    );
    await useLocale('en');
  });
});

describe('the groups a user lost with their removal', () => {
  it('are those removed at the removal, not those left long before, nor those given back since', () => {
    const digest = recordsWith(
      record('User removed from group', 'u1', '2025-01-10T09:00:00.000+0000', 'old-team'),
      record('User removed from group', 'u1', '2026-03-04T10:14:00.000+0000', 'team-alpha'),
      record('User added to group', 'u1', '2025-06-01T09:00:00.000+0000', 'jira-software-users'),
      record('User removed from group', 'u1', '2026-03-04T10:15:00.000+0000', 'jira-software-users'),
      record('User removed from site', 'u1', '2026-03-04T10:15:01.000+0000', undefined, {
        authorAccountId: 'bot',
        eventSource: 'REST API',
      }),
    );
    expect(groupsLostAtRemoval(digest.users.u1!).map((g) => g.name)).toEqual(['jira-software-users', 'team-alpha']);
  });

  it('forgets a removal the user was re-added after', () => {
    const digest = recordsWith(
      record('User removed from site', 'u1', '2026-03-04T10:15:00.000+0000'),
      record('User added to site', 'u1', '2026-04-01T10:15:00.000+0000'),
    );
    expect(digest.users.u1!.removed).toBeNull();
  });
});

describe('proposing what they had, in order of trust', () => {
  it('takes the snapshot first, with its day', () => {
    const { proposal } = propose({
      ...base,
      snapshot: { groups: [{ groupId: 'g-sw', name: 'jira-software-users' }], seenOn: '2026-02-02' },
      records: recordsWith(record('User removed from group', 'u1', '2026-03-04T10:15:00.000+0000', 'team-alpha')),
    });
    expect(proposal.groups).toEqual([
      {
        groupId: 'g-sw',
        name: 'jira-software-users',
        source: { kind: 'snapshot', at: '2026-02-02', label: 'Relink’s snapshot, Feb 2, 2026' },
      },
    ]);
    expect(proposal.products.map((p) => [p.key, p.source.kind])).toEqual([['jira-software', 'snapshot']]);
  });

  it('then the audit log: groups and, through their default groups, products; and who removed them', () => {
    const records = recordsWith(
      record('User removed from group', 'u1', '2026-03-04T10:15:00.000+0000', 'jira-software-users'),
      record('User removed from group', 'u1', '2026-03-04T10:15:00.000+0000', 'gone-group'),
      record('User removed from site', 'u1', '2026-03-04T10:15:00.000+0000', undefined, {
        authorAccountId: 'bot',
        eventSource: 'REST API',
      }),
    );
    records.users.u1!.removed!.byName = 'Jira Automation';
    const { proposal, removal } = propose({ ...base, records });
    expect(proposal.groups.map((g) => [g.name, g.source.label])).toEqual([
      ['jira-software-users', 'Jira audit log, Mar 4, 2026'],
    ]);
    expect(proposal.products).toEqual([
      {
        key: 'jira-software',
        name: 'Jira Software',
        source: { kind: 'jira-audit', at: '2026-03-04T10:15:00.000Z', label: 'Jira audit log, Mar 4, 2026' },
      },
    ]);
    expect(proposal.notes).toEqual([
      'gone-group, a group the Jira audit log names, is not on acme.atlassian.net any more: it cannot be given back.',
    ]);
    expect(removalSentence(SITE, removal!)).toBe(
      'Removed from acme.atlassian.net on Mar 4, 2026 by Jira Automation (REST API)',
    );
  });

  it('then the org’s records, saying why the audit log could not tell', () => {
    const records = emptySiteRecords();
    records.jira = { ...records.jira, status: 'off', detail: 'The audit log is switched off.' };
    records.org = { ...records.org, status: 'ok' };
    const event: OrgEvent = {
      id: 'e1',
      attributes: {
        time: '2026-03-04T10:15:00Z',
        action: 'product_access_revoked',
        actor: { id: 'admin', name: 'Tia Admin' },
        context: [
          { id: 'u1', type: 'users' },
          { id: 'p', type: 'products', attributes: { key: 'jira-service-desk' } },
        ],
        container: [{ id: CLOUD, type: 'sites' }],
      },
    };
    foldOrgEvent(records, event, { host: SITE, cloudId: CLOUD });
    const { proposal, removal } = propose({ ...base, records, hasOrgKey: true });
    expect(proposal.products.map((p) => [p.key, p.source.label])).toEqual([
      ['jira-servicedesk', 'Org event log, Mar 4, 2026'],
    ]);
    expect(removal).toMatchObject({ by: 'Tia Admin', via: null, source: { kind: 'org-events' } });
    expect(proposal.notes.join(' ')).toContain('it is switched off or not available on the site’s plan');
  });

  it('then the site’s defaults, saying every source that was silent; or nothing, never a guess', () => {
    const records = emptySiteRecords();
    records.jira = { ...records.jira, status: 'forbidden', detail: 'No permission.' };
    const withDefault = propose({
      ...base,
      records,
      siteProducts: [PRODUCTS[0]!, { ...PRODUCTS[1]!, selectedByDefault: true }],
    });
    expect(withDefault.proposal.products).toEqual([
      {
        key: 'jira-servicedesk',
        name: 'Jira Service Management',
        source: { kind: 'site-default', at: null, label: 'The site’s default product' },
      },
    ]);
    expect(withDefault.proposal.notes).toEqual([
      'Relink never saw Lou Long’s groups before the removal, so it has no snapshot of them.',
      'Relink may not read the Jira audit log of acme.atlassian.net: that needs the Administer Jira permission (“No permission.”).',
      'Without an org API key for acme.atlassian.net’s organization, Relink cannot read the org’s event log or product activity.',
      'So Relink proposes the site’s default product: check that it is what Lou Long needs.',
    ]);
    const only = propose({ ...base, records, siteProducts: [PRODUCTS[0]!] });
    expect(only.proposal.products[0]?.source.label).toBe('The site’s only product');
    const none = propose({ ...base, records });
    expect(none.proposal.products).toEqual([]);
    expect(none.removal).toBeNull();
  });
});
