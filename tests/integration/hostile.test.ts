/** Hostile and odd records never crash a scan: each is classified, or counted as rejected, and said. */
import { describe, expect, it } from 'vitest';
import { JiraClient } from '@/utils/atlassian/jira-client';
import { scanSite } from '@/utils/engine/scan';
import { HOSTILE_NAMES } from '../sim/scenarios/hostile';
import { simTransport } from '../support/sim-transport';
import { useSimulator } from '../support/with-sim';

describe('a scan of hostile records', () => {
  const sim = useSimulator('hostile');

  it('finds every removed user, names intact, and reports what it could not use', async () => {
    const transport = simTransport(sim());
    const jira = new JiraClient(
      'hostile.atlassian.net',
      { mode: 'api-token', email: 'admin@hostile.example.com', token: 'sim-api-token-hostile-admin' },
      transport,
    );
    const result = await scanSite({
      jira,
      org: null,
      snapshots: { groups: [], members: {} },
      now: Date.now,
      requestsSent: () => transport.sent.length,
    });
    expect(result.hidden.map((h) => h.displayName).sort()).toEqual([...HOSTILE_NAMES].sort());
    expect(result.rejectedRecords).toBe(3);
    expect(result.counts).toMatchObject({ active: 1, hidden: HOSTILE_NAMES.length, unknown: 3 });
    expect(result.warnings.join(' ')).toMatch(/repeated 1 user across pages; Relink counted it once/);
    expect(result.warnings.join(' ')).toMatch(/3 user records had an unexpected shape and were left out/);
  });
});
