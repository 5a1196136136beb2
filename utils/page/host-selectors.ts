/**
 * Everything Relink looks for in Atlassian's admin pages, in one place. The pages are React apps
 * built from the Atlassian Design System, with generated class names, in the account's language,
 * changing without notice (docs/atlassian.md §7). So nothing here relies on a class, a column
 * position or English alone:
 * - the user list is the `<table>` whose rows link to `/users/{accountId}` or show an avatar, its
 *   status column the one of lozenges (a short text on a coloured background); without rows (loading,
 *   or an empty result) the header texts, in the languages below, or what the rows said before;
 * - headers are counted with `colspan`, `<th>` and `<td>` alike (a header without content is a `<td>`);
 * - the list's region is the nearest ancestor of the table holding a text box: its search box is
 *   that one (never the top bar's), its filters are design-system dropdowns and selects
 *   (`aria-haspopup`, `role=combobox`, "Label: value" triggers) or the URL's query;
 * - a list is on its first page when its current page is 1, or, paged by cursor, when its
 *   Previous (the first button of the pager after the table) is absent or disabled.
 * **[assumed]**: the header, status and filter words below (en, de, fr, es, ja, pt-BR; no public
 * string table), that another filter with a value hides Relink's rows, that the org list keeps
 * `status` and `site` in its query, and the "Invite users" label. The simulated pages
 * (tests/sim/admin-app/) and the page skeletons in tests/fixtures/admin/ check every finder.
 */

const norm = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim().toLowerCase();
const all = <E extends Element = HTMLElement>(root: ParentNode, css: string) =>
  Array.from(root.querySelectorAll<E>(css));
const mine = (e: Element) => !!e.closest('[data-relink],relink-panel');

const USER_H = /user|name|nutzer|utilisateur|nom|usu|ユーザー|名前/;
const STATUS_H = /status|statut|estado|ステータス/;
const SITE_H = /^(site|website|sitio|サイト)/;
const ACTIVE = /^(active|aktiv|actif|activo|ativo|アクティブ|有効)$/;
const ALL = /^(all|any|alle|tous|toutes|todos|todas|すべて)/;
/** A text box a person types into, outside any table (a select's combobox input is not one). */
const textBoxes = (root: ParentNode) =>
  all<HTMLInputElement>(root, 'input[type=search],input[type=text],input:not([type])').filter(
    (i) => i.getAttribute('role') !== 'combobox' && !i.closest('table'),
  );
