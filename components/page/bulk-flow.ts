/** Reactivate the selected users of one site as a background queue, with a result per user in their rows. */
import { sendToBackground } from '@/utils/messaging/send';
import type { BulkItem, BulkJob } from '@/utils/domain/records';
import { onSiteEvents } from '@/utils/messaging/site-events';
import { grantsAdmin } from '@/utils/engine/admin-groups';
import { openDialog } from './dialog';
import { button, el } from './dom';
import { messageOf } from '@/utils/error-message';
import type { HiddenRow, RowResult } from './hidden-model';

const RESULT: Record<BulkItem['status'], RowResult['kind']> = {
  pending: 'working',
  running: 'working',
  interrupted: 'working',
  done: 'done',
  'partly-done': 'partly',
  'not-done': 'failed',
  refused: 'failed',
  'needs-input': 'failed',
};
const WAITING: Partial<Record<BulkItem['status'], string>> = {
  pending: 'Waiting in the queue…',
  running: 'Reactivating…',
  interrupted: 'Checking again after an interruption…',
};

/** Names under the source they come from: "team-alpha, qa (Jira audit log, 4 Mar 2026)". */
function bySource(items: { name: string; source: { label: string } }[]): string {
  const labels = [...new Set(items.map((i) => i.source.label))];
  return labels
    .map(
      (label) =>
        `${items
          .filter((i) => i.source.label === label)
          .map((i) => i.name)
          .join(', ')} (${label})`,
    )
    .join('; ');
}

/** Per user: the products and groups the bulk run gives, each with its source, and what it will not do. */
function givenPerUser(rows: HiddenRow[]): HTMLElement {
  return el(
    'ul',
    { style: 'max-height:40vh;overflow:auto' },
    rows.map(({ user }) => {
      const proposal = user.proposal ?? {
        products: [],
        groups: user.rememberedGroups.map((g) => ({ ...g, source: { label: 'Relink’s snapshot' } })),
      };
      const groups = proposal.groups.filter((g) => !grantsAdmin(g));
      const withheld = proposal.groups.filter((g) => grantsAdmin(g)).map((g) => g.name);
      const products = proposal.products.map((p) => ({ name: p.name ?? p.key, source: p.source }));
      const left = !user.email
        ? 'left for you: the email is hidden'
        : user.proposal && products.length === 0
          ? 'left for you: no record of the products'
          : null;
      return el('li', {}, [
        el('bdi', {}, [user.displayName || '(no name)']),
        left
          ? ` — ${left}`
          : `: ${products.length ? bySource(products) : 'the products their groups imply'}; groups: ${groups.length ? bySource(groups) : 'the products’ own'}`,
        withheld.length > 0 ? ` — not given back (admin rights): ${withheld.join(', ')}` : '',
      ]);
    }),
  );
}

function confirmBulk(site: string, rows: HiddenRow[], opener: HTMLElement): Promise<boolean> {
  const count = rows.length;
  const dialog = openDialog(`Reactivate ${count} user${count === 1 ? '' : 's'} on ${site}`, opener);
  return new Promise((resolve) => {
    void dialog.closed.then(() => resolve(false));
    dialog.body.append(
      el('p', {}, [
        'Each user is re-added with the products and groups below, from the source named. Users whose email is hidden, or whose products no source records, are left for you to do one by one; the list says which.',
      ]),
      givenPerUser(rows),
      el('p', {}, [
        'Groups that grant admin rights are never given back in bulk: reactivate those users one by one to choose.',
      ]),
      el('div', {}, [
        button(
          `Reactivate ${count}`,
          () => {
            resolve(true);
            dialog.close();
          },
          { 'data-relink-confirm': '' },
          true,
        ),
        button('Cancel', () => dialog.close()),
      ]),
    );
  });
}

export async function bulkFlow(
  rows: HiddenRow[],
  opener: HTMLElement,
  setResult: (key: string, result: RowResult) => void,
  signal: AbortSignal,
): Promise<string | null> {
  const site = rows[0]?.site;
  if (!site) return null;
  const sameSite = rows.filter((r) => r.site === site);
  if (!(await confirmBulk(site, sameSite, opener))) return null;
  try {
    await sendToBackground({
      type: 'bulk/start',
      site,
      products: null,
      items: sameSite.map((r) => ({
        accountId: r.user.accountId,
        displayName: r.user.displayName,
        email: r.user.email,
      })),
    });
  } catch (error) {
    return messageOf(error);
  }
  const keyOf = (accountId: string) => sameSite.find((r) => r.user.accountId === accountId)?.key;
  const show = (job: BulkJob) => {
    for (const item of job.items) {
      const key = keyOf(item.accountId);
      if (key) setResult(key, { kind: RESULT[item.status], text: WAITING[item.status] ?? item.message ?? '' });
    }
  };
  const finished = await untilFinished(site, show, signal);
  if (!finished) return null;
  const done = finished.items.filter((i) => i.status === 'done').length;
  return `${done} of ${finished.items.length} reactivated on ${site}.${rows.length > sameSite.length ? ' Other sites’ selections are left: run them next.' : ''}`;
}

/** Shows the job at every step the background pushes, until it finishes (null if the page went away). */
function untilFinished(site: string, show: (job: BulkJob) => void, signal: AbortSignal): Promise<BulkJob | null> {
  return new Promise((resolve) => {
    const listening = new AbortController();
    const stop = (job: BulkJob | null) => {
      listening.abort();
      resolve(job);
    };
    signal.addEventListener('abort', () => stop(null), { once: true });
    const look = async () => {
      const job = await sendToBackground({ type: 'bulk/get', site }).catch(() => null);
      if (!job) return;
      show(job);
      if (job.state === 'finished') stop(job);
    };
    onSiteEvents((event) => {
      if (event === null || (event.site === site && event.what === 'bulk')) void look();
    }, listening.signal);
    void look();
  });
}
