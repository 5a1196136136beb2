/**
 * The shape of a scenario: the whole simulated Atlassian world, as data.
 * Hand-written scenarios are JSON files in this folder; generated ones come from generate.ts.
 * A scenario that references something it does not define is rejected whole (buildWorld).
 */
import { z } from 'zod';
import { FaultsSchema } from '../http/faults-schema';

const SiteName = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'a site name is the NAME in NAME.atlassian.net');
const AccountId = z.string().min(1).max(128);
export const PRODUCT_KEYS = ['jira-software', 'jira-servicedesk', 'jira-core', 'jira-product-discovery'] as const;
const ProductKey = z.enum(PRODUCT_KEYS);

export const AccountSpec = z.object({
  accountId: AccountId,
  accountType: z.enum(['atlassian', 'app', 'customer']).default('atlassian'),
  displayName: z.string(),
  email: z.string().nullable().default(null),
  /** Profile visibility: false means the Jira REST API omits emailAddress (docs/atlassian.md §3 Privacy). */
  emailVisible: z.boolean().default(true),
  /** active | inactive (managed account deactivated) | closed (GDPR-deleted, "Former user"). */
  status: z.enum(['active', 'inactive', 'closed']).default('active'),
  /** Managed by the org (claimed domain): only these can be enabled/disabled through the lifecycle API. */
  managed: z.boolean().default(false),
  lastActive: z.string().nullable().default(null),
});

export const SiteSpec = z.object({
  name: SiteName,
  cloudId: z.uuid(),
  title: z.string().optional(),
  /** Centralized user management (admin.atlassian.com/o/…): removed users cannot be added to groups until re-added. */
  centralizedUserManagement: z.boolean().default(true),
  /** Groups come from an external directory: every group edit answers "external user management is enabled". */
  externalUserManagement: z.boolean().default(false),
  products: z
    .array(
      z.object({
        key: ProductKey,
        seats: z.number().int().positive().nullable().default(null),
        defaultGroups: z.array(z.string()).default([]),
        /** `applicationrole.selectedByDefault`: the product a new user gets unless told otherwise. */
        selectedByDefault: z.boolean().default(false),
      }),
    )
    .min(1),
  groups: z.array(
    z.object({
      name: z.string().min(1),
      groupId: z.uuid(),
      /** Synced from an identity provider: memberships are read-only on the site. */
      managedBy: z.enum(['site', 'idp']).default('site'),
      members: z.array(AccountId).default([]),
    }),
  ),
  /** Every account the site knows. `removed`: deleted through the REST API, account alive, no site access. */
  memberships: z.array(
    z.object({
      accountId: AccountId,
      status: z.enum(['active', 'suspended', 'removed']),
      products: z.array(ProductKey).default([]),
    }),
  ),
  /**
   * Records users/search returns verbatim after the site's members, as Atlassian sometimes sends
   * them: corrupted ("unknown"), unknown account types, missing or null fields, duplicates.
   * They exist nowhere else in the world (GET /user answers 404 for them).
   */
  rawRecords: z.array(z.unknown()).default([]),
  /**
   * Users removed before the simulator started (before Relink was installed), with what they had:
   * they seed Atlassian's records — the Jira audit log (a group removal per group, then the site
   * removal), the org's event log (a product access revoked per product) and product activity.
   */
  pastRemovals: z
    .array(
      z.object({
        accountId: AccountId,
        at: z.iso.datetime(),
        /** Who removed them: an account of the scenario (an admin, an automation app). */
        by: AccountId.nullable().default(null),
        /** The audit record's eventSource, e.g. "REST API"; empty for the admin UI. */
        via: z.string().default(''),
        groups: z.array(z.string()).default([]),
        products: z.array(ProductKey).default([]),
      }),
    )
    .default([]),
});

const CredentialSpec = z.object({
  accountId: AccountId,
  email: z.email(),
  password: z.string().min(1),
  apiToken: z.string().min(8).nullable().default(null),
  /** Sites (by name) where this account is a site admin (org admin of the site's org). */
  siteAdminOf: z.array(SiteName).default([]),
  /** Sites where this account has the Administer Jira global permission. */
  jiraAdminOf: z.array(SiteName).default([]),
  orgAdmin: z.boolean().default(false),
});

export const ScenarioSpec = z.object({
  name: z.string().min(1),
  org: z.object({
    orgId: z.uuid(),
    name: z.string(),
    directoryId: z.uuid(),
    apiKeys: z.array(z.string().min(16)).default([]),
  }),
  accounts: z.array(AccountSpec),
  sites: z.array(SiteSpec).min(1),
  credentials: z.array(CredentialSpec).min(1),
  faults: FaultsSchema.optional(),
});

export type ScenarioSpec = z.infer<typeof ScenarioSpec>;
export type ScenarioInput = z.input<typeof ScenarioSpec>;
export type AccountSpec = z.infer<typeof AccountSpec>;
export type SiteSpec = z.infer<typeof SiteSpec>;
export type ProductKey = z.infer<typeof ProductKey>;
