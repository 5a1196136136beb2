/**
 * The fault matrix: every fault the simulator can throw, against every operation it applies to.
 * Each cell asserts what the admin is told (the operation completes, or stops with a sentence
 * that says what to do), that the audit log holds every attempted step with its outcome, and,
 * for reactivation, that the simulator's state matches what Relink reported.
 * The summary reporter prints how many cells pass at the end of `npm test`.
 */
import { describe, expect, it } from 'vitest';
import { HostGate, type Auth } from '@/utils/atlassian/http';
import { JiraClient } from '@/utils/atlassian/jira-client';
import { OrgClient } from '@/utils/atlassian/org-client';
import { AuditLog, type AuditEntry } from '@/utils/engine/audit';
import { workQueue } from '@/utils/engine/bulk-queue';
import { executePlan } from '@/utils/engine/execute';
import { planGroupChange, planReactivation, type Plan, type SiteProduct, type Subject } from '@/utils/engine/plan';
import { scanSite } from '@/utils/engine/scan';
import type { FaultsInput } from '../sim/http/faults-schema';
import type { Simulator } from '../sim/server';
import { simRequest } from '../support/sim-http';
import { simTransport } from '../support/sim-transport';
import { TINY, useSimulator } from '../support/with-sim';

type Op = 'scan' | 'reactivate' | 'restore' | 'group add' | 'group remove' | 'bulk';
const OPS: Op[] = ['scan', 'reactivate', 'restore', 'group add', 'group remove', 'bulk'];

interface Cell {
  faults?: FaultsInput;
  transport?: { origin?: string; port?: number; timeoutMs?: number; realSleep?: boolean };
  /** The user had a group besides the product's: reactivation gives it back (checked in the simulator). */
  groups?: boolean;
  as?: 'viewer';
  session?: boolean;
  site?: 'ext';
  products?: string[];
  expect: 'completes' | RegExp;
}
type Row = { fault: string; cells: Partial<Record<Op, Cell>> };

const every = (faults: FaultsInput['failures']): FaultsInput => ({ failures: faults });
const all = (cell: Cell, ops: Op[] = OPS): Partial<Record<Op, Cell>> => Object.fromEntries(ops.map((op) => [op, cell]));
const UNUSED_PORT = 9; // discard: nothing listens there on loopback

const MATRIX: Row[] = [
  {
    fault: '429 with Retry-After',
    cells: all({
      faults: every([{ respond: { kind: 'status', status: 429, retryAfter: 1 }, times: 1 }]),
      expect: 'completes',
    }),
  },
  {
    fault: '429 without Retry-After',
    cells: all({ faults: every([{ respond: { kind: 'status', status: 429 }, times: 2 }]), expect: 'completes' }),
  },
  {
    fault: '503',
    cells: all({ faults: every([{ respond: { kind: 'status', status: 503 }, times: 2 }]), expect: 'completes' }),
  },
  {
    fault: '500',
    cells: all({
      faults: every([{ respond: { kind: 'status', status: 500 } }]),
      expect: /failed with an internal error \(500\)/,
    }),
  },
  {
    fault: '401 plain text',
    cells: all({
      faults: every([{ respond: { kind: 'status', status: 401 } }]),
      expect: /refused the API token|organization API key was refused/,
    }),
  },
  {
    fault: '401 JSON',
    cells: all({
      faults: every([{ respond: { kind: 'status', status: 401, json: true } }]),
      expect: /refused the API token|organization API key was refused/,
    }),
  },
  {
    fault: '403 not an admin',
    cells: {
      scan: { as: 'viewer', expect: 'completes' },
      ...all({ as: 'viewer', expect: /not allowed/ }, ['reactivate', 'group add', 'group remove', 'bulk']),
    },
  },
  {
    fault: '403 XSRF',
    cells: {
      scan: { transport: { origin: 'chrome-extension://abcdefghijklmnop' }, expect: 'completes' },
      ...all({ transport: { origin: 'chrome-extension://abcdefghijklmnop' }, expect: /XSRF check failed/ }, [
        'reactivate',
        'group add',
        'group remove',
        'bulk',
      ]),
    },
  },
  {
    fault: '404',
    cells: all({
      faults: every([
        { match: { method: 'POST' }, respond: { kind: 'status', status: 404 } },
        { match: { method: 'DELETE' }, respond: { kind: 'status', status: 404 } },
        { match: { path: '/rest/api/3/group/member' }, respond: { kind: 'status', status: 404 } },
        { match: { path: '/rest/api/3/user' }, respond: { kind: 'status', status: 404 } },
      ]),
      expect: /not found/,
    }),
  },
  {
    fault: '409 slow users/search',
    cells: { scan: { faults: { usersSearchTimeoutAbove: 100 }, expect: 'completes' } },
  },
  {
    fault: 'external user management',
    cells: all({ site: 'ext', expect: /managed by an external directory/ }, [
      'reactivate',
      'group add',
      'group remove',
      'bulk',
    ]),
  },
  {
    fault: 'seat limit reached',
    cells: all({ products: ['jira-servicedesk'], expect: /no seat left/ }, ['reactivate', 'bulk']),
  },
  {
    fault: 'timeout',
    cells: all({
      faults: every([{ respond: { kind: 'hang' } }]),
      transport: { timeoutMs: 250 },
      expect: /did not answer in time/,
    }),
  },
  { fault: 'connection refused', cells: all({ transport: { port: UNUSED_PORT }, expect: /could not reach/ }) },
  {
    fault: 'malformed JSON',
    cells: all({ faults: every([{ respond: { kind: 'malformed-json' } }]), expect: /broken data/ }),
  },
  {
    fault: 'HTML error page',
    cells: all({ faults: every([{ respond: { kind: 'html-error' } }]), expect: /temporarily unavailable \(502\)/ }),
  },
  {
    fault: 'session expired mid-bulk',
    cells: {
      bulk: {
        session: true,
        faults: { sessionExpiresAfterRequests: 2 },
        expect: /session on tiny\.atlassian\.net has expired/,
      },
    },
  },
  {
    fault: 'duplicated users across pages',
    cells: { scan: { faults: { pagingDrift: { mode: 'duplicate', size: 2 } }, expect: 'completes' } },
  },
  // Ambiguous outcomes are read back before they conclude (docs/atlassian.md §6).
  {
    fault: 're-add answers 500 but worked',
    cells: all({ faults: { reAdd: '500-but-worked' }, groups: true, expect: 'completes' }, ['reactivate', 'bulk']),
  },
  {
    fault: 're-add never answers but worked',
    cells: all(
      { faults: { reAdd: 'hang-but-worked' }, transport: { timeoutMs: 250 }, groups: true, expect: 'completes' },
      ['reactivate', 'bulk'],
    ),
  },
  {
    fault: 'directory lags a re-add (group add 404, then works)',
    cells: all({ faults: { readLagMs: 600 }, transport: { realSleep: true }, groups: true, expect: 'completes' }, [
      'reactivate',
    ]),
  },
  {
    fault: 'directory lags past the retries',
    cells: all({ faults: { readLagMs: 60_000 }, groups: true, expect: /^Partly done.*can lag a re-add/ }, [
      'reactivate',
      'bulk',
    ]),
  },
  {
    fault: 'account exists without access',
    cells: all(
      { faults: { reAdd: 'exists-without-access' }, expect: /has an Atlassian account but no access.*Invite/ },
      ['reactivate', 'bulk'],
    ),
  },
  // Skipped users cannot be noticed without the org directory: the scan completes with what it was given.
  {
    fault: 'skipped users across pages',
    cells: { scan: { faults: { pagingDrift: { mode: 'skip', size: 1 } }, expect: 'completes' } },
  },
];

