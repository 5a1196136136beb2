/**
 * Users removed before Relink was installed (docs/atlassian.md §9): one scan reads Atlassian's
 * records once for the site, and every hidden user gets what they had — groups and products, each
 * with its source — and who removed them when; a reactivation from that proposal gives them back,
 * checked in the simulator's ground truth. Each source that cannot tell says why.
 */
import { describe, expect, it } from 'vitest';
import { JiraClient } from '@/utils/atlassian/jira-client';
import { OrgClient } from '@/utils/atlassian/org-client';
import type { SiteRecords } from '@/utils/domain/records';
import { AuditLog, type AuditEntry } from '@/utils/engine/audit';
import { executePlan } from '@/utils/engine/execute';
import { planReactivation, type Subject } from '@/utils/engine/plan';
import { recordsStep, siteProductsOf } from '@/utils/engine/records-step';
import { scanSite } from '@/utils/engine/scan';
import { emptySiteRecords } from '@/utils/engine/site-records';
import type { FaultsInput } from '../sim/http/faults-schema';
import type { Simulator } from '../sim/server';
import { simRequest } from '../support/sim-http';
import { simTransport } from '../support/sim-transport';
import { TINY, useSimulator } from '../support/with-sim';

const TINY_CLOUD = '11111111-2222-4333-8444-555555555555';

async function scan(
  sim: Simulator,
  options: { records?: SiteRecords; org?: boolean; as?: 'viewer'; faults?: FaultsInput } = {},
) {
  if (options.faults) sim.state.setFaults(options.faults);
  const transport = simTransport(sim);
  const who = options.as === 'viewer' ? TINY.viewer : TINY.admin;
  const jira = new JiraClient(
    'tiny.atlassian.net',
    { mode: 'api-token', email: who.email, token: who.token },
    transport,
  );
  const org = options.org ? new OrgClient(TINY.orgId, TINY.orgKey, transport) : null;
  const records = options.records ?? emptySiteRecords();
  const result = await scanSite({
    jira,
    org,
    snapshots: { groups: [], members: {} },
    now: transport.now,
    requestsSent: () => transport.sent.length,
    records: recordsStep({ jira, org, records, cloudId: async () => TINY_CLOUD, now: transport.now }),
  });
  const hidden = (name: string) => result.hidden.find((h) => h.displayName === name)!;
  const audit = transport.sent.filter((r) => r.url.includes('/rest/api/3/auditing/record'));
  return { result, records, hidden, audit, transport, jira };
}