const ACCOUNT_LINK = /\/users\/([^/?#]+)\/?(?:[?#]|$)/;

export interface Columns {
  /** Index among the header row's cells (each with its colspan in `spans`); -1 when absent. */
  user: number;
  status: number;
  actions: number;
  select: number;
  spans: number[];
}

export interface UserTable {
  table: HTMLTableElement;
  /** The page's own row group, before which Relink's goes; null while loading or when empty. */
  body: HTMLTableSectionElement | null;
  head: HTMLTableRowElement;
  columns: Columns;
  /** Found by the rows (`rows`), or only by headers while it loads or shows nothing. */
  state: 'rows' | 'loading' | 'empty';
  /** Account ids the page lists itself: Relink never repeats one. */
  listed: Set<string>;
  /** One of the page's rows, whose cells Relink's copy the look of. */
  sample: HTMLTableRowElement | null;
  /** Header texts: what the columns were learnt under. */
  key: string;
}

function accountIdOf(row: ParentNode): string | null {
  for (const a of all(row, 'a[href]')) {
    const m = ACCOUNT_LINK.exec(a.getAttribute('href') ?? '');
    if (m?.[1]) return decodeURIComponent(m[1]);
  }
  return null;
}

/**
 * A lozenge: a cell's only text, short, in elements (not a bare date or count), with no link or
 * control; surer on a coloured background (computed, so any theme or class name).
 */
function lozenge(cell: Element): number {
  const text = norm(cell.textContent);
  const inner = cell.firstElementChild;
  if (
    !text ||
    text.length > 30 ||
    !inner ||
    norm(inner.textContent) !== text ||
    cell.querySelector('a,button,input,img')
  )
    return 0;
  return all(cell, '*').some((e) => !/^(|transparent|rgba\(0, 0, 0, 0\))$/.test(getComputedStyle(e).backgroundColor))
    ? 2
    : 1;
}

/** Which header cell each of a row's cells sits under, by their colspans. */
function underHeader(row: HTMLTableRowElement, spans: number[]): Map<number, HTMLTableCellElement> {
  const map = new Map<number, HTMLTableCellElement>();
  let at = 0;
  for (const cell of Array.from(row.cells)) {
    let start = 0;
    const index = spans.findIndex((span) => (start += span) > at);
    if (index >= 0 && !map.has(index)) map.set(index, cell);
    at += cell.colSpan;
  }
  return map;
}

function columnsFrom(headers: string[], spans: number[], rows: HTMLTableRowElement[], learnt?: Columns): Columns {
  if (!rows.length) {
    if (learnt?.spans.length === spans.length) return learnt;
    const byText = (re: RegExp) => headers.findIndex((h) => re.test(h));
    return { user: byText(USER_H), status: byText(STATUS_H), select: headers[0] ? -1 : 0, actions: -1, spans };
  }
  // Per header cell, how its rows' cells score on `test`; the best column if half the rows score.
  const score = (test: (cell: HTMLTableCellElement) => number | boolean) => {
    const counts = headers.map(() => 0);
    for (const row of rows) for (const [i, cell] of underHeader(row, spans)) counts[i] = (counts[i] ?? 0) + +test(cell);
    const best = Math.max(...counts);
    return best * 2 >= rows.length && best > 0 ? counts.indexOf(best) : -1;
  };
  const user = score((c) => (accountIdOf(c) ? 2 : 0) + +!!c.querySelector('img,[role=img]'));
  const status = score(lozenge);
  const select = score((c) => !!c.querySelector('input[type=checkbox]') && !norm(c.textContent));
  // The last other column whose cells hold a button or menu.
  const actions = score(
    (c) => !!c.querySelector('button,[aria-haspopup]') && ![user, status, select].includes(c.cellIndex),
  );
  return { user, status: status === user ? -1 : status, select, actions, spans };
}

/** Pages: all three. The user list; `learnt` is what its rows said under the same headers before. */
export function findUserTable(root: ParentNode, learnt?: Map<string, Columns>): UserTable | null {
  for (const table of all<HTMLTableElement>(root, 'table')) {
    if (mine(table)) continue;
    const head = all<HTMLTableRowElement>(table, ':scope>thead>tr').pop();
    if (!head || head.cells.length < 2) continue;
    const cells = Array.from(head.cells);
    const headers = cells.map((c) => norm(c.textContent));
    const spans = cells.map((c) => c.colSpan);
    const key = headers.join('|');
    const body = Array.from(table.tBodies).find((b) => !b.hasAttribute('data-relink')) ?? null;
    const rows = body ? all<HTMLTableRowElement>(body, ':scope>tr').slice(0, 20) : [];
    const columns = columnsFrom(headers, spans, rows, learnt?.get(key));
    if (columns.user < 0 || columns.status < 0) continue;
    if (rows.length) learnt?.set(key, columns);
    const loading = table.hasAttribute('inert') || !!table.closest('[aria-busy=true]');
    return {
      table,
      body: rows.length ? body : null,
      head,
      columns,
      state: rows.length ? 'rows' : loading ? 'loading' : 'empty',
      listed: new Set(rows.map(accountIdOf).filter((id): id is string => id !== null)),
      sample: rows[0] ?? null,
      key,
    };
  }
  return null;
}

/** The list's own region: the nearest ancestor of its table with a text box (never the top bar), or main. */
export function listRegion(table: Element): Element {
  const body = table.ownerDocument.body;
  for (let e = table.parentElement; e && e !== body; e = e.parentElement)
    if (textBoxes(e).length || e.matches('main,[role=main]')) return e;
  return body;
}

/** Pages: all three. The list's search box, in its region. */
export function findSearchInput(region: ParentNode): HTMLInputElement | null {
  return textBoxes(region)[0] ?? null;
}

export interface Filters {
  /** 'active', 'all', another status in the page's words, or null when none is set or found. */
  status: string | null;
  /** A site the list is filtered to (a host, or a name that starts one). */
  site: string | null;
  /** Another filter has a value (account type, app access…). */
  other: boolean;
  /** Whether a status filter was found at all. */
  found: boolean;
}

const statusWord = (value: string) => (ACTIVE.test(value) ? 'active' : ALL.test(value) ? 'all' : value || null);

/** Pages: all three. The list's filters: design-system dropdowns and selects, "Label: value" triggers, and the URL's query. */
export function readFilters(region: ParentNode, href: string): Filters {
  const found: Filters = { status: null, site: null, other: false, found: false };
  const take = (label: string, value: string) => {
    if (STATUS_H.test(label)) {
      found.found = true;
      found.status = statusWord(value);
    } else if (SITE_H.test(label)) found.site = value && !ALL.test(value) ? value : null;
    else if (value && !ALL.test(value)) found.other = true;
  };
  for (const input of all<HTMLInputElement>(region, 'input[role=combobox]')) {
    const label = norm(input.getAttribute('aria-label') ?? input.placeholder);
    let control: Element | null = input;
    for (let i = 0; i < 4 && control && !norm(control.textContent); i++) control = control.parentElement;
    take(label, norm(control?.textContent));
  }
  for (const trigger of all(region, 'button[aria-haspopup]')) {
    const [label = '', ...value] = norm(trigger.textContent).split(/\s*[:：]\s*/);
    if (!trigger.closest('table')) take(label, value.join(':'));
  }
  const query = new URL(href).searchParams;
  const status = query.get('status');
  if (status !== null) take('status', norm(status));
  const site = query.get('site');
  if (site) found.site = site;
  return found;
}

export interface ListPage {
  /** The page's own pager after the table, if any. */
  kind: 'numbered' | 'cursor' | 'none';
  first: boolean;
}

/** Pages: all three. Whether the list shows its first page: page 1, or, by cursor, no enabled Previous. */
export function listPage(table: Element, region: ParentNode): ListPage {
  const nav = all(region, 'nav').find(
    (n) => table.compareDocumentPosition(n) & Node.DOCUMENT_POSITION_FOLLOWING && n.querySelector('button'),
  );
  if (!nav) return { kind: 'none', first: true };
  const current = nav.querySelector('[aria-current=page]');
  if (current) return { kind: 'numbered', first: norm(current.textContent) === '1' };
  const previous = nav.querySelector('button');
  return {
    kind: 'cursor',
    first: !previous || previous.disabled || previous.getAttribute('aria-disabled') === 'true',
  };
}

/** Pages: all three. Where a panel of Relink's own goes when there is no list: after the page's heading, else in main. */
export function findPanelAnchor(root: ParentNode): Element | null {
  return root.querySelector('main h1,[role=main] h1,h1') ?? root.querySelector('main,[role=main]');
}

/** Pages: all three. The page's own “Invite users” control (not one of Relink's). [assumed] its label. */
export function findInviteButton(root: ParentNode): HTMLElement | null {
  return (
    all(root, 'button,a[href],[role=button]').find(
      (b) => /^invite (users|people)$/.test(norm(b.textContent)) && !mine(b),
    ) ?? null
  );
}

/**
 * Sites the page names outside its user list — links, the site switcher, breadcrumbs, a filter's
 * trigger or options: candidates only, each confirmed by its tenant_info before Relink uses it.
 */
export function siteCandidates(root: ParentNode): string[] {
  const hosts = new Set<string>();
  const add = (text: string | null) => {
    for (const m of (text ?? '').toLowerCase().matchAll(/\b[a-z0-9][a-z0-9-]{0,62}\.atlassian\.net\b/g))
      hosts.add(m[0]);
  };
  for (const e of all(root, 'a[href],button,nav li,h1,[role=option],[role=menuitemradio]'))
    if (!e.closest('table') && !mine(e)) add(e instanceof HTMLAnchorElement ? e.hostname : e.textContent);
  return [...hosts].slice(0, 20);
}
