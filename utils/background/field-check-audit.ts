/**
 * The field check's look at the audit log's wording: what Relink assumes about the records a page
 * load's check for changes reads (utils/engine/audit-wording.ts, every entry [assumed]), against a
 * real site's records. It keeps the summaries and categories only as words of a fixed vocabulary
 * (any other word becomes `…`, so a name or a group does not reach the report: at most a word of
 * a name that is also a word of the vocabulary, like "Removed", which tells no one who), the object and
 * associated item types, and how Relink reads each record.
 */
import { AuditRecordSchema } from '../atlassian/record-schemas';
import { AUDIT_GROUP_TYPE, AUDIT_USER_TYPE, auditKindOf, isGroupDeletion } from '../engine/audit-wording';
import type { FieldCheck } from '../domain/field-report';

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
const TYPES = new Set([
  AUDIT_USER_TYPE,
  AUDIT_GROUP_TYPE,
  'PROJECT',
  'PERMISSION_SCHEME',
  'SCHEME',
  'APPLICATION_ROLE',
]);

/** A summary or category as words of the vocabulary, others as `…` (runs of them as one). */
export function vocabularyOnly(text: string): string {
  const words = text
    .trim()
    .split(/\s+/)
    .map((word) => (WORDS.has(word.toLowerCase()) ? word : '…'));
  return words
    .filter((word, i) => word !== '…' || words[i - 1] !== '…')
    .join(' ')
    .slice(0, 40);
}

const typeOf = (typeName: string | undefined) =>
  typeName === undefined ? 'missing' : TYPES.has(typeName.toUpperCase()) ? typeName : '<other>';

/** Per path, each value seen and how often; `relink reads as` says what Relink makes of each record. */
export function auditWording(records: unknown[]): FieldCheck['values'] {
  const values: FieldCheck['values'] = {};
  const count = (path: string, value: string) => {
    const counts = (values[path] ??= {});
    counts[value] = (counts[value] ?? 0) + 1;
  };
  for (const raw of records) {
    const record = AuditRecordSchema.safeParse(raw);
    if (!record.success) continue;
    const { summary, category, objectItem, associatedItems } = record.data;
    count('records[].summary', vocabularyOnly(summary));
    count('records[].category', vocabularyOnly(category));
    count('records[].objectItem.typeName', typeOf(objectItem?.typeName));
    for (const item of associatedItems) count('records[].associatedItems[].typeName', typeOf(item.typeName));
    const kind =
      auditKindOf(summary) ??
      (objectItem?.typeName?.toUpperCase() === AUDIT_GROUP_TYPE && isGroupDeletion(summary) ? 'group-deleted' : null);
    const aboutUser = objectItem?.typeName?.toUpperCase() === AUDIT_USER_TYPE;
    count(
      'relink reads as',
      kind ? `${kind}${aboutUser || kind === 'group-deleted' ? '' : ' (object not a user)'}` : 'not used',
    );
  }
  return values;
}

/** What the tally tells that Relink's assumptions may not hold. */
export function noticeAuditWording(values: FieldCheck['values']): string[] {
  const read = values['relink reads as'] ?? {};
  const total = Object.values(read).reduce((a, b) => a + b, 0);
  const used = total - (read['not used'] ?? 0);
  const notes: string[] = [];
  if (total > 0 && used === 0)
    notes.push(`none of ${total} records worded as Relink expects: a page load’s check for changes may miss removals`);
  if (Object.keys(read).some((k) => k.endsWith('(object not a user)')))
    notes.push('records about a user whose object is not the user: Relink cannot tell who they are about');
  return notes;
}