describe('what a user removed before Relink had, from Atlassian’s records', () => {
  const sim = useSimulator('tiny', { fresh: true });

  it('reads the audit log once for the site, and proposes each hidden user’s groups and products with their source', async () => {
    const { hidden, audit } = await scan(sim());
    expect(audit).toHaveLength(1);
    const rae = hidden('Rae Removed');
    expect(rae.reason).toMatch(
      /^Removed from tiny\.atlassian\.net on Mar 4, 2026 by Automation for Jira \(REST API\)\. /,
    );
    expect(rae.proposal).toMatchObject({
      groups: [
        {
          name: 'jira-software-users',
          groupId: TINY.groups.software,
          source: { label: 'Jira audit log, Mar 4, 2026' },
        },
        { name: 'team-alpha', groupId: TINY.groups.alpha, source: { label: 'Jira audit log, Mar 4, 2026' } },
      ],
      products: [{ key: 'jira-software', source: { kind: 'jira-audit', label: 'Jira audit log, Mar 4, 2026' } }],
    });
    const hal = hidden('Hal Hidden');
    expect(hal.removal).toBeNull();
    expect(hal.proposal?.products).toEqual([]);
    expect(hal.proposal?.notes.join(' ')).toContain(
      'has no record of Hal Hidden: it reaches back to Mar 4, 2026, so Hal Hidden was likely removed before that, past its retention.',
    );
  });

  it('reads on from where it stopped: the next scan asks only for newer records, and sees a new removal', async () => {
    const first = await scan(sim());
    await simRequest(sim(), `${sim().controlUrl}/__sim/sites/tiny.atlassian.net/users/${TINY.ids.ann}/remove`, {
      method: 'POST',
      body: { by: TINY.admin.accountId },
    });
    const second = await scan(sim(), { records: first.records });
    expect(second.audit).toHaveLength(1);
    expect(second.audit[0]!.url).toContain('from=2026-03-04T10%3A15%3A00.000%2B0000');
    expect(second.hidden('Ann Active').proposal?.groups.map((g) => g.name)).toEqual([
      'idp-engineering',
      'jira-software-users',
      'team-alpha',
    ]);
    expect(second.hidden('Ann Active').removal).toMatchObject({ by: 'Tia Admin', via: null });
  });

  it('says which source could not tell, and why: switched off, forbidden, past retention', async () => {
    const off = await scan(sim(), { faults: { auditLog: { enabled: false } } });
    expect(off.records.jira.status).toBe('off');
    expect(off.hidden('Rae Removed').proposal?.notes.join(' ')).toContain(
      'Relink cannot tell from the Jira audit log of tiny.atlassian.net: it is switched off',
    );
    const viewer = await scan(sim(), { as: 'viewer', faults: {} });
    expect(viewer.records.jira.status).toBe('forbidden');
    expect(viewer.hidden('Rae Removed').proposal?.notes.join(' ')).toContain(
      'that needs the Administer Jira permission',
    );
    const gone = await scan(sim(), { faults: { auditLog: { retentionDays: 30 } } });
    expect(gone.records.jira.status).toBe('empty');
    expect(gone.hidden('Rae Removed').proposal?.notes.join(' ')).toContain('holds no records of user or group changes');
  });

  it('falls back to the org’s records with an org key, and says so', async () => {
    const { hidden, records } = await scan(sim(), { org: true, faults: { auditLog: { enabled: false } } });
    expect(records.org.status).toBe('ok');
    const rae = hidden('Rae Removed');
    expect(rae.proposal?.products).toEqual([
      {
        key: 'jira-software',
        name: 'Jira Software',
        source: { kind: 'org-events', at: '2026-03-04T10:15:00.000Z', label: 'Org event log, Mar 4, 2026' },
      },
    ]);
    expect(rae.reason).toMatch(/^Removed from tiny\.atlassian\.net on Mar 4, 2026 by Automation for Jira\. /);
    expect(rae.proposal?.notes.join(' ')).toContain('switched off');
  });

  it('gives a user back what the records say they had, in one plan', async () => {
    const { hidden, jira, transport } = await scan(sim());
    const rae = hidden('Rae Removed');
    const subject: Subject = {
      site: 'tiny.atlassian.net',
      accountId: rae.accountId,
      displayName: rae.displayName,
      state: 'hidden',
      email: rae.email,
      rememberedGroups: [],
      currentGroups: [],
    };
    const plan = planReactivation({
      subject,
      siteProducts: await siteProductsOf(jira),
      orgId: null,
      proposal: rae.proposal!,
    });
    expect(plan.kind).toBe('plan');
    if (plan.kind !== 'plan') return;
    expect(plan.steps.map((s) => s.summary)).toEqual([
      'Re-add to tiny.atlassian.net with jira-software',
      'Add to group team-alpha',
      'Read the user back and check the result',
    ]);
    let stored: AuditEntry[] = [];
    const audit = new AuditLog({ read: async () => stored, write: async (e) => void (stored = e) });
    const result = await executePlan(plan, { jira, org: null, audit, runId: 'test', sleep: transport.sleep });
    expect(result.outcome).toBe('done');
    const truth = (
      await simRequest(sim(), `${sim().controlUrl}/__sim/sites/tiny.atlassian.net/users/${TINY.ids.rae}`)
    ).json() as { membership: { status: string; products: string[] }; groups: string[] };
    expect(truth).toMatchObject({
      membership: { status: 'active', products: ['jira-software'] },
      groups: ['jira-software-users', 'team-alpha'],
    });
  });
});
