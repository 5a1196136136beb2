/**
 * The variation matrix: every answer Atlassian is documented or reported to give that the simulator
 * can switch on (docs/atlassian.md §8), against every operation — scan, reactivate, restore, group
 * add, group remove, bulk — after the fault matrix's approach. Each cell checks what Relink reports
 * against the simulator's ground truth: a scan finds exactly the users truly hidden and counts every
 * record served; a write step Relink calls done is done in the simulator, one it calls failed is not;
 * no audit entry is left running; and under a rate limit, Relink never came back early.
 * The summary reporter prints how many cells pass at the end of `npm test`.
 */
import { describe, expect, it } from 'vitest';
import type { Auth } from '@/utils/atlassian/http';
import { JiraClient } from '@/utils/atlassian/jira-client';
import { OrgClient } from '@/utils/atlassian/org-client';
import { workQueue } from '@/utils/engine/bulk-queue';
import type { ActionResult } from '@/utils/engine/execute';
import { planGroupChange, planReactivation, type Plan, type SiteProduct } from '@/utils/engine/plan';
import type { FaultsInput } from '../sim/http/faults-schema';
import type { VariationsInput } from '../sim/http/variations-schema';
import { scenarioData } from '../sim/scenarios/presets';
import type { Simulator } from '../sim/server';
import { buildWorld } from '../sim/world/build';
import { memoryAudit, runPlan, scanMatchesTruth, subject, truth } from '../support/matrix';
import { simTransport } from '../support/sim-transport';
import { TINY, useSimulator } from '../support/with-sim';

type Op = 'scan' | 'reactivate' | 'restore' | 'group add' | 'group remove' | 'bulk';
const OPS: Op[] = ['scan', 'reactivate', 'restore', 'group add', 'group remove', 'bulk'];

interface Row {
  variation: string;
  faults: FaultsInput;
  transport?: { origin?: string; realSleep?: boolean };
  /** Where the operation rightly does not complete: what the admin must be told. */
  stops?: Partial<Record<Op, RegExp>>;
  /** A warning the scan must give under this variation. */
  warns?: RegExp;
}

const v = (variations: VariationsInput): FaultsInput => ({ variations });
const RATE = { requestsPerSecond: 2, burst: 2 };
const stopping = (sentence: RegExp, ops: Op[]): Partial<Record<Op, RegExp>> =>
  Object.fromEntries(ops.map((op) => [op, sentence]));

