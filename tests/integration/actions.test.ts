/** Reactivation and group changes run against the simulator over HTTPS; results checked in its state. */
import { describe, expect, it } from 'vitest';
import { JiraClient } from '@/utils/atlassian/jira-client';
import { OrgClient } from '@/utils/atlassian/org-client';
import { AuditLog, type AuditEntry } from '@/utils/engine/audit';
import { executePlan } from '@/utils/engine/execute';
import { planGroupChange, planReactivation, type Plan, type SiteProduct, type Subject } from '@/utils/engine/plan';
import type { Simulator } from '../sim/server';
import { simRequest } from '../support/sim-http';
import { simTransport } from '../support/sim-transport';
import { TINY, useSimulator } from '../support/with-sim';

const PRODUCTS: SiteProduct[] = [
  { key: 'jira-software', name: 'Jira Software', defaultGroups: ['jira-software-users'] },
  { key: 'jira-servicedesk', name: 'Jira Service Management', defaultGroups: ['jira-servicemanagement-users'] },
];
const ALPHA = { groupId: TINY.groups.alpha, name: 'team-alpha' };
const SOFTWARE = { groupId: TINY.groups.software, name: 'jira-software-users' };

function setup(sim: Simulator, host = 'tiny.atlassian.net', credential: { email: string; token: string } = TINY.admin) {
  const transport = simTransport(sim);
  let stored: AuditEntry[] = [];
  const audit = new AuditLog({ read: async () => stored, write: async (e) => void (stored = structuredClone(e)) });
  const jira = new JiraClient(host, { mode: 'api-token', email: credential.email, token: credential.token }, transport);
  const org = new OrgClient(TINY.orgId, TINY.orgKey, transport);
  const run = (plan: Plan) => {
    if (plan.kind !== 'plan') throw new Error(`expected a plan, got ${plan.kind}: ${JSON.stringify(plan)}`);
    return executePlan(plan, { jira, org, audit, runId: 'test-run' });
  };
  return { transport, audit, run, auditEntries: () => stored };
}

const truth = async (sim: Simulator, accountId: string, host = 'tiny.atlassian.net') =>
  (await simRequest(sim, `${sim.controlUrl}/__sim/sites/${host}/users/${accountId}`)).json() as {
    membership: { status: string; products: string[] };
    groups: string[];
  };

const subject = (overrides: Partial<Subject>): Subject => ({
  site: 'tiny.atlassian.net',
  accountId: TINY.ids.rae,
  displayName: 'Rae Removed',
  state: 'hidden',
  email: 'rae@tiny.example.com',
  rememberedGroups: [SOFTWARE, ALPHA],
  currentGroups: [],
  ...overrides,
});

