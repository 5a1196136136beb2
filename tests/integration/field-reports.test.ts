/**
 * The field check (utils/background/field-check.ts) against the simulator, and every field report
 * in tests/fixtures/field/ replayed as a scenario: the report turned into simulator switches
 * (tests/support/field-replay.ts), and the engine's scan of it checked against the ground truth.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { JiraClient } from '@/utils/atlassian/jira-client';
import { OrgClient } from '@/utils/atlassian/org-client';
import { checkFields } from '@/utils/background/field-check';
import { FieldReportSchema, type FieldReport } from '@/utils/domain/field-report';
import type { FaultsInput } from '../sim/http/faults-schema';
import type { Simulator } from '../sim/server';
import { faultsFromReport, REPLAYED_RATE } from '../support/field-replay';
import { scanMatchesTruth } from '../support/matrix';
import { simTransport } from '../support/sim-transport';
import { useSimulator } from '../support/with-sim';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/field');
const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.json'));
const readReport = (file: string): FieldReport =>
  FieldReportSchema.parse(JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')));
/** The day the committed reports were made: a report names its day, and only its day. */
const DAY = Date.parse('2026-11-27T12:00:00Z');

async function fieldCheck(sim: Simulator, faults: FaultsInput = {}, options: { orgKey?: boolean } = {}) {
  const transport = simTransport(sim);
  sim.state.now = transport.now;
  sim.state.setFaults(faults);
  sim.state.requests = [];
  const { world } = sim.state;
  const admin = world.credentials[0]!;
  const jira = new JiraClient(
    'acme.atlassian.net',
    { mode: 'api-token', email: admin.email, token: admin.apiToken! },
    transport,
  );
  const org = options.orgKey ? new OrgClient(world.org.orgId, world.org.apiKeys[0]!, transport) : null;
  try {
    return await checkFields({ jira, org, auth: 'api-token', now: () => DAY });
  } finally {
    sim.state.now = Date.now;
  }
}

/** The switches a report can show: rate limits by their kind, not their numbers (a report keeps no numbers of them). */
const observable = (faults: FaultsInput) =>
  faults.rateLimit ? { ...faults, rateLimit: { ...faults.rateLimit, ...REPLAYED_RATE } } : faults;