const ROWS: Row[] = [
  {
    variation: 'users/search serves 100 a page',
    faults: v({ usersSearchCap: 100 }),
    warns: /at most 100 users a page where Relink asked for 1,000/,
  },
  { variation: 'page beans: total undercounted', faults: v({ pageBean: { total: 'undercount' } }) },
  { variation: 'page beans: no isLast', faults: v({ pageBean: { isLast: 'absent' } }) },
  { variation: 'page beans: no isLast, no total', faults: v({ pageBean: { isLast: 'absent', total: 'absent' } }) },
  {
    variation: 'groupId null in group/bulk',
    faults: v({ nullGroupIds: 'group-bulk' }),
    warns: /groups without an id: Relink read their members by name/,
  },
  { variation: 'groupId null everywhere', faults: v({ nullGroupIds: 'everywhere' }) },
  { variation: 'accountType capitalized', faults: v({ accountType: 'capitalized' }) },
  {
    variation: 'accountType missing',
    faults: v({ accountType: 'missing' }),
    warns: /did not say their account type/,
  },
  { variation: 'restore answers 204', faults: v({ restoreAnswer: 'no-content' }) },
  { variation: 'restore answers an empty 200', faults: v({ restoreAnswer: 'empty-200' }) },
  {
    variation: 'XSRF refusal as 404',
    faults: v({ xsrfStatus: 404 }),
    transport: { origin: 'chrome-extension://abcdefghijklmnop' },
    stops: stopping(/rejected the request to .* as cross-site \(XSRF check failed\)/, [
      'reactivate',
      'group add',
      'group remove',
      'bulk',
    ]),
  },
  { variation: 'burst limits per endpoint and method', faults: { rateLimit: { ...RATE, scope: 'endpoint-method' } } },
  { variation: 'Retry-After: 0', faults: { rateLimit: { ...RATE, retryAfter: 'zero' } } },
  {
    variation: 'no Retry-After, reset to the minute',
    faults: { rateLimit: { ...RATE, retryAfter: 'absent', resetFormat: 'minute' } },
  },
  { variation: 'X-RateLimit-Reset to the minute', faults: { rateLimit: { ...RATE, resetFormat: 'minute' } } },
  {
    variation: 'Retry-After: Long.MAX_VALUE',
    faults: { rateLimit: { requestsPerSecond: 1, burst: 1, retryAfter: 'huge' } },
    // The org API's restore and the read-back go to two hosts, one request each: no limit is hit.
    stops: stopping(/asks it to wait more than a day\. Relink stopped rather than wait that long/, [
      'scan',
      'reactivate',
      'group add',
      'group remove',
      'bulk',
    ]),
  },
  { variation: 'cost budget: NearLimit only', faults: { rateLimit: { ...RATE, budgetHeaders: 'near-limit-only' } } },
  { variation: 'Beta-Retry-After', faults: { rateLimit: { ...RATE, betaRetryAfter: true } } },
  { variation: 'reads lag writes', faults: { readLagMs: 300 }, transport: { realSleep: true } },
  {
    variation: 'all of them at once',
    faults: {
      variations: {
        usersSearchCap: 100,
        pageBean: { total: 'undercount', isLast: 'absent' },
        nullGroupIds: 'everywhere',
        accountType: 'capitalized',
        restoreAnswer: 'no-content',
      },
      rateLimit: { ...RATE, scope: 'endpoint-method', retryAfter: 'zero', resetFormat: 'minute', betaRetryAfter: true },
    },
    warns: /at most 100 users a page/,
  },
];

const PRODUCTS: SiteProduct[] = [
  { key: 'jira-software', name: 'Jira Software', defaultGroups: ['jira-software-users'] },
  { key: 'jira-servicedesk', name: 'Jira Service Management', defaultGroups: ['jira-servicemanagement-users'] },
];
const ALPHA = { groupId: TINY.groups.alpha, name: 'team-alpha' };
const HOST = 'tiny.atlassian.net';

interface Outcome {
  ok: boolean;
  message: string;
}

/** Each write step's result, checked against the simulator: done there exactly when Relink says so. */
async function checkSteps(sim: Simulator, plan: Plan, result: ActionResult): Promise<void> {
  if (plan.kind !== 'plan') throw new Error('no plan');
  const now = await truth(sim, HOST, plan.subject.accountId);
  for (const [i, planned] of plan.steps.entries()) {
    const status = result.steps[i]!.status;
    if (status === 'not-run') continue;
    const done = status === 'ok';
    const { step } = planned;
    if (step.kind === 'add-to-site' || step.kind === 'org-restore')
      expect(now.membership?.status === 'active', `${planned.summary}: ${status}`).toBe(done);
    // A group add after a failed re-add cannot have happened; one that failed must not have.
    if (step.kind === 'add-to-group')
      expect(now.groups.includes(step.group.name), `${planned.summary}: ${status}`).toBe(done);
    if (step.kind === 'remove-from-group')
      expect(now.groups.includes(step.group.name), `${planned.summary}: ${status}`).toBe(!done);
  }
}

