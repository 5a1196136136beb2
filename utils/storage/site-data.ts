/**
 * Per-site data Relink keeps in local storage: the last scan and the group snapshots.
 * Read back through zod: stored data from an older version or a broken write is refused, not trusted.
 */
import { z } from 'zod';
import { storage } from 'wxt/utils/storage';

const HiddenUserSchema = z.object({
  accountId: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  reason: z.string(),
  certainty: z.enum(['certain', 'likely', 'unsure']),
  /** Groups Relink remembers this user had (from an earlier snapshot), with when it saw them. */
  rememberedGroups: z.array(z.object({ groupId: z.string(), name: z.string() })),
  rememberedAt: z.string().nullable(),
});
export type HiddenUser = z.infer<typeof HiddenUserSchema>;

const ScanResultSchema = z.object({
  version: z.literal(1),
  host: z.string(),
  cloudId: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string(),
  durationMs: z.number(),
  requests: z.number().int(),
  strategy: z.enum(['per-user', 'per-group', 'org-directory']),
  counts: z.record(z.string(), z.number().int()),
  hidden: z.array(HiddenUserSchema),
  /** Records Atlassian sent in a shape Relink could not use. */
  rejectedRecords: z.number().int(),
  /**
   * Inactive people and how many site groups they were in, so a rescan need not read them again:
   * an inactive user's groups do not come back without re-adding them (which makes them active).
   */
  inactiveGroupCounts: z.record(z.string(), z.number().int().nonnegative()),
  /** Inactive users whose verdict came from the previous scan instead of a fresh read. */
  reusedVerdicts: z.number().int().nonnegative(),
  warnings: z.array(z.string()),
});
export type ScanResult = z.infer<typeof ScanResultSchema>;

/**
 * Group snapshots, compact: group ids once, then per user the indexes of their groups and the
 * day Relink saw them. A user seen later with no groups keeps their last snapshot: that is what
 * lets a removal be undone.
 */
const SnapshotStoreSchema = z.object({
  groups: z.array(z.object({ groupId: z.string(), name: z.string() })),
  members: z.record(z.string(), z.tuple([z.array(z.number().int().nonnegative()), z.string()])),
});
export type SnapshotStore = z.infer<typeof SnapshotStoreSchema>;

const scanKey = (host: string) => `local:scan:${host}` as const;
const snapshotKey = (host: string) => `local:snapshots:${host}` as const;

export async function loadScan(host: string): Promise<ScanResult | null> {
  const parsed = ScanResultSchema.safeParse(await storage.getItem(scanKey(host)));
  return parsed.success ? parsed.data : null;
}

export async function saveScan(result: ScanResult): Promise<void> {
  await storage.setItem(scanKey(result.host), result);
}

export async function loadSnapshots(host: string): Promise<SnapshotStore> {
  const parsed = SnapshotStoreSchema.safeParse(await storage.getItem(snapshotKey(host)));
  return parsed.success ? parsed.data : { groups: [], members: {} };
}

export async function saveSnapshots(host: string, store: SnapshotStore): Promise<void> {
  await storage.setItem(snapshotKey(host), store);
}

/** Where a scan stands, kept in storage so a stopped worker's scan is reported, not forgotten. */
const ScanStateSchema = z.object({
  status: z.enum(['running', 'done', 'failed', 'interrupted']),
  startedAt: z.string(),
  detail: z.string(),
});
export type ScanState = z.infer<typeof ScanStateSchema>;
const scanStateKey = (host: string) => `local:scan-state:${host}` as const;

export async function loadScanState(host: string): Promise<ScanState | null> {
  const parsed = ScanStateSchema.safeParse(await storage.getItem(scanStateKey(host)));
  return parsed.success ? parsed.data : null;
}

/**
 * The hosts that have a scan state, so that start-up reads those few keys and not all of
 * storage (which holds every site's snapshots). Appends are serialised.
 */
const scanStateHosts = storage.defineItem<string[]>('local:scan-state-hosts', { fallback: [] });
let indexWrites: Promise<unknown> = Promise.resolve();

export async function saveScanState(host: string, state: ScanState): Promise<void> {
  if (state.status === 'running') {
    indexWrites = indexWrites
      .catch(() => undefined)
      .then(async () => {
        const hosts = await scanStateHosts.getValue();
        if (!hosts.includes(host)) await scanStateHosts.setValue([...hosts, host]);
      });
    await indexWrites;
  }
  await storage.setItem(scanStateKey(host), state);
}

/** At worker start: scans that were running before it started were stopped with the last worker. */
export async function markScansInterrupted(workerStartedAt: number): Promise<void> {
  for (const host of await scanStateHosts.getValue()) {
    const state = await loadScanState(host);
    if (state?.status === 'running' && Date.parse(state.startedAt) < workerStartedAt) {
      await storage.setItem(scanStateKey(host), {
        ...state,
        status: 'interrupted',
        detail: 'Relink’s background was stopped during this scan. Scan again.',
      });
    }
  }
}
