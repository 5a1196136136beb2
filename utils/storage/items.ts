/** Every value Relink keeps, defined once, each with its schema and fallback. Background only. */
import { z } from 'zod';
import {
  AuthSettingsSchema,
  BulkJobSchema,
  ScanResultSchema,
  ScanStateSchema,
  SettingsSchema,
  SiteRecordsSchema,
  SnapshotStoreSchema,
} from '../domain/records';
import { defineItem, defineSiteItem, kept } from './define';

export const settingsItem = defineItem('settings', SettingsSchema, () => ({ knownSites: [] }));

export const authItem = defineItem('auth', AuthSettingsSchema, () => ({
  mode: 'session' as const,
  email: null,
  apiToken: null,
  tokenSites: [],
  orgId: null,
  orgKey: null,
}));

/** Raw audit entries: AuditLog validates them entry by entry when it reads. */
export const auditItem = defineItem('audit', z.array(z.unknown()), () => []);

/** Read on every admin-page load, before Relink's rows can show: kept in memory as well. */
export const scanItem = kept(defineSiteItem('scan', ScanResultSchema.nullable(), () => null));

export const snapshotsItem = defineSiteItem('snapshots', SnapshotStoreSchema, () => ({ groups: [], members: {} }));

export const scanStateItem = defineSiteItem('scan-state', ScanStateSchema.nullable(), () => null);

/** What Atlassian's records say about the site's users, and where Relink's reading of them stands. */
export const siteRecordsItem = defineSiteItem('records', SiteRecordsSchema.nullable(), () => null);

/** The hosts that have a scan state, so start-up reads those few keys and not all of storage. */
export const scanStateHostsItem = defineItem('scan-state-hosts', z.array(z.string()), () => []);

/** Site host → cloudId, from each site's tenant_info. */
export const cloudIdsItem = defineItem<Record<string, string>>(
  'cloud-ids',
  z.record(z.string(), z.string()),
  () => ({}),
);

/** The bulk reactivation queue: one job at a time. */
export const bulkJobItem = defineItem('bulk', BulkJobSchema.nullable(), () => null);
