/**
 * The one messaging protocol between Relink's pages/content script and its background.
 * zod/mini keeps the content-script bundle small (docs/testing.md). Every request is validated in
 * the background; nothing here can name a URL to fetch — only an Atlassian site host.
 */
import * as z from 'zod/mini';
import type { AdminUserListPage } from '../page/admin-pages';
import type { ActionReply } from '../background/engine-service';
import type { BulkJob } from '../background/bulk';
import type { GroupTarget, Plan, Subject } from '../engine/plan';
import type { AuditEntry } from '../engine/audit';
import type { ScanResult, ScanState } from '../storage/site-data';
import type { AuthPublic } from '../storage/items';

const SITE_HOST_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}\.atlassian\.net$/;
const Site = z.string().check(z.regex(SITE_HOST_PATTERN));
const AccountId = z.string().check(z.minLength(1), z.maxLength(128));
const Email = z.string().check(z.maxLength(254));
const Products = z.array(z.string().check(z.regex(/^[a-z-]{1,40}$/))).check(z.maxLength(10));
const Group = z.object({
  groupId: z.string().check(z.minLength(1), z.maxLength(128)),
  name: z.string().check(z.maxLength(255)),
});

export const RequestSchema = z.discriminatedUnion('type', [
  /** Content script: "I am running on an admin user-list page." The page is re-derived from the sender's URL. */
  z.object({ type: z.literal('page/opened') }),
  /** Popup: what Relink knows about the site in the active tab. */
  z.object({ type: z.literal('status/get'), tabUrl: z.optional(z.string().check(z.maxLength(2048))) }),
  z.object({ type: z.literal('settings/get') }),
  z.object({
    type: z.literal('settings/set'),
    settings: z.object({ knownSites: z.array(Site).check(z.maxLength(200)) }),
  }),
  z.object({ type: z.literal('site/scan'), site: Site, full: z.optional(z.boolean()) }),
  z.object({ type: z.literal('site/get'), site: Site }),
  z.object({ type: z.literal('site/scan-state'), site: Site }),
  z.object({ type: z.literal('user/get'), site: Site, accountId: AccountId }),
  z.object({ type: z.literal('site/groups'), site: Site }),
  z.object({
    type: z.literal('user/plan'),
    site: Site,
    accountId: AccountId,
    email: z.optional(Email),
    products: z.optional(Products),
  }),
  z.object({
    type: z.literal('user/reactivate'),
    site: Site,
    accountId: AccountId,
    email: z.optional(Email),
    products: z.optional(Products),
  }),
  z.object({
    type: z.literal('group/change'),
    site: Site,
    accountId: AccountId,
    group: Group,
    op: z.enum(['add', 'remove']),
    dryRun: z.boolean(),
  }),
  z.object({
    type: z.literal('bulk/start'),
    site: Site,
    items: z
      .array(
        z.object({ accountId: AccountId, displayName: z.string().check(z.maxLength(255)), email: z.nullable(Email) }),
      )
      .check(z.minLength(1), z.maxLength(500)),
    products: z.nullable(Products),
  }),
  z.object({ type: z.literal('bulk/get') }),
  z.object({ type: z.literal('audit/get') }),
  z.object({ type: z.literal('audit/csv') }),
  z.object({ type: z.literal('auth/get') }),
  z.object({
    type: z.literal('auth/set'),
    auth: z.object({
      mode: z.enum(['session', 'api-token']),
      email: z.nullable(Email),
      /** Omitted: keep the stored token. */
      apiToken: z.optional(z.nullable(z.string().check(z.maxLength(512)))),
      orgId: z.nullable(z.string().check(z.regex(/^[A-Za-z0-9-]{1,64}$/))),
      orgKey: z.optional(z.nullable(z.string().check(z.maxLength(1024)))),
    }),
  }),
  z.object({ type: z.literal('auth/check'), site: Site }),
]);
export type RelinkRequest = z.infer<typeof RequestSchema>;
export type RequestType = RelinkRequest['type'];

interface PageOpenedReply {
  page: AdminUserListPage;
  /** The site hosts this page is about, as far as Relink knows them. */
  siteHosts: string[];
}
export interface SiteStatus {
  host: string;
  /** null until a scan has run. */
  hiddenCount: number | null;
  counts: Record<string, number> | null;
  lastScan: string | null;
  scan: ScanState | null;
}
export interface StatusReply {
  /** The sites the active tab is about. */
  tabSites: SiteStatus[];
  otherSites: SiteStatus[];
}
interface SettingsReply {
  knownSites: string[];
}
export interface AuthCheckReply {
  site: string;
  mode: 'session' | 'api-token';
  displayName: string;
  accountId: string;
  siteAdmin: boolean;
  administerJira: boolean;
  browseUsers: boolean;
}

interface Replies {
  'page/opened': PageOpenedReply;
  'status/get': StatusReply;
  'settings/get': SettingsReply;
  'settings/set': SettingsReply;
  'site/scan': ScanResult;
  'site/get': ScanResult | null;
  'site/scan-state': ScanState | null;
  'user/get': Subject;
  'site/groups': GroupTarget[];
  'user/plan': Plan;
  'user/reactivate': ActionReply;
  'group/change': ActionReply;
  'bulk/start': BulkJob;
  'bulk/get': BulkJob | null;
  'audit/get': AuditEntry[];
  'audit/csv': string;
  'auth/get': AuthPublic;
  'auth/set': AuthPublic;
  'auth/check': AuthCheckReply;
}
export type ReplyFor<T extends RequestType> = Replies[T];

/** Replies travel as `{ok: true, value}` or `{ok: false, error}` so a rejection is never silent. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: string };
