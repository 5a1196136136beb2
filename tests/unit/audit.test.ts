import { describe, expect, it } from 'vitest';
import { AuditLog, auditCsv, type AuditEntry } from '@/utils/engine/audit';

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

  it('writes the steps that arrive during a write together in the next, each resolved once it is written', async () => {
    const store = memory();
    const writes: number[] = [];
    const log = new AuditLog({
      read: store.read,
      write: async (entries) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        writes.push(entries.length);
        await store.write(entries);
      },
    });
    const ids = await Promise.all(Array.from({ length: 8 }, () => log.begin(step)));
    // The first alone, the seven that came meanwhile together: two writes, not eight.
    expect(writes).toEqual([1, 8]);
    expect((await new AuditLog(store).entries()).map((e) => e.id)).toEqual(ids);
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
