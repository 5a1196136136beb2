/**
 * Jira's audit log, GET /rest/api/3/auditing/record (docs/atlassian.md §9): the site's records,
 * newest first, paged by offset and limit, filtered by terms and by date. Fed by the scenario's
 * past removals and every group change and removal since (world/records.ts).
 */
import { can } from '../http/auth';
import { jiraError, json } from '../http/respond';
import { Router } from '../http/router';
import { AUDIT_WORDING, REST_SOURCE, type AuditEntry } from '../world/records';
import type { SiteCtx } from './context';

/** [assumed] What the audit log answers when it is switched off for the site. */
const AUDIT_OFF =
  'The audit log is switched off for this site. A Jira administrator can turn it on in the audit log settings.';
const DIRECTORY = { parentId: '10000', parentName: 'Atlassian account directory' };

/** Jira's timestamp format, as in the spec's example: 2014-03-19T18:45:42.967+0000. */
const jiraTime = (ms: number) => new Date(ms).toISOString().replace('Z', '+0000');
/** `from`/`to` as Jira accepts them: its own format or ISO 8601; unreadable values are ignored. [assumed] */
function parseTime(value: string | null): number | null {
  if (!value) return null;
  const ms = Date.parse(value.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  return Number.isNaN(ms) ? null : ms;
}

/** What kinds of change an entry records, for the switch `auditLog.unrecorded`. */
function changesOf(entry: AuditEntry): ('site-removal' | 'api-removal' | 'site-add' | 'group-change')[] {
  if (entry.kind === 'siteRemoved')
    return entry.source === REST_SOURCE ? ['site-removal', 'api-removal'] : ['site-removal'];
  return [entry.kind === 'siteAdded' ? 'site-add' : 'group-change'];
}

function recordJson(entry: AuditEntry) {
  const wording = AUDIT_WORDING[entry.kind];
  return {
    id: entry.id,
    summary: wording.summary,
    remoteAddress: '203.0.113.10',
    ...(entry.author ? { authorAccountId: entry.author } : {}),
    created: jiraTime(entry.at),
    category: wording.category,
    eventSource: entry.source,
    objectItem: { id: entry.accountId, name: entry.accountId, typeName: 'USER', ...DIRECTORY },
    changedValues: [],
    associatedItems: entry.group ? [{ id: entry.group, name: entry.group, typeName: 'GROUP', ...DIRECTORY }] : [],
  };
}

/** The fields `filter` searches, per the spec's description of the operation. */
function searchable(record: ReturnType<typeof recordJson>): string[] {
  return [
    record.summary,
    record.category,
    record.eventSource,
    record.objectItem.name,
    record.objectItem.parentName,
    record.objectItem.typeName,
    record.remoteAddress,
  ];
}

export function registerAuditRoutes(router: Router<SiteCtx>): void {
  router.on('GET', '/rest/api/3/auditing/record', (req, { sim, site, caller }) => {
    if (!can.administerJira(caller, site))
      return jiraError(403, [
        'You do not have permission to view the audit log. It needs the Administer Jira permission.',
      ]);
    const { enabled, retentionDays, unrecorded } = sim.faults.auditLog;
    if (!enabled) return jiraError(403, [AUDIT_OFF]);
    const params = req.url.searchParams;
    const number = (name: string, fallback: number) => {
      const n = Number(params.get(name) ?? fallback);
      return Number.isInteger(n) && n >= 0 ? n : fallback;
    };
    const offset = number('offset', 0);
    const limit = Math.min(number('limit', 1000), 1000);
    const from = parseTime(params.get('from'));
    const to = parseTime(params.get('to'));
    const kept = retentionDays === null ? -Infinity : Date.now() - retentionDays * 86_400_000;
    // [assumed] each space-separated term matches a field case-insensitively, as a substring.
    const terms = (params.get('filter') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const matching = sim.world.records
      .auditOf(site.host)
      .filter((e) => e.at >= kept && (from === null || e.at >= from) && (to === null || e.at <= to))
      .filter((e) => !changesOf(e).some((change) => unrecorded.includes(change)))
      .sort((a, b) => b.at - a.at || b.id - a.id) // [assumed] newest first
      .map(recordJson)
      .filter((r) => terms.every((t) => searchable(r).some((field) => field.toLowerCase().includes(t))));
    return json(200, { offset, limit, total: matching.length, records: matching.slice(offset, offset + limit) });
  });
}
