/**
 * What an action will do, before it does anything: the exact calls, in order (docs/atlassian.md §6).
 * Pure: the admin sees this as a dry run, and execute.ts runs exactly these steps.
 */
import type { EvidenceSource, Proposal } from '../domain/records';
import { formatList, t } from '../i18n';
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
        summary: t('plan.stepReAdd', { site, productNames: formatList(step.products) }),
        call: `POST https://${site}/rest/api/3/user {"emailAddress":"${step.email}","products":${JSON.stringify(step.products)}}`,
      };
    case 'add-to-group':
      return {
        step,
        summary: t('plan.stepAddToGroup', { groupName: step.group.name }),
        call: `POST https://${site}/rest/api/3/group/user?groupId=${step.group.groupId} {"accountId":"${accountId}"}`,
      };
    case 'remove-from-group':
      return {
        step,
        summary: t('plan.stepRemoveFromGroup', { groupName: step.group.name }),
        call: `DELETE https://${site}/rest/api/3/group/user?groupId=${step.group.groupId}&accountId=${id}`,
      };
    case 'org-restore':
      return {
        step,
        summary: t('plan.stepRestore'),
        call: `POST https://api.atlassian.com/admin/v2/orgs/${step.orgId}/directories/-/users/${id}/restore`,
      };
    case 'enable-account':
      return {
        step,
        summary: t('plan.stepEnable'),
        call: `POST https://api.atlassian.com/users/${id}/manage/lifecycle/enable`,
      };
    case 'verify':
      return {
        step,
        summary: t('plan.stepVerify'),
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
          [t('plan.continuing')],
        );
      }
      return {
        kind: 'refused',
        subject,
        reason: t('plan.alreadyActive', { name: subject.displayName, site: subject.site }),
      };
    }
    case 'suspended':
      return orgId
        ? make(
            [
              { kind: 'org-restore', orgId },
              { kind: 'verify', active: true, inGroups: [], notInGroups: [] },
            ],
            [t('plan.restoring')],
          )
        : {
            kind: 'refused',
            subject,
            reason: t('plan.refusedSuspended'),
          };
    case 'deactivated':
      return orgId
        ? make(
            [{ kind: 'enable-account' }, { kind: 'verify', active: true, inGroups: [], notInGroups: [] }],
            [t('plan.managedOnly')],
          )
        : {
            kind: 'refused',
            subject,
            reason: t('plan.refusedDeactivated'),
          };
    case 'suspended-or-deactivated':
      return {
        kind: 'refused',
        subject,
        reason: t('plan.refusedEither'),
      };
    case 'former':
      return {
        kind: 'refused',
        subject,
        reason: t('plan.refusedFormer'),
      };
    case 'app':
      return {
        kind: 'refused',
        subject,
        reason: t('plan.refusedApp'),
      };
    case 'customer':
      return {
        kind: 'refused',
        subject,
        reason: t('plan.refusedCustomer'),
      };
    case 'unknown':
      return {
        kind: 'refused',
        subject,
        reason: t('plan.refusedUnknown'),
      };
  }

  const email = (input.email ?? subject.email ?? '').trim();
  if (!email) {
    return {
      kind: 'needs-input',
      subject,
      missing: 'email',
      message: t('plan.needsEmail', { name: subject.displayName }),
    };
  }
  if (!EMAIL.test(email))
    return { kind: 'needs-input', subject, missing: 'email', message: t('plan.notAnEmail', { email }) };

  const known = new Set(siteProducts.map((p) => p.key));
  const proposed = new Map(proposal.products.map((p) => [p.key, p.source]));
  const products = (input.products ?? proposal.products.map((p) => p.key)).filter((p) => known.has(p));
  const choices: Choices = {
    products: siteProducts.map((p) => ({
      key: p.key,
      name: p.name,
      chosen: products.includes(p.key),
      source: products.includes(p.key) ? (proposed.get(p.key) ?? adminChoice()) : null,
    })),
    groups: proposal.groups.map((g) => ({ ...g, admin: grantsAdmin(g), given: isGiven(g) })),
    notes: proposal.notes,
  };
  if (products.length === 0) {
    return {
      kind: 'needs-input',
      subject,
      missing: 'products',
      message: t('plan.needsProducts', { name: subject.displayName }),
      products: siteProducts,
      choices,
    };
  }
  const automatic = new Set(siteProducts.filter((p) => products.includes(p.key)).flatMap((p) => p.defaultGroups));
  const toAdd = given.filter((g) => !automatic.has(g.name));
  const notes = proposal.groups.length === 0 ? [t('plan.noGroupRecord')] : [];
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

const adminChoice = (): EvidenceSource => ({ kind: 'admin', at: null, label: t('source.admin') });

/** Without Atlassian's records: what Relink's snapshot remembers, and the products its groups imply. */
function snapshotProposal(subject: Subject, siteProducts: SiteProduct[]): Proposal {
  const source: EvidenceSource = { kind: 'snapshot', at: null, label: t('source.snapshot') };
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
      reason: t('plan.refusedGroupHidden', { name: subject.displayName, site: subject.site }),
    };
  }
  if (subject.state === 'former' || subject.state === 'app' || subject.state === 'customer') {
    return {
      kind: 'refused',
      subject,
      reason: t('plan.refusedGroupNotPerson'),
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
