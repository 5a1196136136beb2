/**
 * What an action will do, before it does anything: the exact calls, in order (docs/atlassian.md §6).
 * Pure: the admin sees this as a dry run, and execute.ts runs exactly these steps.
 */
import type { EvidenceSource, Proposal } from '../domain/records';
import { grantsAdmin } from './admin-groups';
import type { UserState } from './classify';

export interface GroupTarget {
  groupId: string;
  name: string;
}

export type Step =
  | { kind: 'add-to-site'; email: string; products: string[] }
  | { kind: 'add-to-group'; group: GroupTarget }
  | { kind: 'remove-from-group'; group: GroupTarget }
  | { kind: 'org-restore'; orgId: string }
  | { kind: 'enable-account' }
  | {
      kind: 'verify';
      /** null: not checked */ active: boolean | null;
      inGroups: GroupTarget[];
      notInGroups: GroupTarget[];
    };

export interface PlannedStep {
  step: Step;
  /** For the admin: "Re-add to acme.atlassian.net with Jira Software". */
  summary: string;
  /** The request, for the dry run and the audit log. */
  call: string;
}

export interface Subject {
  site: string;
  accountId: string;
  displayName: string;
  state: UserState;
  email: string | null;
  rememberedGroups: GroupTarget[];
  /** The groups the user is in now (empty for a removed user). */
  currentGroups: GroupTarget[];
}

export interface SiteProduct {
  key: string;
  name: string;
  defaultGroups: string[];
  /** `applicationrole.selectedByDefault`: the last source Relink asks for a removed user's products. */
  selectedByDefault?: boolean;
}

/**
 * What the admin confirms for a reactivation, preselected and changeable: every product of the site
 * (those chosen with their source), every group proposed (with its source, whether it grants admin
 * rights, and whether it is given), and what no source told.
 */
interface Choices {
  products: { key: string; name: string; chosen: boolean; source: EvidenceSource | null }[];
  groups: (GroupTarget & { source: EvidenceSource; admin: boolean; given: boolean })[];
  notes: string[];
}

export type Plan =
  | {
      kind: 'plan';
      action: 'reactivate' | 'group-add' | 'group-remove';
      subject: Subject;
      steps: PlannedStep[];
      notes: string[];
      /** Remembered groups that grant admin rights and are not given back unless the admin ticks them. */
      withheld: GroupTarget[];
      /** A reactivation's products and groups, each with its source, for the admin to change. */
      choices?: Choices;
    }
  | {
      kind: 'needs-input';
      subject: Subject;
      missing: 'email' | 'products';
      message: string;
      products?: SiteProduct[];
      choices?: Choices;
    }
  | { kind: 'refused'; subject: Subject; reason: string };

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

function step(step: Step, site: string, accountId: string): PlannedStep {
  const id = encodeURIComponent(accountId);
  switch (step.kind) {
    case 'add-to-site':
      return {
        step,
        summary: `Re-add to ${site} with ${step.products.join(', ')}`,
        call: `POST https://${site}/rest/api/3/user {"emailAddress":"${step.email}","products":${JSON.stringify(step.products)}}`,
      };
    case 'add-to-group':
      return {
        step,
        summary: `Add to group ${step.group.name}`,
        call: `POST https://${site}/rest/api/3/group/user?groupId=${step.group.groupId} {"accountId":"${accountId}"}`,
      };
    case 'remove-from-group':
      return {
        step,
        summary: `Remove from group ${step.group.name}`,
        call: `DELETE https://${site}/rest/api/3/group/user?groupId=${step.group.groupId}&accountId=${id}`,
      };
    case 'org-restore':
      return {
        step,
        summary: 'Restore the suspended access (org API)',
        call: `POST https://api.atlassian.com/admin/v2/orgs/${step.orgId}/directories/-/users/${id}/restore`,
      };
    case 'enable-account':
      return {
        step,
        summary: 'Activate the deactivated account (org API)',
        call: `POST https://api.atlassian.com/users/${id}/manage/lifecycle/enable`,
      };
    case 'verify':
      return {
        step,
        summary: 'Read the user back and check the result',
        call: `GET https://${site}/rest/api/3/user?accountId=${id}&expand=groups`,
      };
  }
}

