/**
 * Bulk reactivation as a queue in storage, worked one user at a time: every item's state is
 * written before and after it runs, so a stopped worker resumes where it was, and an item that
 * was running when it stopped is checked again rather than assumed.
 */
import { messageOf } from '../error-message';
import { t } from '../i18n';
import type { BulkItem, BulkJob } from '../domain/records';
import { bulkJobItem } from '../storage/items';
import { reactivate } from './actions';
import { siteChanged } from './site-events';

/** Between users, on top of the client's own rate-limit handling: bulk work never bursts. */
const BULK_PACING_MS = 250;

/** The job on `site` as it stands; asking also restarts a running queue whose worker was stopped. */
export async function bulkStatus(site: string): Promise<BulkJob | null> {
  const job = await loadBulk();
  if (job?.state === 'running') void work();
  return job?.site === site ? job : null;
}

const loadBulk = () => bulkJobItem.get();
async function saveBulk(job: BulkJob): Promise<void> {
  await bulkJobItem.set(job);
  siteChanged(job.site, 'bulk');
}

let working = false;

export async function startBulk(input: {
  site: string;
  items: { accountId: string; displayName: string; email: string | null }[];
  products: string[] | null;
}): Promise<BulkJob> {
  const current = await loadBulk();
  if (current?.state === 'running') throw new Error(t('background.bulkRunning'));
  const job: BulkJob = {
    id: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`,
    site: input.site,
    createdAt: new Date().toISOString(),
    state: 'running',
    products: input.products,
    items: input.items.map((i) => ({ ...i, status: 'pending', message: null })),
  };
  await saveBulk(job);
  void work();
  return job;
}

let recovery: Promise<void> | null = null;

/**
 * Once per worker start, before anything else touches the queue: an item left "running" by a
 * stopped worker becomes "interrupted", to be checked again.
 */
function recoverOnce(): Promise<void> {
  recovery ??= (async () => {
    const job = await loadBulk();
    if (job?.state !== 'running') return;
    for (const item of job.items) {
      if (item.status === 'running')
        Object.assign(item, {
          status: 'interrupted',
          message: t('background.bulkStopped'),
        });
    }
    await saveBulk(job);
  })();
  return recovery;
}

/** At worker start: recover, then continue the queue. */
export async function resumeBulk(): Promise<void> {
  await recoverOnce();
  void work();
}

async function work(): Promise<void> {
  await recoverOnce();
  if (working) return;
  working = true;
  try {
    for (;;) {
      const job = await loadBulk();
      if (!job || job.state !== 'running') return;
      const item = job.items.find((i) => i.status === 'pending' || i.status === 'interrupted');
      if (!item) {
        await saveBulk({ ...job, state: 'finished' });
        return;
      }
      const wasInterrupted = item.status === 'interrupted';
      item.status = 'running';
      await saveBulk(job);
      Object.assign(item, await reactivateOne(job, item, wasInterrupted));
      await saveBulk(job);
      await new Promise((r) => setTimeout(r, BULK_PACING_MS));
    }
  } finally {
    working = false;
  }
}

async function reactivateOne(
  job: BulkJob,
  item: BulkItem,
  wasInterrupted: boolean,
): Promise<Pick<BulkItem, 'status' | 'message'>> {
  try {
    const { plan, result } = await reactivate({
      site: job.site,
      accountId: item.accountId,
      email: item.email ?? undefined,
      products: job.products ?? undefined,
      resume: wasInterrupted,
    });
    if (result) return { status: result.outcome, message: result.message };
    if (plan.kind === 'needs-input') return { status: 'needs-input', message: plan.message };
    if (plan.kind === 'refused' && wasInterrupted && plan.subject.state === 'active') {
      return {
        status: 'done',
        message: t('background.bulkActiveAfterStop', { name: item.displayName }),
      };
    }
    return { status: 'refused', message: plan.kind === 'refused' ? plan.reason : null };
  } catch (error) {
    return { status: 'not-done', message: messageOf(error) };
  }
}
