/**
 * Which state of docs/atlassian.md §2 a site user is in, with the reason shown to the admin and how
 * sure Relink is. The org directory (with an org API key) settles it; without one, Relink
 * combines Jira's signals: removal strips a user's groups, suspension keeps them [assumed].
 */
import type { DirectoryUser, JiraUser } from '../atlassian/schemas';
import { plural, t, type MessageKey } from '../i18n';

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
  if (user.accountType === 'app') return { state: 'app', reason: t('reason.app'), certainty: 'certain' };
  if (user.accountType === 'customer')
    return {
      state: 'customer',
      reason: t('reason.customer'),
      certainty: 'certain',
    };
  if (user.accountId === 'unknown' || user.accountType === 'unknown') {
    return {
      state: 'unknown',
      reason: t('reason.corrupted'),
      certainty: 'unsure',
    };
  }
  if (user.active) return { state: 'active', reason: t('reason.active'), certainty: 'certain' };
  if (directory) return fromDirectory(directory, groupCount);

  if (user.displayName === 'Former user' && !user.emailAddress && (groupCount ?? 0) === 0) {
    return {
      state: 'former',
      reason: t('reason.former'),
      certainty: 'likely',
    };
  }
  if (groupCount === null) return { state: 'unknown', reason: t('reason.groupsUnread'), certainty: 'unsure' };
  if (groupCount === 0)
    // A record without an account type may be an app or a customer: listed, for the admin to review (docs/atlassian.md §8).
    return user.accountType === 'missing'
      ? {
          state: 'hidden',
          reason: t('reason.noGroupUntyped'),
          certainty: 'unsure',
        }
      : {
          state: 'hidden',
          reason: t('reason.noGroup'),
          certainty: 'likely',
        };
  return {
    state: 'suspended-or-deactivated',
    reason: plural('reason.inGroups', groupCount),
    certainty: 'likely',
  };
}

function fromDirectory(d: DirectoryUser, groupCount: number | null): Verdict {
  if (d.accountStatus === 'closed') return { state: 'former', reason: t('reason.dirClosed'), certainty: 'certain' };
  if (d.accountStatus === 'inactive')
    return { state: 'deactivated', reason: t('reason.dirInactive'), certainty: 'certain' };
  if (d.membershipStatus === 'suspended')
    return { state: 'suspended', reason: t('reason.dirSuspended'), certainty: 'certain' };
  if (d.membershipStatus === 'no_membership')
    return { state: 'hidden', reason: t('reason.dirNoMembership'), certainty: 'certain' };
  // membershipStatus is org-wide: "active" may mean access to another site of the org.
  if (groupCount === 0) {
    return {
      state: 'hidden',
      reason: t('reason.dirElsewhere'),
      certainty: 'likely',
    };
  }
  return {
    state: 'suspended-or-deactivated',
    reason: t('reason.dirOther', { status: d.membershipStatus }),
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
