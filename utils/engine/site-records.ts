/**
 * Reading what Atlassian's records say about a site's users (docs/atlassian.md §9), once per site
 * for all of them, then incrementally: Jira's audit log (paged by offset, filtered, from where the
 * last read stopped), the org's event log (with an org key, cursor-paged, from the last event
 * read) and, per removed user still lacking products, their last-active dates (read once). Each
 * read folds into a SiteRecords digest the caller stores; a source that cannot be read is marked
 * with why, never a reason to fail the scan.
 */
import type { JiraClient } from '../atlassian/jira-client';
import type { OrgClient } from '../atlassian/org-client';
import { isAtlassianError } from '../atlassian/errors';
import type { AuditRecord, OrgEvent } from '../atlassian/record-schemas';
import type { ReadState, SiteRecords, UserRecords } from '../domain/records';
import { messageOf } from '../error-message';
import {
  AUDIT_FILTER,
  AUDIT_GROUP_TYPE,
  AUDIT_USER_TYPE,
  auditKindOf,
  auditLogIsOff,
  isGroupDeletion,
  type AuditKind,
  jiraProductKey,
  ORG_ACTION_PRODUCT_REVOKED,
  ORG_PRODUCT_TYPE,
  ORG_SITE_TYPE,
  ORG_USER_TYPE,
} from './audit-wording';

const AUDIT_PAGE = 1000;
/** Enough pages for any site's history; a longer log is read on from where this stopped, next time. */
const MAX_PAGES = 200;

const unread = (): ReadState => ({
  status: 'unread',
  detail: null,
  readAt: null,
  through: null,
  throughIds: [],
  reach: null,
});

export function emptySiteRecords(): SiteRecords {
  return { version: 1, jira: unread(), org: { ...unread(), status: 'no-key' }, groupIds: {}, users: {} };
}

