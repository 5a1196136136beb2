import { describe, expect, it } from 'vitest';
import { productsFromGroups } from '@/utils/engine/plan';

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