describe('reactivating a removed user', () => {
  const sim = useSimulator('tiny', { fresh: true });

  it('re-adds them with the products their groups imply, restores their groups, and reads back', async () => {
    const { run, auditEntries } = setup(sim());
    const plan = planReactivation({ subject: subject({}), siteProducts: PRODUCTS, orgId: null });
    expect(plan.kind === 'plan' && plan.steps.map((s) => s.summary)).toEqual([
      'Re-add to tiny.atlassian.net with jira-software',
      'Add to group team-alpha',
      'Read the user back and check the result',
    ]);
    const result = await run(plan);
    expect(result).toMatchObject({ outcome: 'done', message: 'Done: Rae Removed.' });
    expect(await truth(sim(), TINY.ids.rae)).toMatchObject({
      membership: { status: 'active', products: ['jira-software'] },
      groups: ['jira-software-users', 'team-alpha'],
    });
    expect(auditEntries().map((e) => [e.step, e.status])).toEqual([
      ['Re-add to tiny.atlassian.net with jira-software', 'ok'],
      ['Add to group team-alpha', 'ok'],
      ['Read the user back and check the result', 'ok'],
    ]);
  });

  it('never gives back a group that grants admin rights unless the admin ticked it', async () => {
    const ADMINS = { groupId: 'aaaaaaaa-0000-4000-8000-000000000003', name: 'site-admins' };
    const remembered = subject({ rememberedGroups: [SOFTWARE, ALPHA, ADMINS] });
    const unticked = planReactivation({ subject: remembered, siteProducts: PRODUCTS, orgId: null });
    expect(unticked).toMatchObject({ kind: 'plan', withheld: [ADMINS] });
    expect(unticked.kind === 'plan' && unticked.steps.map((s) => s.summary)).toEqual([
      'Re-add to tiny.atlassian.net with jira-software',
      'Add to group team-alpha',
      'Read the user back and check the result',
    ]);
    const result = await setup(sim()).run(unticked);
    expect(result.outcome).toBe('done');
    expect((await truth(sim(), TINY.ids.rae)).groups).toEqual(['jira-software-users', 'team-alpha']);

    const ticked = planReactivation({
      subject: remembered,
      siteProducts: PRODUCTS,
      orgId: null,
      adminGroups: [ADMINS.groupId],
    });
    expect(ticked).toMatchObject({ kind: 'plan', withheld: [] });
    expect(ticked.kind === 'plan' && ticked.steps.map((s) => s.summary)).toContain('Add to group site-admins');
  });

  it('asks for a hidden email instead of guessing, then works with it', async () => {
    const { run } = setup(sim());
    const hal = subject({ accountId: TINY.ids.hal, displayName: 'Hal Hidden', email: null, rememberedGroups: [] });
    const asked = planReactivation({ subject: hal, siteProducts: PRODUCTS, orgId: null });
    expect(asked).toMatchObject({ kind: 'needs-input', missing: 'email' });
    const needsProducts = planReactivation({
      subject: hal,
      siteProducts: PRODUCTS,
      orgId: null,
      email: 'hal@tiny.example.com',
    });
    expect(needsProducts).toMatchObject({ kind: 'needs-input', missing: 'products' });
    const result = await run(
      planReactivation({
        subject: hal,
        siteProducts: PRODUCTS,
        orgId: null,
        email: 'hal@tiny.example.com',
        products: ['jira-software'],
      }),
    );
    expect(result.outcome).toBe('done');
    expect((await truth(sim(), TINY.ids.hal)).membership.status).toBe('active');
  });

  it('is not done when no seat is left, and says so', async () => {
    const { run } = setup(sim());
    const result = await run(
      planReactivation({
        subject: subject({}),
        siteProducts: PRODUCTS,
        orgId: null,
        products: ['jira-servicedesk'],
      }),
    );
    expect(result.outcome).toBe('not-done');
    expect(result.message).toBe(
      'Not done: tiny.atlassian.net has no seat left for that product. Free a seat or buy more, then retry.',
    );
    expect(result.steps.slice(1).every((s) => s.status === 'not-run')).toBe(true);
    expect((await truth(sim(), TINY.ids.rae)).membership.status).toBe('removed');
  });

  it('is partly done on an external-user-management site: back on the site, groups to be set in the directory', async () => {
    const { run } = setup(sim(), 'tinyext.atlassian.net');
    const eve = subject({
      site: 'tinyext.atlassian.net',
      accountId: TINY.ids.eve,
      displayName: 'Eve External',
      email: 'eve@tiny.example.com',
      rememberedGroups: [
        { groupId: TINY.groups.extSoftware, name: 'jira-software-users' },
        { groupId: 'bbbbbbbb-0000-4000-8000-000000000002', name: 'site-admins' },
      ],
    });
    const plan = planReactivation({
      subject: eve,
      siteProducts: PRODUCTS.slice(0, 1),
      orgId: null,
      adminGroups: ['bbbbbbbb-0000-4000-8000-000000000002'],
    });
    const result = await run(plan);
    expect(result.outcome).toBe('partly-done');
    expect(result.message).toContain('managed by an external directory');
    expect(result.message).toContain('Left to do: Add to group site-admins');
    expect((await truth(sim(), TINY.ids.eve, 'tinyext.atlassian.net')).membership.status).toBe('active');
  });

  it('is not done without the permission, with the reason', async () => {
    const { run } = setup(sim(), 'tiny.atlassian.net', TINY.viewer);
    const result = await run(planReactivation({ subject: subject({}), siteProducts: PRODUCTS, orgId: null }));
    expect(result.outcome).toBe('not-done');
    expect(result.message).toMatch(/not allowed to re-add Rae Removed on tiny\.atlassian\.net/);
  });
});

