/**
 * Bulk reactivation as a queue in storage, worked several users at a time (utils/engine/bulk-queue.ts),
 * paced by the client's rate-limit gate rather than by a pause between users: every item's state is
 * written before and after it runs, so a stopped worker resumes where it was, and an item that was
 * running when it stopped is checked again rather than assumed.
 */
import { messageOf } from '../error-message';
import { t } from '../i18n';
import type { BulkItem, BulkJob } from '../domain/records';
import { workQueue } from '../engine/bulk-queue';
import type { SiteProduct } from '../engine/plan';
import { bulkJobItem } from '../storage/items';
import { reactivate } from './actions';
import { clientsFor } from './clients';
import { siteProducts } from './subjects';
import { siteChanged } from './site-events';

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
    const job = await loadBulk();
    if (!job || job.state !== 'running') return;
    // The workers share this one job: each change is written in order, the last write holding them all.
    let written = Promise.resolve();
    const save = () => (written = written.then(() => saveBulk(job)));
    const products = productsOnce(job.site);
    await workQueue(
      () => {
        const item = job.items.find((i) => i.status === 'pending' || i.status === 'interrupted');
        if (!item) return undefined;
        const wasInterrupted = item.status === 'interrupted';
        item.status = 'running';
        return { item, wasInterrupted };
      },
      async ({ item, wasInterrupted }) => {
        await save();
        Object.assign(item, await reactivateOne(job, item, wasInterrupted, products));
        await save();
      },
    );
    await written;
    await saveBulk({ ...job, state: 'finished' });
  } finally {
    working = false;
  }
}

/** The site's products, read once for the job (again after a failed read). */
function productsOnce(site: string): () => Promise<SiteProduct[]> {
  let read: Promise<SiteProduct[]> | null = null;
  return () => {
    read ??= clientsFor(site)
      .then(({ jira }) => siteProducts(jira))
      .catch((error: unknown) => {
        read = null;
        throw error;
      });
    return read;
  };
}

async function reactivateOne(
  job: BulkJob,
  item: BulkItem,
  wasInterrupted: boolean,
  products: () => Promise<SiteProduct[]>,
): Promise<Pick<BulkItem, 'status' | 'message'>> {
  try {
    const { plan, result } = await reactivate(
      {
        site: job.site,
        accountId: item.accountId,
        email: item.email ?? undefined,
        products: job.products ?? undefined,
        resume: wasInterrupted,
      },
      undefined,
      { siteProducts: products },
    );
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
