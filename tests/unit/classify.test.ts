import { describe, expect, it } from 'vitest';
import { classify, type Evidence } from '@/utils/engine/classify';

const person = (overrides: Partial<Evidence['user']> = {}): Evidence['user'] => ({
  accountId: '5b10ac8d82e05b22cc7d4e06',
  accountType: 'atlassian',
  active: false,
  displayName: 'Rae Removed',
  emailAddress: 'rae@example.com',
  ...overrides,
});
const group = { name: 'team-alpha', groupId: 'g1' };
const dir = (accountStatus: string, membershipStatus: string) => ({
  accountId: 'x',
  accountType: 'atlassian' as const,
  accountStatus,
  membershipStatus,
  email: null,
});

describe('classify without an org key', () => {
  it('calls an inactive person in no group hidden, and says why', () => {
    expect(classify({ user: person(), groupCount: 0 })).toEqual({
      state: 'hidden',
      reason: 'inactive and in no site group: removed from the site, account alive',
      certainty: 'likely',
    });
  });

  it('does not call an inactive person who keeps groups hidden', () => {
    expect(classify({ user: person(), groupCount: 1 })).toMatchObject({
      state: 'suspended-or-deactivated',
      reason: expect.stringContaining('1 site group:'),
    });
  });

  it('needs groups before judging an inactive person', () => {
    expect(classify({ user: person(), groupCount: null })).toMatchObject({ state: 'unknown', certainty: 'unsure' });
  });

  it('recognises closed accounts, apps, customers and corrupted records', () => {
    expect(classify({ user: person({ displayName: 'Former user', emailAddress: null }), groupCount: 0 }).state).toBe(
      'former',
    );
    expect(classify({ user: person({ accountType: 'app', active: true }), groupCount: null }).state).toBe('app');
    expect(classify({ user: person({ accountType: 'customer' }), groupCount: 0 }).state).toBe('customer');
    expect(classify({ user: person({ accountId: 'unknown' }), groupCount: 0 }).state).toBe('unknown');
    expect(classify({ user: person({ accountType: 'unknown' }), groupCount: 0 }).state).toBe('unknown');
  });

  it('calls an active user active whatever else is known', () => {
    expect(classify({ user: person({ active: true }), groupCount: 0 }).state).toBe('active');
  });
});

describe('classify with the org directory', () => {
  it.each([
    [dir('active', 'no_membership'), [], 'hidden', 'certain'],
    [dir('active', 'suspended'), [group], 'suspended', 'certain'],
    [dir('inactive', 'active'), [group], 'deactivated', 'certain'],
    [dir('closed', 'no_membership'), [], 'former', 'certain'],
    [dir('active', 'active'), [], 'hidden', 'likely'],
    [dir('active', 'active'), [group], 'suspended-or-deactivated', 'unsure'],
  ] as const)('%o with groups %o → %s (%s)', (directory, groups, state, certainty) => {
    expect(classify({ user: person(), groupCount: groups.length, directory })).toMatchObject({ state, certainty });
  });
});
