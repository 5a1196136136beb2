/**
 * Keeps Relink's hidden-user rows in the admin page's user list: loads them (cached scan first,
 * then a fresh incremental scan), re-inserts them whenever the single-page app re-renders,
 * follows the page's search, status filter and pagination, and falls back to a panel of its own
 * when the list cannot be found. Everything is removed when `signal` aborts.
 */
import { sendToBackground } from '@/utils/messaging/send';
import { hiddenUsersVisible, matchesSearch, type ListView } from '@/utils/page/hidden-filter';
import {
  currentListPage,
  describeMissing,
  findPanelAnchor,
  findSearchInput,
  findUserTable,
  statusFilterValue,
  type UserTable,
} from '@/utils/page/host-selectors';
import type { ScanResult } from '@/utils/domain/records';
import { bulkFlow } from './bulk-flow';
import { messageOf } from '@/utils/error-message';
import { buildPanel, PANEL_COLUMNS } from './fallback-panel';
import { groupDialog } from './group-dialog';
import { buildHiddenBody, type RowActions } from './hidden-rows';
import type { HiddenRow, RowResult } from './hidden-model';
import { reactivateFlow } from './reactivate-flow';

/** How long the page gets to render its list before Relink shows its own panel instead. */
const PANEL_AFTER_MS = 5000;

export class HiddenUsersController {
  private rows: HiddenRow[] = [];
  private readonly results = new Map<string, RowResult>();
  private readonly selected = new Set<string>();
  private note = 'Looking for users removed from the site…';
  private body: HTMLTableSectionElement | null = null;
  private panel: { host: HTMLElement; table: HTMLTableElement } | null = null;
  private renderedFor = '';
  private version = 0;
  private scheduled = false;
  private readonly startedAt = performance.now();

  constructor(
    private readonly sites: string[],
    private readonly signal: AbortSignal,
  ) {}

  start(): void {
    const observer = new MutationObserver(() => this.schedule());
    observer.observe(document.body, { childList: true, subtree: true });
    for (const type of ['input', 'change'])
      document.addEventListener(type, () => this.schedule(), { capture: true, signal: this.signal });
    const panelTimer = setTimeout(() => this.schedule(), PANEL_AFTER_MS);
    this.signal.addEventListener('abort', () => {
      observer.disconnect();
      clearTimeout(panelTimer);
      this.body?.remove();
      this.panel?.host.remove();
    });
    this.schedule();
    void this.load();
  }

  private async load(): Promise<void> {
    if (this.sites.length === 0) {
      this.setNote(
        'Relink does not know which site this page is about yet: open the site’s own admin page (SITE.atlassian.net/admin/users) once, or add the site in Relink’s options.',
      );
      return;
    }
    const cached = await Promise.all(
      this.sites.map((site) => sendToBackground({ type: 'site/get', site }).catch(() => null)),
    );
    if (cached.every((c) => c)) this.setScans(cached as ScanResult[], 'Checking for changes…');
    const fresh = await Promise.allSettled(this.sites.map((site) => sendToBackground({ type: 'site/scan', site })));
    if (this.signal.aborted) return;
    const scans = fresh
      .map((r, i) => (r.status === 'fulfilled' ? r.value : cached[i]))
      .filter((s): s is ScanResult => !!s);
    const failures = fresh.flatMap((r) => (r.status === 'rejected' ? [messageOf(r.reason)] : []));
    this.setScans(scans, failures.join(' '));
  }

  private setScans(scans: ScanResult[], note: string): void {
    const showSite = scans.length > 1;
    this.rows = scans.flatMap((scan) =>
      scan.hidden.map((user) => ({ key: `${scan.host}/${user.accountId}`, site: scan.host, user, showSite })),
    );
    this.setNote(note);
  }

  private setNote(note: string): void {
    this.note = note;
    this.version++;
    this.schedule();
  }

  private setResult(key: string, result: RowResult | null): void {
    if (result) this.results.set(key, result);
    else this.results.delete(key);
    if (result?.kind === 'done') this.selected.delete(key);
    this.version++;
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled || this.signal.aborted) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      if (!this.signal.aborted) this.render();
    });
  }

  private view(): ListView {
    return {
      search: findSearchInput(document)?.value ?? '',
      status: statusFilterValue(document),
      page: currentListPage(document),
    };
  }

  private render(): void {
    const table = findUserTable(document);
    const view = this.view();
    const key = `${this.version}|${JSON.stringify(view)}|${table ? 'table' : 'panel'}`;
    const intact = table
      ? (this.body === null && !hiddenUsersVisible(view)) ||
        (this.body?.isConnected && this.body.parentElement === table.table)
      : this.panel?.host.isConnected;
    if (intact && key === this.renderedFor) return;
    this.renderedFor = key;

    if (!table) {
      if (performance.now() - this.startedAt < PANEL_AFTER_MS) return;
      this.renderPanel();
      return;
    }
    this.panel?.host.remove();
    this.panel = null;
    // Another status filter or a later page: the page's own list, untouched.
    if (!hiddenUsersVisible(view)) {
      this.body?.remove();
      this.body = null;
      return;
    }
    const visible = this.rows.filter((r) => matchesSearch(r.user, view.search));
    const next = buildHiddenBody(table, visible, this.results, this.selected, this.actions, this.title(visible.length));
    if (this.body?.isConnected) this.body.replaceWith(next);
    else table.table.insertBefore(next, table.body);
    this.body = next;
  }

  private renderPanel(): void {
    if (!this.panel) {
      const missing = describeMissing(document);
      console.warn(
        `[Relink] The admin page’s markup changed: not found: ${missing.join('; ')}. Showing Relink’s own panel instead.`,
      );
      this.panel = buildPanel();
      const anchor = findPanelAnchor(document);
      if (anchor) anchor.after(this.panel.host);
      else document.body.prepend(this.panel.host);
    }
    const pseudo: UserTable = {
      table: this.panel.table,
      body: this.panel.table.tBodies[0] ?? this.panel.table.createTBody(),
      columns: PANEL_COLUMNS,
    };
    const next = buildHiddenBody(
      pseudo,
      this.rows,
      this.results,
      this.selected,
      this.actions,
      this.title(this.rows.length),
    );
    this.panel.table.querySelector('tbody[data-relink]')?.remove();
    this.panel.table.append(next);
    this.body = next;
  }

  private title(shown: number): string {
    const total = this.rows.length;
    const count = shown === total ? `${total}` : `${shown} of ${total}`;
    return `Removed from site, account still alive (${count})${this.note ? ` — ${this.note}` : ''}`;
  }

  private readonly actions: RowActions = {
    reactivate: (row, opener) => void reactivateFlow(row, opener, (r) => this.setResult(row.key, r)),
    groups: (row, opener) => void groupDialog(row, opener),
    toggle: (row, on) => {
      if (on) this.selected.add(row.key);
      else this.selected.delete(row.key);
      this.version++;
      this.schedule();
    },
    toggleAll: (on) => {
      for (const row of this.rows) if (on && this.results.get(row.key)?.kind !== 'done') this.selected.add(row.key);
      if (!on) this.selected.clear();
      this.version++;
      this.schedule();
    },
    bulk: (opener) => {
      const chosen = this.rows.filter((r) => this.selected.has(r.key));
      void bulkFlow(chosen, opener, (key, r) => this.setResult(key, r), this.signal).then(
        (summary) => summary && this.setNote(summary),
      );
    },
  };
}
