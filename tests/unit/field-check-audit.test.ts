/** The field check's reading of the audit log (utils/background/field-check-audit.ts): how Relink reads each record, and nothing that names anyone. */
import { describe, expect, it } from 'vitest';
import { auditWording, noticeAuditWording, vocabularyOnly } from '@/utils/background/field-check-audit';

const record = (
  summary: string,
  objectType: string,
  options: { category?: string; id?: number; group?: string; object?: string } = {},
) => ({
  id: options.id ?? 1,
  summary,
  category: options.category ?? 'group management',
  created: '2026-11-01T10:00:00.000+0000',
  authorAccountId: '5b10ac8d82e05b22cc7d4e01',
  objectItem: { id: '5b10ac8d82e05b22cc7d4e06', name: options.object ?? 'Rae Smith', typeName: objectType },
  associatedItems: [{ id: 'aaaaaaaa-0000', name: options.group ?? 'team-alpha', typeName: 'GROUP' }],
});

describe('the audit log in the field check', () => {
  it('keeps lower-case words of its vocabulary and turns any other into …', () => {
    expect(vocabularyOnly('User removed from group')).toBe('user removed from group');
    expect(vocabularyOnly('Rae Smith removed from team-alpha')).toBe('… removed from …');
    expect(vocabularyOnly('User rae@tiny.example.com was deleted by Sam Smith')).toBe('user … was deleted by …');
    expect(vocabularyOnly('  ')).toBe('(empty)');
  });

  it('counts what the digest takes from each record and whom the check for changes reads again', () => {
    const values = auditWording([
      record('User removed from group', 'USER'),
      record('User removed from site', 'USER', { category: 'user management', id: 2 }),
      record('Project created', 'PROJECT', { category: 'projects', id: 3 }),
      { id: 'not a number', summary: 'broken' },
    ]);
    expect(values['relink reads as']).toEqual({
      'group-removed': 1,
      'site-removed': 1,
      'not used': 1,
      unreadable: 1,
    });
    expect(values['check for changes reads again']).toEqual({ 'the user it is about': 2, 'no one': 1 });
    expect(values['records[].objectItem.typeName']).toEqual({ USER: 2, PROJECT: 1 });
    expect(values['records[].associatedItems[].typeName']).toEqual({ GROUP: 3 });
    expect(noticeAuditWording(values)).toEqual([]);
  });

  it('says when no record is worded as Relink reads them', () => {
    const reworded = auditWording([record('Member removed from directory group', 'USER')]);
    expect(reworded['records[].summary']).toEqual({ 'member removed from directory group': 1 });
    expect(reworded['check for changes reads again']).toEqual({ 'the user it is about': 1 });
    expect(noticeAuditWording(reworded)).toEqual([
      'none of 1 records worded as Relink reads them: who removed a user, and the groups they lost, will not come from this log',
    ]);
  });

  it('notices a user change it cannot use: the object not a user, or no group named', () => {
    const values = auditWording([
      record('User added to group', 'GROUP'),
      { ...record('User removed from group', 'USER', { id: 2 }), associatedItems: [] },
    ]);
    expect(values['relink reads as']).toEqual({ 'group-added, unused': 1, 'group-removed, unused': 1 });
    expect(noticeAuditWording(values)).toContain(
      'records of a user change whose object is not a user with an id, or without a group or a time Relink can read',
    );
  });

  it('keeps no name, email, id or group name, even one made of its own words', () => {
    const text = JSON.stringify(
      auditWording([
        record('User Rae Smith removed from team-alpha', 'USER'),
        record('User added to group Jira Administrators', 'USER', { group: 'Jira Administrators', id: 2 }),
        record('Access granted to Global Security', 'USER', { object: 'Global Security', id: 3 }),
        {
          ...record('User updated', 'uſer', { id: 4 }),
          changedValues: [{ changedFrom: 'Old Name', changedTo: 'An Admin' }],
        },
      ]),
    );
    for (const secret of [
      'rae',
      'team-alpha',
      '5b10ac8d',
      'aaaaaaaa',
      'administrators',
      'global',
      'security',
      'an admin',
      'uſer',
    ])
      expect(text.toLowerCase()).not.toContain(secret);
    expect(text).toContain('"user added to group …"');
  });
});
