/**
 * The field check's look at the audit log: what Relink assumes about the records a page load's
 * check for changes reads (utils/engine/audit-wording.ts, every entry [assumed]), against a real
 * site's records, read by the same functions the digest and the check use (site-records.ts).
 * Summaries and categories are kept only as lower-case words of a fixed vocabulary, and never a word
 * of the record's own items (the user, the group, the values changed): a name, a group, an email
 * or an id becomes `…`. Item types are kept as Relink's own names for them, or `<other>`.
 */
import { AuditRecordSchema, type AuditRecord } from '../atlassian/record-schemas';
import type { FieldCheck } from '../domain/field-report';
import { AUDIT_GROUP_TYPE, AUDIT_USER_TYPE, auditKindOf } from '../engine/audit-wording';
import { deletesGroup, readAuditRecord, userNamedBy } from '../engine/site-records';

/** Words the summaries and categories of user and group records are made of; any other is `…`. */
const WORDS = new Set(
  (
    'a access account accounts activated added admin administrator administrators an and application applications ' +
    'as by category changed created deactivated default deleted details directory email for from global granted ' +
    'group groups has in invited jira level license licence management member members membership name of on ' +
    'organization organisation permission permissions product products project reactivated removed restored revoked ' +
    'role roles scheme security settings site status suspended the to updated user users was with'
  ).split(' '),
);
const TYPES = [AUDIT_USER_TYPE, AUDIT_GROUP_TYPE, 'PROJECT', 'PERMISSION_SCHEME', 'SCHEME', 'APPLICATION_ROLE'];

const wordsOf = (text: string) =>
  text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** Every word of the record's own data: what it is about, and what changed. */
function itsOwnWords(raw: Record<string, unknown>, record: AuditRecord): Set<string> {
  const texts: unknown[] = [record.authorAccountId];
  for (const item of [record.objectItem, ...record.associatedItems])
    if (item) texts.push(...Object.entries(item).flatMap(([key, value]) => (key === 'typeName' ? [] : [value])));
  if (Array.isArray(raw.changedValues))
    for (const change of raw.changedValues as unknown[])
      if (typeof change === 'object' && change !== null)
        texts.push(...Object.values(change as Record<string, unknown>));
  return new Set(texts.flatMap((t) => (typeof t === 'string' ? wordsOf(t) : [])));
}

/** A summary or category as lower-case words of the vocabulary not in `masked`, others as `…` (a run as one). */
export function vocabularyOnly(text: string, masked: ReadonlySet<string> = new Set()): string {
  const words = text
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase())
    .map((word) => (WORDS.has(word) && !masked.has(word) ? word : '…'));
  if (!words.length) return '(empty)';
  return words
    .filter((word, i) => word !== '…' || words[i - 1] !== '…')
    .join(' ')
    .slice(0, 40);
}

const typeOf = (typeName: string | undefined) =>
  typeName === undefined ? 'missing' : (TYPES.find((t) => t === typeName.toUpperCase()) ?? '<other>');

/** One more `value` seen at `path`. */
export function countValue(values: FieldCheck['values'], path: string, value: string): void {
  const counts = (values[path] ??= {});
  counts[value] = (counts[value] ?? 0) + 1;
}

/** What Relink makes of a record: the change the digest takes, a group's deletion, a change it cannot use, or nothing. */
function readingOf(record: AuditRecord): string {
  const read = readAuditRecord(record);
  if (read) return read.kind;
  if (deletesGroup(record)) return 'group-deleted';
  const kind = auditKindOf(record.summary);
  return kind ? `${kind}, unused` : 'not used';
}

/**
 * Per path, each value seen and how often. `relink reads as`: what the digest takes from a record
 * (who removed a user, the groups they lost); `check for changes reads again`: whom a page load's
 * check reads again because of it; `unreadable`: records Relink skips.
 */
export function auditWording(records: unknown[]): FieldCheck['values'] {
  const values: FieldCheck['values'] = {};
  const count = (path: string, value: string) => countValue(values, path, value);
  for (const raw of records) {
    const parsed = AuditRecordSchema.safeParse(raw);
    if (!parsed.success) {
      count('relink reads as', 'unreadable');
      continue;
    }
    const record = parsed.data;
    const masked = itsOwnWords(raw as Record<string, unknown>, record);
    count('records[].summary', vocabularyOnly(record.summary, masked));
    count('records[].category', vocabularyOnly(record.category, masked));
    count('records[].objectItem.typeName', typeOf(record.objectItem?.typeName));
    for (const item of record.associatedItems) count('records[].associatedItems[].typeName', typeOf(item.typeName));
    count('relink reads as', readingOf(record));
    count('check for changes reads again', userNamedBy(record) ? 'the user it is about' : 'no one');
  }
  return values;
}

/** What the tally tells that Relink's assumptions may not hold. */
export function noticeAuditWording(values: FieldCheck['values']): string[] {
  const read = values['relink reads as'] ?? {};
  const total = Object.values(read).reduce((a, b) => a + b, 0);
  const kinds = ['site-removed', 'site-added', 'group-removed', 'group-added', 'group-deleted'];
  const notes: string[] = [];
  if (total > 0 && !kinds.some((k) => read[k]))
    notes.push(
      `none of ${total} records worded as Relink reads them: who removed a user, and the groups they lost, will not come from this log`,
    );
  if (Object.keys(read).some((k) => k.endsWith(', unused')))
    notes.push(
      'records of a user change whose object is not a user with an id, or without a group or a time Relink can read',
    );
  return notes;
}
