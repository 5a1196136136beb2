/** Remembering users' groups (pure operations on a SnapshotStore). */
import type { GroupRef } from '../atlassian/schemas';
import type { SnapshotStore } from '../domain/records';

export function remember(store: SnapshotStore, accountId: string, groups: GroupRef[], day: string): void {
  if (groups.length === 0) return; // keep what we knew: a removed user's empty group list is the loss we undo
  const indexes = groups
    .filter((g): g is GroupRef & { groupId: string } => g.groupId !== null)
    .map((g) => {
      const index = store.groups.findIndex((known) => known.groupId === g.groupId);
      const known = store.groups[index];
      if (!known) return store.groups.push({ groupId: g.groupId, name: g.name }) - 1;
      known.name = g.name;
      return index;
    });
  store.members[accountId] = [indexes, day];
}

export function recall(
  store: SnapshotStore,
  accountId: string,
): { groups: { groupId: string; name: string }[]; seenOn: string | null } {
  const entry = store.members[accountId];
  if (!entry) return { groups: [], seenOn: null };
  return { groups: entry[0].map((i) => store.groups[i]).filter((g) => g !== undefined), seenOn: entry[1] };
}
