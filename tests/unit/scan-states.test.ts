import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { scanStateItem } from '@/utils/storage/items';
import { markScansInterrupted, saveScanState } from '@/utils/storage/scan-states';

const loadScanState = (host: string) => scanStateItem(host).get();

describe('scan state across a worker restart', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reports a scan the stopped worker was running as interrupted, and leaves newer and finished ones alone', async () => {
    const boot = Date.parse('2026-11-27T12:00:00Z');
    await saveScanState('old.atlassian.net', {
      status: 'running',
      startedAt: '2026-11-27T11:59:00Z',
      detail: '4000 users listed',
    });
    await saveScanState('new.atlassian.net', {
      status: 'running',
      startedAt: '2026-11-27T12:00:01Z',
      detail: 'Starting…',
    });
    await saveScanState('done.atlassian.net', {
      status: 'done',
      startedAt: '2026-11-27T11:00:00Z',
      detail: '3 hidden users found',
    });
    await markScansInterrupted(boot);
    expect(await loadScanState('old.atlassian.net')).toMatchObject({
      status: 'interrupted',
      detail: expect.stringContaining('Scan again'),
    });
    expect((await loadScanState('new.atlassian.net'))?.status).toBe('running');
    expect((await loadScanState('done.atlassian.net'))?.status).toBe('done');
  });
});
