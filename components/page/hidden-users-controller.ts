/**
 * Keeps Relink's hidden-user rows in the admin page's user list: loads them (cached scan first,
 * then a fresh incremental scan), keeps them in the page's table whenever the single-page app
 * re-renders (row by row, so focus and selection survive), follows the list's own search, filters
 * and paging, never repeats an account the page lists, and shows a panel of its own only when
 * there is no list at all (not while it loads, not when it is empty). When it does not know the
 * page's site, it asks, in place. Everything is removed when `signal` aborts.
 * (Closures rather than a class: property names survive minification, and the content script's
 * weight is budgeted.)
 */
import { messagesLocale, t } from '@/utils/i18n';
import { sendToBackground } from '@/utils/messaging/send';
import { hiddenUsersVisible, matchesSearch, matchesSite } from '@/utils/page/hidden-filter';
import {
  findPanelAnchor,
  findSearchInput,
  findUserTable,
  listPage,
  listRegion,
  readFilters,
  type Columns,
} from '@/utils/page/host-selectors';
import type { ScanView } from '@/utils/background/ops/scan-view';
import { bulkFlow } from './bulk-flow';
import { messageOf } from '@/utils/error-message';
import { buildPanel, PANEL_COLUMNS } from './fallback-panel';
import { groupDialog } from './group-dialog';
import { hiddenBody, type Layout, type RowActions } from './hidden-rows';
import type { HiddenRow, RowResult } from './hidden-model';
import { reactivateFlow } from './reactivate-flow';

/** How long the page gets to render a list before Relink shows its own panel instead. */
const PANEL_AFTER_MS = 5000;
/** Rows rendered at once, and added by each “Show more”: a site can have thousands. */
const ROWS_AT_ONCE = 50;

