/**
 * Scanning a site: one scan per site at a time, shared by every tab, popup and bulk run that asks;
 * its state kept in storage (a stopped worker's scan is reported, not forgotten) and pushed.
 */
import { messageOf } from '../error-message';
import { plural, t } from '../i18n';
import type { ScanResult, ScanState } from '../domain/records';
import { scanSite } from '../engine/scan';
import { scanItem, snapshotsItem } from '../storage/items';
import { saveScanState } from '../storage/scan-states';
import { clientsFor, requestCounter } from './clients';
import { cloudIdOf } from './page-sites';
import { loadSiteRecords, saveSiteRecords, scanRecordsStep } from './records';
import { siteChanged } from './site-events';

const running = new Map<string, Promise<ScanResult>>();

/** Scans a site; incremental unless `full`: inactive users seen by the last scan are not read again. */
export function scan(site: string, full = false): Promise<ScanResult> {
  const current = running.get(site);
  if (current) return current;
  const started = runScan(site, full).finally(() => running.delete(site));
  running.set(site, started);
  return started;
}

async function runScan(site: string, full: boolean): Promise<ScanResult> {
  const startedAt = new Date().toISOString();
  const state = async (status: ScanState['status'], detail: string) => {
    await saveScanState(site, { status, startedAt, detail });
    siteChanged(site, 'scan');
  };
  await state('running', t('scan.starting'));
  try {
    const { jira, org } = await clientsFor(site);
    const snapshots = snapshotsItem(site);
    const [store, previous, records] = await Promise.all([
      snapshots.get(),
      full ? null : scanItem(site).get(),
      loadSiteRecords(site),
    ]);
    let lastWrite = 0;
    const result = await scanSite({
      jira,
      org,
      snapshots: store,
      now: Date.now,
      requestsSent: () => requestCounter.sent,
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
