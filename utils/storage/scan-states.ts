/** Scan states per site, with the index of hosts that have one, so start-up reads only those. */
import type { ScanState } from '../domain/records';
import { t } from '../i18n';
import { scanStateHostsItem, scanStateItem } from './items';

let indexWrites: Promise<unknown> = Promise.resolve();

export async function saveScanState(host: string, state: ScanState): Promise<void> {
  if (state.status === 'running') {
    indexWrites = indexWrites
      .catch(() => undefined)
      .then(async () => {
        const hosts = await scanStateHostsItem.get();
        if (!hosts.includes(host)) await scanStateHostsItem.set([...hosts, host]);
      });
    await indexWrites;
  }
  await scanStateItem(host).set(state);
}

/** At worker start: scans that were running before it started were stopped with the last worker. */
export async function markScansInterrupted(workerStartedAt: number): Promise<void> {
  for (const host of await scanStateHostsItem.get()) {
    const item = scanStateItem(host);
    const state = await item.get();
    if (state?.status === 'running' && Date.parse(state.startedAt) < workerStartedAt) {
      await item.set({
        ...state,
        status: 'interrupted',
        detail: t('scan.stopped'),
      });
    }
  }
}