describe('other states', () => {
  const sim = useSimulator('tiny', { fresh: true });

  it('restores a suspended user through the org API when a key is set, and otherwise points to the native control', async () => {
    const sue = subject({
      accountId: TINY.ids.sue,
      displayName: 'Sue Suspended',
      state: 'suspended',
      rememberedGroups: [],
    });
    expect(planReactivation({ subject: sue, siteProducts: PRODUCTS, orgId: null })).toMatchObject({
      kind: 'refused',
      reason: expect.stringContaining('Use “Restore access” on the user list'),
    });
    const result = await setup(sim()).run(
      planReactivation({ subject: sue, siteProducts: PRODUCTS, orgId: TINY.orgId }),
    );
    expect(result.outcome).toBe('done');
    expect(await truth(sim(), TINY.ids.sue)).toMatchObject({
      membership: { status: 'active' },
      groups: ['jira-software-users', 'team-alpha'],
    });
  });

  it('activates a deactivated managed account with a key', async () => {
    const dee = subject({ accountId: TINY.ids.dee, displayName: 'Dee Deactivated', state: 'deactivated' });
    const result = await setup(sim()).run(
      planReactivation({ subject: dee, siteProducts: PRODUCTS, orgId: TINY.orgId }),
    );
    expect(result.outcome).toBe('done');
  });

  it.each(['former', 'app', 'customer', 'unknown', 'active', 'suspended-or-deactivated'] as const)(
    'refuses a %s user with the reason',
    (state) => {
      const plan = planReactivation({ subject: subject({ state }), siteProducts: PRODUCTS, orgId: null });
      expect(plan.kind).toBe('refused');
      expect(plan.kind === 'refused' && plan.reason.length).toBeGreaterThan(20);
    },
  );
});

describe('group changes', () => {
  const sim = useSimulator('tiny', { fresh: true });
  const val = subject({ accountId: TINY.viewer.accountId, displayName: 'Val Viewer', state: 'active' });

  it('adds and removes a member, each read back', async () => {
    const { run } = setup(sim());
    expect((await run(planGroupChange({ subject: val, op: 'add', group: ALPHA }))).outcome).toBe('done');
    expect((await truth(sim(), TINY.viewer.accountId)).groups).toContain('team-alpha');
    expect((await run(planGroupChange({ subject: val, op: 'remove', group: ALPHA }))).outcome).toBe('done');
    expect((await truth(sim(), TINY.viewer.accountId)).groups).not.toContain('team-alpha');
  });

  it('finishes an interrupted reactivation: an active user missing remembered groups gets them back', async () => {
    await simRequest(sim(), `${TINY.site}/rest/api/3/user`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-atlassian-token': 'no-check',
        authorization: `Basic ${Buffer.from(`${TINY.admin.email}:${TINY.admin.token}`).toString('base64')}`,
      },
      body: { emailAddress: 'rae@tiny.example.com', products: ['jira-software'] },
    });
    const rae = subject({ state: 'active', currentGroups: [SOFTWARE] });
    expect(planReactivation({ subject: rae, siteProducts: PRODUCTS, orgId: null }).kind).toBe('refused');
    const plan = planReactivation({ subject: rae, siteProducts: PRODUCTS, orgId: null, resume: true });
    expect(plan.kind === 'plan' && plan.steps.map((s) => s.summary)).toEqual([
      'Add to group team-alpha',
      'Read the user back and check the result',
    ]);
    expect((await setup(sim()).run(plan)).outcome).toBe('done');
    expect((await truth(sim(), TINY.ids.rae)).groups).toEqual(['jira-software-users', 'team-alpha']);
  });

  it('offers to reactivate first when the user is removed', () => {
    expect(planGroupChange({ subject: subject({}), op: 'add', group: ALPHA })).toMatchObject({
      kind: 'refused',
      reason: expect.stringContaining('Reactivate them first'),
    });
  });

  it('explains an identity-provider group and a missing permission', async () => {
    const idp = await setup(sim()).run(
      planGroupChange({ subject: val, op: 'add', group: { groupId: TINY.groups.idp, name: 'idp-engineering' } }),
    );
    expect(idp).toMatchObject({
      outcome: 'not-done',
      message: expect.stringContaining('synced from your identity provider'),
    });
    const viewer = await setup(sim(), 'tiny.atlassian.net', TINY.viewer).run(
      planGroupChange({ subject: val, op: 'add', group: ALPHA }),
    );
    expect(viewer.message).toMatch(/not allowed/);
  });

  it('tells a 404 for a removed user that slipped past the plan as “re-add first”', async () => {
    const sneaky = subject({ state: 'active' });
    const result = await setup(sim()).run(planGroupChange({ subject: sneaky, op: 'add', group: ALPHA }));
    expect(result.message).toContain('must be re-added to the site first');
  });
});