describe('the field check', () => {
  const sim = useSimulator('demo', { fresh: true });

  it('only reads: GETs, and nothing in the simulator changes', async () => {
    const before = JSON.stringify([...sim().state.world.sites.values()].map((s) => [...s.memberships]));
    const report = await fieldCheck(sim(), {}, { orgKey: true });
    expect(sim().state.requests.map((r) => r.method)).toEqual(sim().state.requests.map(() => 'GET'));
    expect(JSON.stringify([...sim().state.world.sites.values()].map((s) => [...s.memberships]))).toBe(before);
    expect(report.checks.map((c) => [c.id, c.outcome])).toEqual([
      ['tenant-info', 'as-expected'],
      ['myself', 'as-expected'],
      ['mypermissions', 'as-expected'],
      ['applicationrole', 'as-expected'],
      ['users-search', 'as-expected'],
      ['users-search-next', 'as-expected'],
      ['group-bulk', 'as-expected'],
      ['group-member', 'as-expected'],
      ['user-groups', 'as-expected'],
      ['audit-record', expect.stringMatching(/^(as-expected|tolerated)$/)],
      ['org-directory', 'as-expected'],
    ]);
    // The audit log's wording, as Relink reads it: the demo's recorded removals are read as removals.
    const audit = report.checks.find((c) => c.id === 'audit-record')!;
    expect(audit.values['relink reads as']?.['site-removed']).toBeGreaterThan(0);
    expect(audit.values['records[].summary']).toHaveProperty(['user removed from site']);
  });

  it('names no one: no id, email, name, group name, host or URL of the site in its report', async () => {
    const text = JSON.stringify(
      await fieldCheck(sim(), { variations: { nullGroupIds: 'group-bulk' } }, { orgKey: true }),
    );
    const { world } = sim().state;
    const secrets = [
      world.org.orgId,
      world.org.name,
      ...world.org.apiKeys,
      ...[...world.accounts.values()].flatMap((a) => [a.accountId, a.displayName, a.email ?? '']),
      ...[...world.sites.values()].flatMap((s) => [
        s.host,
        s.name,
        s.cloudId,
        ...s.groups.flatMap((g) => [g.name, g.groupId]),
      ]),
      ...world.credentials.flatMap((c) => [c.email, c.apiToken ?? '']),
    ].filter((s) => s.length >= 4 && !['Former user'].includes(s));
    for (const secret of secrets) expect(text, secret).not.toContain(secret);
    expect(text).not.toMatch(/https?:\/\//);
    expect(FieldReportSchema.safeParse(JSON.parse(text)).success).toBe(true);
  });

  // Each variation a GET can reveal, found and turned back into the same switch.
  const ROUND_TRIPS: [string, FaultsInput][] = [
    ['nothing unusual', {}],
    ['a users/search page-size cap', { variations: { usersSearchCap: 100 } }],
    ['page beans without isLast', { variations: { pageBean: { isLast: 'absent' } } }],
    ['page beans without total', { variations: { pageBean: { total: 'absent' } } }],
    ['a total short of the records', { variations: { pageBean: { total: 'undercount' } } }],
    ['groupId null in group/bulk', { variations: { nullGroupIds: 'group-bulk' } }],
    ['groupId null everywhere', { variations: { nullGroupIds: 'everywhere' } }],
    ['accountType capitalized', { variations: { accountType: 'capitalized' } }],
    ['accountType missing', { variations: { accountType: 'missing' } }],
    [
      'a per-endpoint burst limit, Retry-After 0, resets to the minute',
      {
        rateLimit: { ...REPLAYED_RATE, burst: 1, scope: 'endpoint-method', retryAfter: 'zero', resetFormat: 'minute' },
      },
    ],
    [
      'a host-wide limit without Retry-After, a cost budget, beta headers',
      {
        rateLimit: {
          ...REPLAYED_RATE,
          burst: 2,
          retryAfter: 'absent',
          budgetHeaders: 'near-limit-only',
          betaRetryAfter: true,
        },
      },
    ],
  ];
  it.each(ROUND_TRIPS)('finds %s and replays it as the same switches', async (_what, faults) => {
    expect(faultsFromReport(await fieldCheck(sim(), faults))).toEqual(observable(faults));
  });

  // RELINK_FIELD_FIXTURE=1 npx vitest run tests/integration/field-reports.test.ts rewrites demo.json.
  it('matches the committed report of the demo site: same checks, outcomes and switches', async () => {
    const fresh = await fieldCheck(sim());
    if (process.env.RELINK_FIELD_FIXTURE)
      writeFileSync(join(FIXTURES, 'demo.json'), `${JSON.stringify(fresh, null, 2)}\n`);
    const committed = readReport('demo.json');
    expect(fresh.checks.map((c) => [c.id, c.request, c.outcome])).toEqual(
      committed.checks.map((c) => [c.id, c.request, c.outcome]),
    );
    expect(faultsFromReport(fresh)).toEqual(faultsFromReport(committed));
  });
});

describe.each(fixtures)('field report %s, replayed as a scenario', (file) => {
  const sim = useSimulator('demo', { fresh: true });

  it('is a sanitized field report', () => {
    expect(() => readReport(file)).not.toThrow();
    expect(readFileSync(join(FIXTURES, file), 'utf8')).not.toMatch(/https?:\/\/|@[a-z0-9-]+\.[a-z]/i);
  });

  it('is scanned correctly: exactly the hidden users, every record and membership', async () => {
    const faults = faultsFromReport(readReport(file));
    const transport = simTransport(sim());
    sim().state.now = transport.now;
    sim().state.setFaults(faults);
    try {
      expect(
        await scanMatchesTruth(sim(), transport, {
          idsGiven: (faults.variations?.nullGroupIds ?? 'none') === 'none',
        }),
      ).toBeGreaterThan(0);
      expect(sim().state.limiter?.earlyRetries ?? 0, 'Relink never came back early').toBe(0);
    } finally {
      sim().state.now = Date.now;
    }
  });
});
