/** The field check's reading of audit-log wording (utils/background/field-check-audit.ts): words of a vocabulary only, and how Relink reads each record. */
import { describe, expect, it } from 'vitest';
import { auditWording, noticeAuditWording, vocabularyOnly } from '@/utils/background/field-check-audit';

const record = (summary: string, objectType: string, category = 'group management', id = 1) => ({
  id,
  summary,
  category,
  created: '2026-11-01T10:00:00.000+0000',
  objectItem: { id: '5b10ac8d82e05b22cc7d4e06', name: 'Rae Removed', typeName: objectType },
  associatedItems: [{ id: 'aaaaaaaa-0000', name: 'team-alpha', typeName: 'GROUP' }],
});

describe('audit wording in the field check', () => {
  it('keeps the words of its vocabulary and turns any other into …', () => {
    expect(vocabularyOnly('User removed from group')).toBe('User removed from group');
    expect(vocabularyOnly('Rae Smith removed from team-alpha')).toBe('… removed from …');
    expect(vocabularyOnly('User rae@tiny.example.com was deleted by Sam Smith')).toBe('User … was deleted by …');
  });

  it('counts how Relink reads each record, and says when none is worded as it expects', () => {
    const values = auditWording([
      record('User removed from group', 'USER'),
      record('User removed from site', 'USER', 'user management', 2),
      record('Project created', 'PROJECT', 'projects', 3),
      { id: 4, summary: 'broken' },
    ]);
    expect(values['relink reads as']).toEqual({ 'group-removed': 1, 'site-removed': 1, 'not used': 1 });
    expect(values['records[].objectItem.typeName']).toEqual({ USER: 2, PROJECT: 1 });
    expect(values['records[].associatedItems[].typeName']).toEqual({ GROUP: 3 });
    expect(noticeAuditWording(values)).toEqual([]);

    const reworded = auditWording([record('Member removed from directory group', 'USER')]);
    expect(reworded['records[].summary']).toEqual({ 'Member removed from directory group': 1 });
    expect(noticeAuditWording(reworded)).toEqual([
      'none of 1 records worded as Relink expects: a page load’s check for changes may miss removals',
    ]);
  });

  it('notices records about a user whose object is something else', () => {
    expect(noticeAuditWording(auditWording([record('User added to group', 'GROUP')]))).toEqual([
      'records about a user whose object is not the user: Relink cannot tell who they are about',
    ]);
  });

  it('keeps no name, email, id or group name', () => {
    const text = JSON.stringify(auditWording([record('User Rae Removed removed from team-alpha', 'USER')]));
    for (const secret of ['Rae', 'team-alpha', '5b10ac8d', 'aaaaaaaa']) expect(text).not.toContain(secret);
  });
});