/** The products whose default groups the user was in: what they had before removal. */
export function productsFromGroups(groups: GroupTarget[], products: SiteProduct[]): string[] {
  const names = new Set(groups.map((g) => g.name));
  return products.filter((p) => p.defaultGroups.some((g) => names.has(g))).map((p) => p.key);
}

export function planReactivation(input: {
  subject: Subject;
  siteProducts: SiteProduct[];
  /** The org whose API key covers this site, or null: no key, or a key for another org. */
  orgId: string | null;
  email?: string;
  /** Ids of remembered admin-granting groups the admin ticked to give back. */
  adminGroups?: string[];
  /** Ids of proposed groups (not granting admin rights) the admin unticked. */
  skipGroups?: string[];
  products?: string[];
  /** What the user had, each with its source (what-they-had.ts); without it, Relink's snapshot alone. */
  proposal?: Proposal;
  /** Continuing a reactivation that was interrupted: an active user still gets their missing groups back. */
  resume?: boolean;
}): Plan {
  const { subject, siteProducts, orgId } = input;
  const proposal = input.proposal ?? snapshotProposal(subject, siteProducts);
  const ticked = new Set(input.adminGroups ?? []);
  const skipped = new Set(input.skipGroups ?? []);
  const isGiven = (g: GroupTarget) => (grantsAdmin(g) ? ticked.has(g.groupId) : !skipped.has(g.groupId));
  const given = proposal.groups.filter(isGiven).map(({ groupId, name }) => ({ groupId, name }));
  const withheld = proposal.groups
    .filter((g) => grantsAdmin(g) && !ticked.has(g.groupId))
    .map(({ groupId, name }) => ({ groupId, name }));
  const make = (steps: Step[], notes: string[] = [], choices?: Choices): Plan => ({
    kind: 'plan',
    action: 'reactivate',
    subject,
    steps: steps.map((s) => step(s, subject.site, subject.accountId)),
    notes,
    withheld,
    ...(choices ? { choices } : {}),
  });
  switch (subject.state) {
    case 'hidden':
      break;
    case 'active': {
      const have = new Set(subject.currentGroups.map((g) => g.groupId));
      const missing = given.filter((g) => !have.has(g.groupId));
      if (input.resume && missing.length > 0) {
        return make(
          [
            ...missing.map((group): Step => ({ kind: 'add-to-group', group })),
            { kind: 'verify', active: true, inGroups: given, notInGroups: [] },
          ],
          ['Continuing a reactivation: the user is back on the site; the groups they had follow.'],
        );
      }
      return { kind: 'refused', subject, reason: `${subject.displayName} is already active on ${subject.site}.` };
    }
    case 'suspended':
      return orgId
        ? make(
            [
              { kind: 'org-restore', orgId },
              { kind: 'verify', active: true, inGroups: [], notInGroups: [] },
            ],
            ['Restoring gives back the same roles and groups.'],
          )
        : {
            kind: 'refused',
            subject,
            reason:
              'This user is suspended, not removed: their groups are kept. Use “Restore access” on the user list, or add an org API key in Relink’s options to restore from here.',
          };
    case 'deactivated':
      return orgId
        ? make(
            [{ kind: 'enable-account' }, { kind: 'verify', active: true, inGroups: [], notInGroups: [] }],
            ['Only managed accounts (your verified domains) can be activated this way.'],
          )
        : {
            kind: 'refused',
            subject,
            reason:
              'This account is deactivated by your organization. Activate it in admin.atlassian.com (Managed accounts), or add an org API key in Relink’s options.',
          };
    case 'suspended-or-deactivated':
      return {
        kind: 'refused',
        subject,
        reason:
          'This user still has their groups, so they were suspended or their account deactivated, not removed. Use “Restore access” on the user list, or add an org API key so Relink can tell which and act.',
      };
    case 'former':
      return {
        kind: 'refused',
        subject,
        reason:
          'This account was closed (a “Former user”): it cannot be reactivated. Invite the person again with a new account.',
      };
    case 'app':
      return {
        kind: 'refused',
        subject,
        reason: 'This is an app account, managed by its app, not a person to reactivate.',
      };
    case 'customer':
      return {
        kind: 'refused',
        subject,
        reason:
          'This is a Jira Service Management customer account: manage it in the service project’s customers, not here.',
      };
    case 'unknown':
      return {
        kind: 'refused',
        subject,
        reason: 'Relink cannot tell this user’s state yet: rescan the site, then try again.',
      };
  }

  const email = (input.email ?? subject.email ?? '').trim();
  if (!email) {
    return {
      kind: 'needs-input',
      subject,
      missing: 'email',
      message: `Atlassian hides ${subject.displayName}’s email address, and re-adding a user needs it. Enter it to continue; Relink never guesses.`,
    };
  }
  if (!EMAIL.test(email))
    return { kind: 'needs-input', subject, missing: 'email', message: `“${email}” is not an email address.` };

  const known = new Set(siteProducts.map((p) => p.key));
  const proposed = new Map(proposal.products.map((p) => [p.key, p.source]));
  const products = (input.products ?? proposal.products.map((p) => p.key)).filter((p) => known.has(p));
  const choices: Choices = {
    products: siteProducts.map((p) => ({
      key: p.key,
      name: p.name,
      chosen: products.includes(p.key),
      source: products.includes(p.key) ? (proposed.get(p.key) ?? ADMIN_CHOICE) : null,
    })),
    groups: proposal.groups.map((g) => ({ ...g, admin: grantsAdmin(g), given: isGiven(g) })),
    notes: proposal.notes,
  };
  if (products.length === 0) {
    return {
      kind: 'needs-input',
      subject,
      missing: 'products',
      message: `Relink does not know which products ${subject.displayName} had. Choose at least one.`,
      products: siteProducts,
      choices,
    };
  }
  const automatic = new Set(siteProducts.filter((p) => products.includes(p.key)).flatMap((p) => p.defaultGroups));
  const toAdd = given.filter((g) => !automatic.has(g.name));
  const notes =
    proposal.groups.length === 0
      ? ['Relink has no record of this user’s groups: only the products’ default groups will be given.']
      : [];
  return make(
    [
      { kind: 'add-to-site', email, products },
      ...toAdd.map((group): Step => ({ kind: 'add-to-group', group })),
      { kind: 'verify', active: true, inGroups: given, notInGroups: [] },
    ],
    notes,
    choices,
  );
}

