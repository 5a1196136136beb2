import { describe, expect, it } from 'vitest';
import { chooseGroupStrategy } from '@/utils/engine/group-evidence';

describe('chooseGroupStrategy', () => {
  it('reads users one by one when few are inactive, and whole groups when many are', () => {
    expect(chooseGroupStrategy({ inactivePeople: 5, people: 300, groups: 12 })).toBe('per-user');
    expect(chooseGroupStrategy({ inactivePeople: 5000, people: 50_000, groups: 40 })).toBe('per-group');
    expect(chooseGroupStrategy({ inactivePeople: 900, people: 1000, groups: 10 })).toBe('per-group');
  });
});
