/**
 * Scanning a site: one scan (or check for changes) per site at a time, shared by every tab, popup
 * and bulk run that asks; its state kept in storage (a stopped worker's scan is reported, not
 * forgotten) and pushed.
 */
import { messageOf } from '../error-message';
import { plural, t } from '../i18n';
import type { ScanResult, ScanState } from '../domain/records';
import { revalidateSite } from '../engine/revalidate';
import { scanSite } from '../engine/scan';
import { scanItem, snapshotsItem } from '../storage/items';
import { saveScanState } from '../storage/scan-states';
import { clientsFor, requestsSentTo } from './clients';
import { cloudIdOf } from './page-sites';
import { cloudIdOrThrow, loadSiteRecords, saveSiteRecords, scanRecordsStep } from './records';
import { siteChanged } from './site-events';

interface Running {
  /** Asked to read every user afresh. */
  full: boolean;
  /** Whether it reads every user afresh (asked or not), once it knows. */
  fresh: Promise<boolean>;
  done: Promise<ScanResult>;
}
const running = new Map<string, Running>();

/**
 * Brings what Relink knows of a site up to date, shared with whoever asks meanwhile. Unless `full`,
 * a page load's check: the changes the audit log names since the last read, when it can tell them
 * (utils/engine/revalidate.ts), else a scan that reads again only what the last one could not
 * reuse. `full` (the popup's Rescan): every user and group read afresh — shared with one running
 * that does so anyway (a site's first scan), else run after it.
 */
export function scan(site: string, full = false): Promise<ScanResult> {
  const current = running.get(site);
  if (!current) return start(site, full, null);
  if (current.full || !full) return current.done;
  return current.fresh.then((fresh) => {
    const now = running.get(site);
    if (fresh) return current.done;
    return now && now !== current && now.full ? now.done : start(site, true, current.done);
  });
}

function start(site: string, full: boolean, after: Promise<unknown> | null): Promise<ScanResult> {
  let tell: (fresh: boolean) => void = () => undefined;
  const fresh = new Promise<boolean>((resolve) => (tell = resolve));
  const done: Promise<ScanResult> = (after ?? Promise.resolve())
    .catch(() => undefined)
    .then(() => runScan(site, full, (value) => tell(value)))
    .finally(() => {
      tell(false);
      if (running.get(site)?.done === done) running.delete(site);
    });
  running.set(site, { full, fresh, done });
  return done;
}

async function runScan(site: string, full: boolean, tell: (fresh: boolean) => void): Promise<ScanResult> {
  const startedAt = new Date().toISOString();
  const state = async (status: ScanState['status'], detail: string) => {
    await saveScanState(site, { status, startedAt, detail });
    siteChanged(site, 'scan');
  };
  try {
    const { jira, org } = await clientsFor(site);
    const snapshots = snapshotsItem(site);
    const [store, last, records] = await Promise.all([
      snapshots.get(),
      full ? null : scanItem(site).get(),
      loadSiteRecords(site),
    ]);
    const requestsSent = () => requestsSentTo(site);
    let previous = last;
    if (previous) {
      const checked = await revalidateSite({
        jira,
        org,
        previous,
        snapshots: store,
        records,
        cloudId: () => cloudIdOrThrow(site),
        now: Date.now,
        requestsSent,
      });
      if (checked.kind === 'changes') {
        const { result } = checked;
        // Nothing changed: the stored scan stands as it is (rewriting it would cost more than the check).
        if (result.changedUsers === 0) {
          await saveSiteRecords(site, records);
          return result;
        }
        await Promise.all([scanItem(site).set(result), snapshots.set(store), saveSiteRecords(site, records)]);
        await state('done', plural('scan.found', result.hidden.length));
        return result;
      }
      // A scan every FULL_SCAN_EVERY_MS for what the log does not record reuses nothing of the last one.
      if (checked.why === 'stale') previous = null;
    }
    tell(previous === null);
    await state('running', t('scan.starting'));
    let lastWrite = 0;
    const result = await scanSite({
      jira,
      org,
      snapshots: store,
      now: Date.now,
      requestsSent,
      previous,
      records: scanRecordsStep(site, jira, org, records),
      // Progress is for the popup; a write at most every half second is enough.
      onProgress: ({ detail }) => {
        if (Date.now() - lastWrite < 500) return;
        lastWrite = Date.now();
        void state('running', detail);
      },
    });
    const stored = { ...result, cloudId: await cloudIdOf(site) };
    await Promise.all([scanItem(site).set(stored), snapshots.set(store), saveSiteRecords(site, records)]);
    await state('done', plural('scan.found', stored.hidden.length));
    return stored;
  } catch (error) {
    await state('failed', messageOf(error));
    throw error;
  }
}