const ADMIN_CHOICE: EvidenceSource = { kind: 'admin', at: null, label: 'Your choice' };

/** Without Atlassian's records: what Relink's snapshot remembers, and the products its groups imply. */
function snapshotProposal(subject: Subject, siteProducts: SiteProduct[]): Proposal {
  const source: EvidenceSource = { kind: 'snapshot', at: null, label: 'Relink’s snapshot' };
  return {
    groups: subject.rememberedGroups.map((g) => ({ ...g, source })),
    products: productsFromGroups(subject.rememberedGroups, siteProducts).map((key) => ({ key, source })),
    notes: [],
  };
}

export function planGroupChange(input: { subject: Subject; op: 'add' | 'remove'; group: GroupTarget }): Plan {
  const { subject, op, group } = input;
  if (subject.state === 'hidden' && op === 'add') {
    return {
      kind: 'refused',
      subject,
      reason: `${subject.displayName} is removed from ${subject.site}: Atlassian refuses group changes until they are re-added. Reactivate them first; their remembered groups come back with them.`,
    };
  }
  if (subject.state === 'former' || subject.state === 'app' || subject.state === 'customer') {
    return {
      kind: 'refused',
      subject,
      reason: 'Relink only changes the groups of people with an Atlassian account on this site.',
    };
  }
  const first: Step = op === 'add' ? { kind: 'add-to-group', group } : { kind: 'remove-from-group', group };
  const verify: Step = {
    kind: 'verify',
    active: null,
    inGroups: op === 'add' ? [group] : [],
    notInGroups: op === 'remove' ? [group] : [],
  };
  return {
    kind: 'plan',
    action: op === 'add' ? 'group-add' : 'group-remove',
    subject,
    steps: [first, verify].map((s) => step(s, subject.site, subject.accountId)),
    notes: [],
    withheld: [],
  };
}