/** Jira writes `2014-03-19T18:45:42.967+0000`; JavaScript wants a colon in the offset. */
export function isoOf(time: string): string | null {
  const ms = Date.parse(time.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function userOf(records: SiteRecords, accountId: string): UserRecords {
  let user = records.users[accountId];
  if (!user) records.users[accountId] = user = { removed: null, groups: {}, products: [], activityReadAt: null };
  return user;
}

/** The user a record is about (its object, when that is a user): whom a check for changes reads again. */
export function userNamedBy(record: AuditRecord): string | undefined {
  const object = record.objectItem;
  return object?.typeName?.toUpperCase() === AUDIT_USER_TYPE ? (object.id ?? object.name) : undefined;
}

/** What the digest takes from one audit record: the change, whom, when and (for a membership) the group; null for nothing. */
export function readAuditRecord(
  record: AuditRecord,
): { kind: AuditKind; accountId: string; at: string; group: string | null } | null {
  const kind = auditKindOf(record.summary);
  const at = isoOf(record.created);
  const accountId = userNamedBy(record);
  if (!kind || !at || !accountId) return null;
  if (kind !== 'group-added' && kind !== 'group-removed') return { kind, accountId, at, group: null };
  const group = record.associatedItems.find((i) => i.typeName?.toUpperCase() === AUDIT_GROUP_TYPE);
  const name = group?.name ?? group?.id;
  return name ? { kind, accountId, at, group: name } : null;
}

/** One audit record into the digest. Records may come in any order: the latest change wins. */
export function foldAuditRecord(records: SiteRecords, record: AuditRecord): void {
  const read = readAuditRecord(record);
  if (!read) return;
  const { kind, accountId, at, group } = read;
  const user = userOf(records, accountId);
  if (group !== null) {
    const known = user.groups[group];
    if (!known || known[1] <= at) user.groups[group] = [kind === 'group-added' ? 'added' : 'removed', at];
    return;
  }
  if (kind === 'site-removed') {
    if (!user.removed || user.removed.at <= at)
      user.removed = {
        at,
        byId: record.authorAccountId ?? null,
        byName: null,
        via: record.eventSource?.trim() || null,
        from: 'jira-audit',
      };
    return;
  }
  // Added back to the site after that removal: it no longer tells what they had.
  if (user.removed && user.removed.at < at) user.removed = null;
}

/** One org event into the digest, if it is about this site: answers whom it is about, then. */
export function foldOrgEvent(
  records: SiteRecords,
  event: OrgEvent,
  site: { host: string; cloudId: string },
): string | null {
  const { attributes } = event;
  if (attributes.action !== ORG_ACTION_PRODUCT_REVOKED) return null;
  const onSite = attributes.container.some(
    (c) => c.type === ORG_SITE_TYPE && (c.id === site.cloudId || c.attributes?.siteHostName === site.host),
  );
  const who = attributes.context.find((c) => c.type === ORG_USER_TYPE);
  const product = attributes.context.find((c) => c.type === ORG_PRODUCT_TYPE);
  const key = typeof product?.attributes?.key === 'string' ? jiraProductKey(product.attributes.key) : null;
  const at = isoOf(attributes.time);
  if (!onSite || !who || !key || !at) return null;
  const user = userOf(records, who.id);
  const known = user.products.find((p) => p.key === key);
  if (!known) user.products.push({ key, at, from: 'org-events' });
  else if (known.from === 'org-events' && (known.at ?? '') < at) known.at = at;
  // The Jira audit log is trusted first; the org's event tells who and when only when the log did not.
  if (!user.removed || (user.removed.from === 'org-events' && user.removed.at < at))
    user.removed = {
      at,
      byId: attributes.actor.id,
      byName: attributes.actor.name ?? null,
      via: null,
      from: 'org-events',
    };
  return who.id;
}

/** Why a source could not be read, as a status and the words to show. */
function failure(error: unknown): Pick<ReadState, 'status' | 'detail'> {
  if (isAtlassianError(error) && error.status === 403)
    return { status: auditLogIsOff(error.serverSaid) ? 'off' : 'forbidden', detail: error.serverSaid ?? error.message };
  return { status: 'failed', detail: messageOf(error) };
}

/**
 * What a read of the log saw besides the digest: whom the new records name, and whether they reach
 * back to where the last read stopped (utils/engine/revalidate.ts).
 */
export interface LogChanges {
  /** Users the new records are about, with what each record says of them (null: a kind Relink does not read). */
  users: Map<string, Set<AuditKind | null>>;
  /** A new record says a group was deleted: its members changed without a record of each. */
  groupDeleted: boolean;
  /** The read met again a record it had read last time (the log still reaches back that far). */
  metLastRead: boolean;
  /** Every page was read (not cut short at MAX_PAGES). */
  complete: boolean;
}

export const noLogChanges = (): LogChanges => ({
  users: new Map(),
  groupDeleted: false,
  metLastRead: false,
  complete: true,
});

/** A group's deletion: its members lose it without a record each. */
export const deletesGroup = (record: AuditRecord): boolean =>
  record.objectItem?.typeName?.toUpperCase() === AUDIT_GROUP_TYPE && isGroupDeletion(record.summary);

function noteChange(changes: LogChanges, record: AuditRecord): void {
  if (deletesGroup(record)) changes.groupDeleted = true;
  const accountId = userNamedBy(record);
  if (!accountId) return;
  const kinds = changes.users.get(accountId) ?? new Set();
  kinds.add(auditKindOf(record.summary));
  changes.users.set(accountId, kinds);
}

/**
 * Reads the audit log from where the last read stopped (`from` is inclusive: the records already
 * read at that instant are skipped by id). Returns the number of requests sent; `changes`, when
 * given, collects what the new records name.
 */
export async function readJiraAudit(
  jira: JiraClient,
  records: SiteRecords,
  now: number,
  changes?: LogChanges,
): Promise<number> {
  const state = records.jira;
  const from = state.through ?? undefined;
  const seenAtFrom = new Set(state.throughIds);
  let newest: { time: string; at: string; ids: string[] } | null = null;
  let oldest: string | null = state.reach;
  let requests = 0;
  let total = 0;
  try {
    let complete = false;
    for (let offset = 0, pages = 0; pages < MAX_PAGES; pages++) {
      requests++;
      const page = await jira.auditRecordsPage({ offset, limit: AUDIT_PAGE, filter: AUDIT_FILTER, from });
      for (const record of page.records.items) {
        const id = String(record.id);
        const at = isoOf(record.created);
        if (seenAtFrom.has(id) && changes) changes.metLastRead = true;
        if (!at || seenAtFrom.has(id)) continue;
        total++;
        foldAuditRecord(records, record);
        if (changes) noteChange(changes, record);
        if (!newest || at > newest.at) newest = { time: record.created, at, ids: [id] };
        else if (at === newest.at) newest.ids.push(id);
        if (!oldest || at < oldest) oldest = at;
      }
      offset += page.count;
      complete = page.count === 0 || page.count < AUDIT_PAGE || (page.total !== undefined && offset >= page.total);
      if (complete) break;
    }
    if (changes) changes.complete = complete;
  } catch (error) {
    Object.assign(state, failure(error), { readAt: new Date(now).toISOString() });
    return requests;
  }
  const everRead = state.through !== null || total > 0;
  Object.assign(state, {
    status: everRead ? 'ok' : 'empty',
    detail: null,
    readAt: new Date(now).toISOString(),
    reach: oldest,
    ...(newest
      ? {
          through: newest.time,
          throughIds: newest.at === isoOf(from ?? '') ? [...seenAtFrom, ...newest.ids] : newest.ids,
        }
      : {}),
  });
  return requests;
}

/**
 * Reads the org's events about product access revoked, from the last one read. Returns the requests
 * sent; `changes`, when given, collects whom the new events name.
 */
export async function readOrgEvents(
  org: OrgClient,
  records: SiteRecords,
  site: { host: string; cloudId: string },
  now: number,
  changes?: LogChanges,
): Promise<number> {
  const state = records.org;
  const from = state.through === null ? undefined : Date.parse(state.through);
  const seen = new Set(state.throughIds);
  let newest: { at: string; ids: string[] } | null = null;
  let requests = 0;
  try {
    let cursor: string | null = null;
    for (let pages = 0; pages < MAX_PAGES; pages++) {
      requests++;
      const page = await org.eventsPage({ action: ORG_ACTION_PRODUCT_REVOKED, from, cursor });
      for (const event of page.events.items) {
        const at = isoOf(event.attributes.time);
        if (!at || seen.has(event.id)) continue;
        const about = foldOrgEvent(records, event, site);
        if (about && changes && !changes.users.has(about)) changes.users.set(about, new Set([null]));
        if (!newest || at > newest.at) newest = { at, ids: [event.id] };
        else if (at === newest.at) newest.ids.push(event.id);
      }
      cursor = page.cursor;
      if (!cursor) break;
    }
  } catch (error) {
    Object.assign(state, failure(error), { readAt: new Date(now).toISOString() });
    return requests;
  }
  Object.assign(state, {
    status: 'ok',
    detail: null,
    readAt: new Date(now).toISOString(),
    ...(newest
      ? { through: newest.at, throughIds: newest.at === state.through ? [...seen, ...newest.ids] : newest.ids }
      : {}),
  });
  return requests;
}

/** Last-active dates of these users on this site, for those not read before. Returns the requests sent. */
export async function readActivity(
  org: OrgClient,
  records: SiteRecords,
  accountIds: string[],
  cloudId: string,
  now: number,
): Promise<number> {
  let requests = 0;
  for (const accountId of accountIds) {
    const user = userOf(records, accountId);
    if (user.activityReadAt) continue;
    requests++;
    try {
      // [assumed] A product access's `id` is the product instance: the site's cloudId.
      for (const used of await org.lastActiveDates(accountId)) {
        const key = jiraProductKey(used.key);
        if (used.id !== cloudId || user.products.some((p) => p.key === key)) continue;
        user.products.push({
          key,
          at: used.last_active ? (isoOf(used.last_active) ?? null) : null,
          from: 'org-activity',
        });
      }
      user.activityReadAt = new Date(now).toISOString();
    } catch {
      // Unread stays unread: the next scan asks again.
    }
  }
  return requests;
}
