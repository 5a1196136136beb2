/**
 * Which state of docs/atlassian.md §2 a site user is in, with the reason shown to the admin and how
 * sure Relink is. The org directory (with an org API key) settles it; without one, Relink
 * combines Jira's signals: removal strips a user's groups, suspension keeps them [assumed].
 */
import type { DirectoryUser, JiraUser } from '../atlassian/schemas';
import type { MessageKey } from '../i18n';

export type UserState =
  | 'active'
  | 'suspended'
  | 'deactivated'
  | 'suspended-or-deactivated'
  | 'hidden'
  | 'former'
  | 'app'
  | 'customer'
  | 'unknown';
type Certainty = 'certain' | 'likely' | 'unsure';

export interface Verdict {
  state: UserState;
  reason: string;
  certainty: Certainty;
}

export interface Evidence {
  user: Pick<JiraUser, 'accountId' | 'accountType' | 'active' | 'displayName' | 'emailAddress'>;
  /** How many groups the user is in on this site; null when Relink has not read them. */
  groupCount: number | null;
  /** The org directory's record: undefined without an org key, null when the directory does not list the user. */
  directory?: DirectoryUser | null;
}

export function classify({ user, groupCount, directory }: Evidence): Verdict {
  if (user.accountType === 'app')
    return { state: 'app', reason: 'app account (accountType: app), not a person', certainty: 'certain' };
  if (user.accountType === 'customer')
    return {
      state: 'customer',
      reason: 'Jira Service Management customer (accountType: customer)',
      certainty: 'certain',
    };
  if (user.accountId === 'unknown' || user.accountType === 'unknown') {
    return {
      state: 'unknown',
      reason: 'Atlassian returned a corrupted or unavailable user record',
      certainty: 'unsure',
    };
  }
  if (user.active) return { state: 'active', reason: 'active on this site', certainty: 'certain' };
  if (directory) return fromDirectory(directory, groupCount);

  if (user.displayName === 'Former user' && !user.emailAddress && (groupCount ?? 0) === 0) {
    return {
      state: 'former',
      reason: 'inactive “Former user” with no email: the account was closed',
      certainty: 'likely',
    };
  }
  if (groupCount === null)
    return { state: 'unknown', reason: 'inactive; Relink has not read this user’s groups yet', certainty: 'unsure' };
  if (groupCount === 0)
    // A record without an account type may be an app or a customer: listed, for the admin to review (docs/atlassian.md §8).
    return user.accountType === 'missing'
      ? {
          state: 'hidden',
          reason:
            'inactive and in no site group, but Atlassian did not say the account type: review before reactivating',
          certainty: 'unsure',
        }
      : {
          state: 'hidden',
          reason: 'inactive and in no site group: removed from the site, account alive',
          certainty: 'likely',
        };
  return {
    state: 'suspended-or-deactivated',
    reason: `inactive but still in ${groupCount} site group${groupCount === 1 ? '' : 's'}: suspended or deactivated, not removed`,
    certainty: 'likely',
  };
}

function fromDirectory(d: DirectoryUser, groupCount: number | null): Verdict {
  if (d.accountStatus === 'closed')
    return { state: 'former', reason: 'org directory: account closed', certainty: 'certain' };
  if (d.accountStatus === 'inactive')
    return { state: 'deactivated', reason: 'org directory: account deactivated', certainty: 'certain' };
  if (d.membershipStatus === 'suspended')
    return { state: 'suspended', reason: 'org directory: access suspended', certainty: 'certain' };
  if (d.membershipStatus === 'no_membership')
    return { state: 'hidden', reason: 'org directory: no_membership, account active', certainty: 'certain' };
  // membershipStatus is org-wide: "active" may mean access to another site of the org.
  if (groupCount === 0) {
    return {
      state: 'hidden',
      reason: 'org directory: active elsewhere in the org; on this site inactive and in no group',
      certainty: 'likely',
    };
  }
  return {
    state: 'suspended-or-deactivated',
    reason: `org directory: ${d.membershipStatus}; inactive on this site`,
    certainty: 'unsure',
  };
}

/** The states Relink counts and shows, in display order, each with its label's message (`t(STATE_MESSAGES[s])`). */
export const STATE_MESSAGES = {
  hidden: 'state.hidden',
  active: 'state.active',
  suspended: 'state.suspended',
  deactivated: 'state.deactivated',
  'suspended-or-deactivated': 'state.suspendedOrDeactivated',
  former: 'state.former',
  app: 'state.app',
  customer: 'state.customer',
  unknown: 'state.unknown',
} as const satisfies Record<UserState, MessageKey>;
