import { describe, expect, it } from 'vitest';
import type { SnapshotStore } from '@/utils/domain/records';
import { recall, remember } from '@/utils/engine/snapshots';

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