const PRODUCTS: SiteProduct[] = [
  { key: 'jira-software', name: 'Jira Software', defaultGroups: ['jira-software-users'] },
  { key: 'jira-servicedesk', name: 'Jira Service Management', defaultGroups: ['jira-servicemanagement-users'] },
];
const ALPHA = { groupId: TINY.groups.alpha, name: 'team-alpha' };
const EXT_ADMINS = { groupId: 'bbbbbbbb-0000-4000-8000-000000000002', name: 'site-admins' };
const EXT_TEAM = { groupId: 'bbbbbbbb-0000-4000-8000-000000000003', name: 'team-ext' };

function subject(
  site: string,
  accountId: string,
  displayName: string,
  state: Subject['state'],
  email: string | null,
  remembered: Subject['rememberedGroups'] = [],
): Subject {
  return { site, accountId, displayName, state, email, rememberedGroups: remembered, currentGroups: [] };
}

async function sessionCookie(sim: Simulator): Promise<string> {
  const reply = await simRequest(sim, `${TINY.site}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `email=${encodeURIComponent(TINY.admin.email)}&password=relink-demo`,
  });
  return String(reply.headers['set-cookie']).split(';')[0]!;
}

async function truth(sim: Simulator, host: string, accountId: string) {
  return (
    (await simRequest(sim, `${sim.controlUrl}/__sim/sites/${host}/users/${accountId}`)).json() as {
      membership: { status: string };
    }
  ).membership.status;
}

async function truthGroups(sim: Simulator, host: string, accountId: string): Promise<string[]> {
  return (
    (await simRequest(sim, `${sim.controlUrl}/__sim/sites/${host}/users/${accountId}`)).json() as { groups: string[] }
  ).groups;
}

async function runCell(
  sim: Simulator,
  op: Op,
  cell: Cell,
): Promise<{ ok: boolean; message: string; audit: AuditEntry[] }> {
  const host = cell.site === 'ext' ? 'tinyext.atlassian.net' : 'tiny.atlassian.net';
  const cookie = cell.session ? await sessionCookie(sim) : null;
  const transport = simTransport(sim, cell.transport);
  if (cookie) transport.cookies.set(host, cookie);
  transport.gate = new HostGate();
  const who = cell.as === 'viewer' ? TINY.viewer : TINY.admin;
  const auth: Auth = cookie ? { mode: 'session' } : { mode: 'api-token', email: who.email, token: who.token };
  const jira = new JiraClient(host, auth, transport);
  const org = new OrgClient(TINY.orgId, TINY.orgKey, transport);
  let stored: AuditEntry[] = [];
  const audit = new AuditLog({ read: async () => stored, write: async (e) => void (stored = structuredClone(e)) });
  sim.state.setFaults(cell.faults ?? {});
  const run = async (plan: Plan) => {
    if (plan.kind !== 'plan') throw new Error(`no plan: ${JSON.stringify(plan)}`);
    const result = await executePlan(plan, { jira, org, audit, runId: 'matrix', sleep: transport.sleep });
    return { ok: result.outcome === 'done', message: result.message };
  };
  const reactivatePlan = (s: Subject) =>
    planReactivation({
      subject: s,
      siteProducts: PRODUCTS,
      orgId: TINY.orgId,
      products: cell.products ?? ['jira-software'],
    });
  try {
    switch (op) {
      case 'scan': {
        const r = await scanSite({
          jira,
          org: null,
          snapshots: { groups: [], members: {} },
          now: transport.now,
          requestsSent: () => transport.sent.length,
        });
        return { ok: true, message: `${r.hidden.length} hidden`, audit: stored };
      }
      case 'reactivate': {
        const target =
          cell.site === 'ext'
            ? subject(host, TINY.ids.eve, 'Eve External', 'hidden', 'eve@tiny.example.com', [EXT_TEAM])
            : subject(host, TINY.ids.rae, 'Rae Removed', 'hidden', 'rae@tiny.example.com', cell.groups ? [ALPHA] : []);
        const outcome = await run(reactivatePlan(target));
        const status = await truth(sim, host, target.accountId);
        expect(status, 'the simulator agrees with what Relink reported').toBe(
          outcome.ok || /Partly done/.test(outcome.message) ? 'active' : 'removed',
        );
        if (cell.groups)
          expect((await truthGroups(sim, host, target.accountId)).includes(ALPHA.name), 'the group, in truth').toBe(
            outcome.ok,
          );
        return { ...outcome, audit: stored };
      }
      case 'restore':
        return {
          ...(await run(
            planReactivation({
              subject: subject(host, TINY.ids.sue, 'Sue Suspended', 'suspended', null),
              siteProducts: PRODUCTS,
              orgId: TINY.orgId,
            }),
          )),
          audit: stored,
        };
      case 'group add':
        return {
          ...(await run(
            planGroupChange({
              subject: subject(host, TINY.viewer.accountId, 'Val Viewer', 'active', null),
              op: 'add',
              group: cell.site === 'ext' ? EXT_ADMINS : ALPHA,
            }),
          )),
          audit: stored,
        };
      case 'group remove': {
        const [accountId, group] = cell.site === 'ext' ? [TINY.admin.accountId, EXT_ADMINS] : [TINY.ids.ann, ALPHA];
        return {
          ...(await run(
            planGroupChange({ subject: subject(host, accountId, 'Member', 'active', null), op: 'remove', group }),
          )),
          audit: stored,
        };
      }
      case 'bulk': {
        const targets =
          cell.site === 'ext'
            ? [subject(host, TINY.ids.eve, 'Eve External', 'hidden', 'eve@tiny.example.com', [EXT_TEAM])]
            : [
                subject(
                  host,
                  TINY.ids.rae,
                  'Rae Removed',
                  'hidden',
                  'rae@tiny.example.com',
                  cell.groups ? [ALPHA] : [],
                ),
                subject(host, TINY.ids.hal, 'Hal Hidden', 'hidden', 'hal@tiny.example.com'),
              ];
        // As the bulk queue works them: side by side (utils/engine/bulk-queue.ts).
        const outcomes: Awaited<ReturnType<typeof run>>[] = [];
        const queue = [...targets];
        await workQueue(
          () => queue.shift(),
          async (t) => void outcomes.push(await run(reactivatePlan(t))),
        );
        return { ok: outcomes.every((o) => o.ok), message: outcomes.map((o) => o.message).join(' | '), audit: stored };
      }
    }
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error), audit: stored };
  }
}

describe('fault matrix', () => {
  const sim = useSimulator('tiny', { fresh: true });
  const cells = MATRIX.flatMap((row) =>
    OPS.filter((op) => row.cells[op]).map((op) => [`${row.fault} × ${op}`, op, row.cells[op]!] as const),
  );

  it.each(cells)('%s', async (_name, op, cell) => {
    const result = await runCell(sim(), op, cell);
    if (cell.expect === 'completes') expect(result.ok, result.message).toBe(true);
    else {
      expect(result.ok).toBe(false);
      expect(result.message).toMatch(cell.expect);
    }
    expect(result.audit.filter((e) => e.status === 'running')).toEqual([]);
    if (op !== 'scan' && op !== 'restore' && cell.expect !== 'completes')
      expect(result.audit.some((e) => e.status === 'failed')).toBe(true);
  });
});