/** Runs until `signal` aborts; answers the sites it is about (for the popup's page check). */
export function startHiddenUsers(initialSites: string[], signal: AbortSignal): () => string[] {
  let sites = initialSites;
  let rows: HiddenRow[] = [];
  const results = new Map<string, RowResult>();
  const selected = new Set<string>();
  let note = t('list.looking');
  let panel: { host: HTMLElement; table: HTMLTableElement } | null = null;
  /** What the page's rows said about its columns, by header texts: used while it has none. */
  const learnt = new Map<string, Columns>();
  let renderedFor = '';
  let limit = ROWS_AT_ONCE;
  /** The search and filters `limit` was grown under: another search starts again from the top. */
  let limitFor = '';
  let version = 0;
  let scheduled = false;
  const startedAt = performance.now();

  const schedule = () => {
    if (scheduled || signal.aborted) return;
    scheduled = true;
    queueMicrotask(() => {
      scheduled = false;
      if (!signal.aborted) render();
    });
  };
  const changed = () => {
    version++;
    schedule();
  };
  const setNote = (text: string) => {
    note = text;
    changed();
  };
  const setResult = (key: string, result: RowResult | null) => {
    if (result) results.set(key, result);
    else results.delete(key);
    if (result?.kind === 'done') selected.delete(key);
    changed();
  };

  async function load(): Promise<void> {
    if (!sites.length) {
      setNote('');
      return;
    }
    const setScans = (scans: ScanView[], text: string) => {
      rows = scans.flatMap((scan) =>
        scan.hidden.map((user) => ({
          key: `${scan.host}/${user.accountId}`,
          site: scan.host,
          user,
          showSite: scans.length > 1,
        })),
      );
      setNote(text);
    };
    const cached = await Promise.all(
      sites.map((site) => sendToBackground({ type: 'site/get', site }).catch(() => null)),
    );
    if (cached.every((c) => c)) setScans(cached as ScanView[], t('list.checkingChanges'));
    const fresh = await Promise.allSettled(sites.map((site) => sendToBackground({ type: 'site/scan', site })));
    if (signal.aborted) return;
    setScans(
      fresh.map((r, i) => (r.status === 'fulfilled' ? r.value : cached[i])).filter((s): s is ScanView => !!s),
      // Sentences follow one another with a space, but in Japanese, whose sentences end in 。.
      fresh
        .flatMap((r) => (r.status === 'rejected' ? [messageOf(r.reason)] : []))
        .join(messagesLocale().startsWith('ja') ? '' : ' '),
    );
  }

  const actions: RowActions = {
    reactivate: (row, opener) => void reactivateFlow(row, opener, (r) => setResult(row.key, r)),
    groups: (row, opener) => void groupDialog(row, opener),
    toggle: (row, on) => {
      if (on) selected.add(row.key);
      else selected.delete(row.key);
      changed();
    },
    toggleAll: (on) => {
      // The rows the admin sees, not those a search or “Show more” keeps out of sight.
      for (const row of hidden.rendered()) if (on && results.get(row.key)?.kind !== 'done') selected.add(row.key);
      if (!on) selected.clear();
      changed();
    },
    bulk: (opener) =>
      void (async () => {
        // One run per site (an org page lists several), each confirmed on its own.
        const chosen = rows.filter((r) => selected.has(r.key));
        for (const site of new Set(chosen.map((r) => r.site))) {
          const summary = await bulkFlow(
            chosen.filter((r) => r.site === site),
            opener,
            setResult,
            signal,
          );
          if (!summary) return;
          setNote(summary);
        }
      })(),
    site: (host) => {
      setNote(t('list.checkingSite', { site: host }));
      sendToBackground({ type: 'page/site', host }).then(
        ({ siteHosts }) => {
          sites = siteHosts;
          void load();
        },
        (e: unknown) => setNote(messageOf(e)),
      );
    },
    more: () => {
      limit += ROWS_AT_ONCE;
      changed();
    },
  };
  const hidden = hiddenBody(actions);
  const body = hidden.body;

  function render(): void {
    const found = findUserTable(document, learnt);
    const table = found?.table;
    const region = table ? listRegion(table) : (document.querySelector('main,[role=main]') ?? document.body);
    const view = {
      search: findSearchInput(region)?.value ?? '',
      ...readFilters(region, location.href),
      first: !table || listPage(table, table.closest('main,[role=main]') ?? document).first,
    };
    const ask = !sites.length;
    const title = (shown: number) => {
      const count =
        shown === rows.length ? t('list.title', { count: shown }) : t('list.titleOf', { shown, total: rows.length });
      return note ? t('list.titleWithNote', { title: count, note }) : count;
    };
    /** The rows up to the limit; a selection goes no further than the rows in sight. */
    const present = (layout: Layout, shown: HiddenRow[]) => {
      const rendered = shown.slice(0, limit);
      const inSight = new Set(rendered.map((r) => r.key));
      for (const key of selected) if (!inSight.has(key)) selected.delete(key);
      hidden.update(layout, rendered, shown.length, results, selected, title(shown.length), ask);
    };
    const visible = (list: Set<string> | undefined) =>
      rows.filter(
        (r) => !list?.has(r.user.accountId) && matchesSearch(r.user, view.search) && matchesSite(r.site, view.site),
      );
    // Another search, status or site starts from the top again; the page re-rendering its list does not.
    const limitKey = JSON.stringify([view.search, view.status, view.site]);
    if (found?.state !== 'loading' && limitKey !== limitFor) {
      limitFor = limitKey;
      limit = ROWS_AT_ONCE;
    }
    const key = `${version}|${JSON.stringify(view)}|${found ? `${found.key}|${found.state}|${[...found.listed].join()}` : ''}`;
    const show = found?.state !== 'loading' && (ask || hiddenUsersVisible(view));
    const inPlace = found
      ? show === (body.parentElement === table) && (!show || !found.body || body.nextElementSibling === found.body)
      : !!panel?.host.isConnected;
    if (inPlace && key === renderedFor) return;
    renderedFor = key;

    if (!found) {
      if (performance.now() - startedAt < PANEL_AFTER_MS) {
        body.remove();
        return;
      }
      if (!panel) {
        console.warn('[Relink] No user list found: showing Relink’s panel.');
        panel = buildPanel();
        const anchor = findPanelAnchor(document);
        if (anchor) anchor.after(panel.host);
        else document.body.prepend(panel.host);
      }
      present({ columns: PANEL_COLUMNS, sample: null }, hiddenUsersVisible(view) ? visible(undefined) : []);
      if (body.parentElement !== panel.table) panel.table.append(body);
      return;
    }
    panel?.host.remove();
    panel = null;
    if (!show) {
      body.remove();
      return;
    }
    present(found, visible(found.listed));
    if (body.parentElement !== table || (found.body && body.nextElementSibling !== found.body))
      found.table.insertBefore(body, found.body ?? found.head.parentElement?.nextSibling ?? null);
  }

  const observer = new MutationObserver(schedule);
  observer.observe(document.body, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['inert', 'disabled', 'aria-current'],
  });
  for (const type of ['input', 'change', 'popstate']) addEventListener(type, schedule, { capture: true, signal });
  const panelTimer = setTimeout(schedule, PANEL_AFTER_MS);
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(panelTimer);
    body.remove();
    panel?.host.remove();
  });
  schedule();
  void load();
  return () => sites;
}