async function runCell(sim: Simulator, op: Op, row: Row): Promise<Outcome> {
  const transport = simTransport(sim, row.transport);
  // The simulator's rate limiter runs on the client's clock: a virtual wait is a wait for both.
  sim.state.now = transport.now;
  if (op === 'scan') sim.state.world = buildWorld(scenarioData('demo'));
  sim.state.setFaults(row.faults);

  if (op === 'scan') {
    const hidden = await scanMatchesTruth(sim, transport, {
      idsGiven: (row.faults.variations?.nullGroupIds ?? 'none') === 'none',
      warns: row.warns,
    });
    return { ok: true, message: `${hidden} hidden` };
  }

  const auth: Auth = { mode: 'api-token', email: TINY.admin.email, token: TINY.admin.token };
  const jira = new JiraClient(HOST, auth, transport);
  const org = new OrgClient(TINY.orgId, TINY.orgKey, transport);
  const { audit, entries } = memoryAudit();
  const deps = { jira, org, audit, runId: 'variations', sleep: transport.sleep };
  const reactivation = (who: ReturnType<typeof subject>) =>
    planReactivation({ subject: who, siteProducts: PRODUCTS, orgId: TINY.orgId, products: ['jira-software'] });
  const plans: Plan[] = [];
  switch (op) {
    case 'reactivate':
      plans.push(reactivation(subject(HOST, TINY.ids.rae, 'Rae Removed', 'hidden', 'rae@tiny.example.com', [ALPHA])));
      break;
    case 'restore':
      plans.push(reactivation(subject(HOST, TINY.ids.sue, 'Sue Suspended', 'suspended', null)));
      break;
    case 'group add':
      plans.push(
        planGroupChange({
          subject: subject(HOST, TINY.viewer.accountId, 'Val Viewer', 'active', null),
          op: 'add',
          group: ALPHA,
        }),
      );
      break;
    case 'group remove':
      plans.push(
        planGroupChange({
          subject: subject(HOST, TINY.ids.ann, 'Ann Active', 'active', null),
          op: 'remove',
          group: ALPHA,
        }),
      );
      break;
    case 'bulk':
      plans.push(
        reactivation(subject(HOST, TINY.ids.rae, 'Rae Removed', 'hidden', 'rae@tiny.example.com', [ALPHA])),
        reactivation(subject(HOST, TINY.ids.hal, 'Hal Hidden', 'hidden', 'hal@tiny.example.com')),
      );
      break;
  }
  const outcomes: Outcome[] = [];
  // Side by side, as the bulk queue works several users (utils/engine/bulk-queue.ts); one plan otherwise.
  const queue = [...plans];
  await workQueue(
    () => queue.shift(),
    async (plan) => {
      const result = await runPlan(plan, deps);
      await checkSteps(sim, plan, result);
      outcomes.push({ ok: result.outcome === 'done', message: result.message });
    },
  );
  expect(
    entries().filter((e) => e.status === 'running'),
    'no audit entry left running',
  ).toEqual([]);
  if (outcomes.some((o) => !o.ok)) expect(entries().some((e) => e.status === 'failed')).toBe(true);
  return { ok: outcomes.every((o) => o.ok), message: outcomes.map((o) => o.message).join(' | ') };
}

describe('variation matrix', () => {
  const sim = useSimulator('tiny', { fresh: true });
  const cells = ROWS.flatMap((row) => OPS.map((op) => [`${row.variation} × ${op}`, op, row] as const));

  it.each(cells)('%s', async (_name, op, row) => {
    let outcome: Outcome;
    try {
      outcome = await runCell(sim(), op, row);
    } catch (error) {
      // A check that failed fails the cell; an operation that threw is an outcome, with its sentence.
      if (error instanceof Error && error.name === 'AssertionError') throw error;
      outcome = { ok: false, message: error instanceof Error ? error.message : String(error) };
    } finally {
      sim().state.now = Date.now;
    }
    const stop = row.stops?.[op];
    if (stop) {
      expect(outcome.ok, outcome.message).toBe(false);
      expect(outcome.message).toMatch(stop);
    } else expect(outcome.ok, outcome.message).toBe(true);
    if (row.faults.rateLimit) expect(sim().state.limiter?.earlyRetries, 'Relink never came back early').toBe(0);
  });
});
