/**
 * What a read of the audit log tells a page load's check (utils/engine/site-records.ts, revalidate.ts):
 * whom the new records name, whether they reach back to the last read, a group deleted; and when a
 * stored scan cannot be brought up to date from the log at all.
 */
import { describe, expect, it } from 'vitest';
import type { JiraClient } from '@/utils/atlassian/jira-client';
import type { AuditRecord } from '@/utils/atlassian/record-schemas';
import type { ScanResult, SiteRecords } from '@/utils/domain/records';
import { FULL_SCAN_EVERY_MS, rescanReason } from '@/utils/engine/revalidate';
import { emptySiteRecords, noLogChanges, readJiraAudit } from '@/utils/engine/site-records';

const NOW = Date.parse('2026-11-29T12:00:00Z');

function record(id: number, summary: string, object: { id: string; typeName: string }, created: string): AuditRecord {
  return {
    id,
    summary,
    category: 'user management',
    created,
    objectItem: { ...object, name: object.id },
    associatedItems: [],
  };
}

/** A JiraClient that answers the audit log with these records, newest first, from `from` on. */
function logOf(records: AuditRecord[]): JiraClient {
  return {
    auditRecordsPage: async ({ from }: { from?: string }) => {
      const kept = records.filter((r) => !from || r.created >= from);
      return {
        total: kept.length,
        count: kept.length,
        records: { items: kept, rejected: { count: 0, firstReason: null } },
      };
    },
  } as unknown as JiraClient;
}

function readBefore(through: string, ids: string[]): SiteRecords {
  const records = emptySiteRecords();
  records.jira = { ...records.jira, status: 'ok', through, throughIds: ids, readAt: new Date(NOW).toISOString() };
  return records;
}

describe('reading the log for a check', () => {
  const last = record(7, 'User added to group', { id: 'ann', typeName: 'USER' }, '2026-11-28T10:00:00.000+0000');

  it('names the users of the new records, with what each says, and meets the last read again', async () => {
    const removal = record(8, 'User removed from site', { id: 'bo', typeName: 'USER' }, '2026-11-29T09:00:00.000+0000');
    const odd = record(9, 'User renamed', { id: 'cy', typeName: 'USER' }, '2026-11-29T09:30:00.000+0000');
    const changes = noLogChanges();
    await readJiraAudit(logOf([odd, removal, last]), readBefore(last.created, ['7']), NOW, changes);
    expect(changes.metLastRead).toBe(true);
    expect(changes.complete).toBe(true);
    expect(changes.groupDeleted).toBe(false);
    expect([...changes.users]).toEqual([
      ['cy', new Set([null])],
      ['bo', new Set(['site-removed'])],
    ]);
  });

  it('sees a group deleted, and a log that no longer reaches the last read', async () => {
    const deleted = record(8, 'Group deleted', { id: 'team-alpha', typeName: 'GROUP' }, '2026-11-29T09:00:00.000+0000');
    const changes = noLogChanges();
    // The record read last time has dropped out of the log.
    await readJiraAudit(logOf([deleted]), readBefore(last.created, ['7']), NOW, changes);
    expect(changes.groupDeleted).toBe(true);
    expect(changes.metLastRead).toBe(false);
    expect(changes.users.size).toBe(0);
  });
});

describe('when only a scan can answer', () => {
  const scanned = { startedAt: new Date(NOW - 3_600_000).toISOString() } as ScanResult;
  const ok = readBefore('2026-11-28T10:00:00.000+0000', ['7']);

  it('needs a scan before anything, one a day, and a log Relink can read', () => {
    expect(rescanReason(null, ok, NOW)).toBe('no-scan');
    expect(rescanReason(scanned, ok, NOW)).toBeNull();
    expect(rescanReason(scanned, ok, NOW + FULL_SCAN_EVERY_MS)).toBe('stale');
    // A check keeps the time of the scan it brings up to date: it does not put the daily scan off.
    const checked = { ...scanned, startedAt: new Date(NOW).toISOString(), listedAt: scanned.startedAt };
    expect(rescanReason(checked, ok, NOW + FULL_SCAN_EVERY_MS - 3_600_000)).toBe('stale');
    for (const status of ['unread', 'off', 'forbidden', 'failed'] as const)
      expect(rescanReason(scanned, { ...ok, jira: { ...ok.jira, status } }, NOW)).toBe('log-unreadable');
  });
});
