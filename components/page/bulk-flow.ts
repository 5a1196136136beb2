/** Reactivate the selected users of one site as a background queue, with a result per user in their rows. */
import { around, formatList, plural, SLOT, t } from '@/utils/i18n';
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
const WAITING = {
  pending: 'bulk.waiting',
  running: 'row.reactivating',
  interrupted: 'bulk.rechecking',
} as const;

/** Names under the source they come from: "team-alpha, qa (Jira audit log, Mar 4, 2026)". */
function bySource(items: { name: string; source: { label: string } }[]): string {
  const labels = [...new Set(items.map((i) => i.source.label))];
  return labels
    .map((label) =>
      t('bulk.fromSource', {
        names: formatList(items.filter((i) => i.source.label === label).map((i) => i.name)),
        source: label,
      }),
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
        groups: user.rememberedGroups.map((g) => ({ ...g, source: { label: t('source.snapshot') } })),
      };
      const groups = proposal.groups.filter((g) => !grantsAdmin(g));
      const withheld = proposal.groups.filter((g) => grantsAdmin(g)).map((g) => g.name);
      const products = proposal.products.map((p) => ({ name: p.name ?? p.key, source: p.source }));
      const name = { name: SLOT };
      const [before, after] = around(
        !user.email
          ? t('bulk.emailHidden', name)
          : user.proposal && products.length === 0
            ? t('bulk.noProducts', name)
            : t('bulk.gives', {
                ...name,
                productNames: products.length ? bySource(products) : t('bulk.impliedProducts'),
                groupNames: groups.length ? bySource(groups) : t('bulk.productsOwn'),
              }),
      );
      return el('li', {}, [
        before,
        user.displayName ? el('bdi', { translate: 'no' }, [user.displayName]) : t('row.noName'),
        after,
        withheld.length > 0 ? el('div', {}, [t('bulk.withheld', { groupNames: formatList(withheld) })]) : '',
      ]);
    }),
  );
}

function confirmBulk(site: string, rows: HiddenRow[], opener: HTMLElement): Promise<boolean> {
  const count = rows.length;
  const dialog = openDialog(plural('bulk.title', count, { site }), opener);
  return new Promise((resolve) => {
    void dialog.closed.then(() => resolve(false));
    dialog.body.append(
      el('p', {}, [t('bulk.intro')]),
      givenPerUser(rows),
      el('p', {}, [t('bulk.noAdmin')]),
      el('div', {}, [
        button(
          t('bulk.confirm', { count }),
          () => {
            resolve(true);
            dialog.close();
          },
          { 'data-relink-confirm': '' },
          true,
        ),
        button(t('dialog.cancel'), () => dialog.close()),
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
      if (!key) continue;
      const waiting = item.status in WAITING ? WAITING[item.status as keyof typeof WAITING] : null;
      setResult(key, { kind: RESULT[item.status], text: waiting ? t(waiting) : (item.message ?? '') });
    }
  };
  const finished = await untilFinished(site, show, signal);
  if (!finished) return null;
  const done = finished.items.filter((i) => i.status === 'done').length;
  const summary = t('bulk.summary', { done, total: finished.items.length, site });
  return rows.length > sameSite.length
    ? t('common.twoSentences', { first: summary, second: t('bulk.otherSites') })
    : summary;
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
