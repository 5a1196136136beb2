import { describe, expect, it } from 'vitest';
import { AuditLog, auditCsv, type AuditEntry } from '@/utils/engine/audit';
import { mapLimit } from '@/utils/engine/concurrency';
import { chooseGroupStrategy } from '@/utils/engine/group-evidence';
import { productsFromGroups } from '@/utils/engine/plan';
import { recall, remember } from '@/utils/engine/snapshots';
import type { SnapshotStore } from '@/utils/domain/records';

describe('group snapshots', () => {
  it('remember groups compactly, and keep them when the user is later seen with none', () => {
    const store: SnapshotStore = { groups: [], members: {} };
    remember(
      store,
      'a',
      [
        { name: 'team-alpha', groupId: 'g1' },
        { name: 'jira-software-users', groupId: 'g2' },
      ],
      '2026-11-01',
    );
    remember(store, 'b', [{ name: 'team-alpha', groupId: 'g1' }], '2026-11-01');
    remember(store, 'a', [], '2026-11-20');
    expect(store.groups).toHaveLength(2);
    expect(recall(store, 'a')).toEqual({
      groups: [
        { groupId: 'g1', name: 'team-alpha' },
        { groupId: 'g2', name: 'jira-software-users' },
      ],
      seenOn: '2026-11-01',
    });
    expect(recall(store, 'nobody')).toEqual({ groups: [], seenOn: null });
  });
});

describe('chooseGroupStrategy', () => {
  it('reads users one by one when few are inactive, and whole groups when many are', () => {
    expect(chooseGroupStrategy({ inactivePeople: 5, people: 300, groups: 12 })).toBe('per-user');
    expect(chooseGroupStrategy({ inactivePeople: 5000, people: 50_000, groups: 40 })).toBe('per-group');
    expect(chooseGroupStrategy({ inactivePeople: 900, people: 1000, groups: 10 })).toBe('per-group');
  });
});

describe('productsFromGroups', () => {
  it('infers the products whose default groups the user was in', () => {
    const products = [
      { key: 'jira-software', name: 'Jira Software', defaultGroups: ['jira-software-users'] },
      { key: 'jira-servicedesk', name: 'JSM', defaultGroups: ['jira-servicemanagement-users'] },
    ];
    expect(
      productsFromGroups(
        [
          { groupId: '1', name: 'jira-software-users' },
          { groupId: '2', name: 'team' },
        ],
        products,
      ),
    ).toEqual(['jira-software']);
  });
});

describe('mapLimit', () => {
  it('keeps order and never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapLimit([5, 1, 3, 2, 4], 2, async (n) => {
      peak = Math.max(peak, ++running);
      await new Promise((r) => setTimeout(r, n));
      running--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 30, 20, 40]);
    expect(peak).toBe(2);
  });
});

describe('audit log', () => {
  const memory = () => {
    let stored: unknown = undefined;
    return { read: async () => stored, write: async (e: AuditEntry[]) => void (stored = structuredClone(e)) };
  };
  const step = {
    runId: 'r',
    site: 'acme.atlassian.net',
    accountId: 'a',
    displayName: 'Ann',
    action: 'reactivate',
    step: 'Re-add',
    call: 'POST …',
  };

  it('writes a step before it runs, and marks unfinished steps interrupted on the next start', async () => {
    const store = memory();
    const log = new AuditLog(store);
    const id = await log.begin(step);
    expect((await new AuditLog(store).entries())[0]).toMatchObject({ id, status: 'running' });
    expect(await new AuditLog(store).markInterrupted()).toBe(1);
    expect((await log.entries())[0]).toMatchObject({
      status: 'interrupted',
      message: expect.stringContaining('may or may not have happened'),
    });
  });

  it('keeps concurrent writes', async () => {
    const log = new AuditLog(memory());
    const ids = await Promise.all([1, 2, 3, 4].map(() => log.begin(step)));
    await Promise.all(ids.map((id) => log.finish(id, 'ok', null)));
    expect((await log.entries()).map((e) => e.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
  });

  it('exports CSV that a spreadsheet will not run as formulas', () => {
    const csv = auditCsv([
      {
        ...step,
        id: '1',
        at: 't',
        finishedAt: null,
        status: 'failed',
        message: '=HYPERLINK("x"), "quoted"',
        serverSaid: '+Specified user does not exist',
        displayName: '@evil',
      },
    ]);
    expect(csv.split('\r\n')[1]).toBe(
      `"t","","acme.atlassian.net","a","'@evil","reactivate","Re-add","failed","'=HYPERLINK(""x""), ""quoted""","'+Specified user does not exist","POST …"`,
    );
  });
});

describe('hidden users CSV', () => {
  it('lists each hidden user with what Relink knows, safely for spreadsheets', async () => {
    const { hiddenUsersCsv } = await import('@/utils/engine/csv');
    const csv = hiddenUsersCsv('acme.atlassian.net', [
      {
        accountId: 'a1',
        displayName: '=cmd|calc',
        email: null,
        reason: 'inactive, no group',
        certainty: 'likely',
        rememberedGroups: [{ groupId: 'g', name: 'team, alpha' }],
        rememberedAt: '2026-11-01',
      },
    ]);
    expect(csv).toBe(
      '"site","accountId","displayName","email","reason","certainty","rememberedGroups","rememberedOn"\r\n' +
        '"acme.atlassian.net","a1","\'=cmd|calc","","inactive, no group","likely","team, alpha","2026-11-01"\r\n',
    );
  });
});
