/**
 * Relink's rows in the page's own user table: one row group of the hidden users, cell for cell
 * under the page's headers (colspans included), looking like the page's rows (their cells' classes
 * copied, the user's avatar, a lozenge that does not wrap) and clearly marked as Relink's.
 * Rows are kept by key and updated in place, so focus, a checked box and an open dialog's opener
 * survive every re-render.
 */
import { messagesLocale, t } from '@/utils/i18n';
import { findInviteButton, type Columns } from '@/utils/page/host-selectors';
import { button, css, el } from './dom';
import type { HiddenRow, RowResult } from './hidden-model';

export interface RowActions {
  reactivate(row: HiddenRow, opener: HTMLElement): void;
  groups(row: HiddenRow, opener: HTMLElement): void;
  toggle(row: HiddenRow, selected: boolean): void;
  toggleAll(selected: boolean): void;
  bulk(opener: HTMLElement): void;
  /** The admin names the site this list is about. */
  site(host: string): void;
  /** The admin asks for the next rows of a long list. */
  more(): void;
}

/** Where Relink's cells go, and the page row whose look they copy. */
export interface Layout {
  columns: Columns;
  sample: HTMLTableRowElement | null;
}

const RESULT_STYLE: Record<RowResult['kind'], Parameters<typeof css.lozenge>[0]> = {
  working: 'removed',
  done: 'success',
  partly: 'warning',
  failed: 'danger',
  info: 'removed',
};
const CELL = 'padding:8px;border-bottom:1px solid var(--ds-border,#091E4224);vertical-align:middle';

function lozengeFor(row: HiddenRow, result: RowResult | undefined): HTMLElement {
  const reasonId = `relink-reason-${row.site}-${row.user.accountId}`.replace(/[^A-Za-z0-9_-]/g, '_');
  const kind = result?.kind;
  return el('span', {}, [
    el(
      'span',
      {
        style: css.lozenge(kind ? RESULT_STYLE[kind] : 'removed'),
        tabindex: 0,
        title: row.user.reason,
        'aria-describedby': reasonId,
      },
      [t(kind === 'done' ? 'state.active' : kind === 'partly' ? 'row.partly' : 'row.removed')],
    ),
    el('span', { id: reasonId, style: css.visuallyHidden }, [
      row.user.certainty === 'certain'
        ? row.user.reason
        : t('row.reasonCertainty', {
            reason: row.user.reason,
            certainty: t(row.user.certainty === 'likely' ? 'row.likely' : 'row.unsure'),
          }),
    ]),
  ]);
}

/** The user's avatar, as the page shows its own (a plain circle where the picture cannot load). */
function avatar(row: HiddenRow): HTMLElement {
  const src = row.user.avatarUrl;
  // Only an https picture; one that fails to load goes.
  return el('span', { style: css.avatar }, [
    src?.startsWith('https://')
      ? el('img', {
          src,
          alt: '',
          'data-relink-avatar': '',
          referrerpolicy: 'no-referrer',
          style: css.avatar,
          onerror: (e: Event) => (e.currentTarget as Element).remove(),
        })
      : null,
  ]);
}

/** Copies the address and opens the page's own “Invite users”, where Atlassian takes it. */
function inviteButton(email: string): HTMLElement {
  const said = el('span', { role: 'status', style: css.subtle });
  const go = () => {
    void navigator.clipboard.writeText(email).catch(() => undefined);
    const invite = findInviteButton(document);
    invite?.click();
    said.textContent = ` ${t(invite ? 'row.inviteCopied' : 'row.inviteCopiedNoButton', { email })}`;
  };
  return el('div', {}, [button(t('row.invite'), go, { 'data-relink-invite': '' }), said]);
}

interface RowView {
  tr: HTMLTableRowElement;
  box: HTMLInputElement;
  status: HTMLElement;
  lozenge: HTMLElement;
  invite: HTMLElement;
  /** The row's buttons live as long as the row: a dialog gives focus back to the one that opened it. */
  reactivate: HTMLButtonElement;
  groups: HTMLButtonElement;
  row: HiddenRow;
  said: string;
}

function buildRow(row: HiddenRow, layout: Layout, actions: RowActions): RowView {
  const { columns, sample } = layout;
  const look = sample ? Array.from(sample.cells) : [];
  const cells = columns.spans.map((span, i) => {
    const td = el('td', { colspan: span > 1 ? span : undefined });
    if (look[i]) td.className = look[i].className;
    else td.style.cssText = CELL;
    return td;
  });
  const first = cells[0] ?? el('td');
  const at = (i: number) => cells[i] ?? first;
  const box = el('input', {
    type: 'checkbox',
    'aria-label': t('row.select', { name: row.user.displayName }),
    onchange: (e: Event) => actions.toggle(row, (e.currentTarget as HTMLInputElement).checked),
  });
  const status = el('div', {
    role: 'status',
    'aria-live': 'polite',
    'data-relink-status': '',
    style: `${css.subtle};max-width:28rem`,
  });
  const invite = el('div');
  const user = at(columns.user);
  user.style.borderLeft = '3px solid var(--ds-border-discovery,#8F7EE7)';
  if (columns.select >= 0) at(columns.select).append(box);
  user.append(
    el('div', { style: 'display:flex;gap:8px;align-items:center' }, [
      columns.select < 0 ? box : null,
      avatar(row),
      // Names can be any length: let them wrap anywhere rather than widen the page's table.
      el('div', { style: 'display:flex;flex-direction:column;min-width:0;overflow-wrap:anywhere' }, [
        // <bdi>: a right-to-left override inside a name must not reorder what follows it.
        el('span', { style: css.text }, [
          row.user.displayName ? el('bdi', { translate: 'no' }, [row.user.displayName]) : t('row.noName'),
          el('span', { style: css.tag, title: t('list.tagTitle'), translate: 'no' }, ['Relink']),
        ]),
        el('span', { style: css.subtle }, [
          row.user.email ? el('bdi', { translate: 'no' }, [row.user.email]) : t('row.emailHidden'),
        ]),
        row.showSite ? el('span', { style: css.subtle, translate: 'no' }, [row.site]) : null,
        status,
        invite,
      ]),
    ]),
  );
  const lozenge = el('span');
  at(columns.status).append(lozenge);
  const name = { name: row.user.displayName };
  const reactivate: HTMLButtonElement = button(
    t('row.reactivate'),
    () => actions.reactivate(view.row, reactivate),
    { 'aria-label': t('row.reactivateName', name) },
    true,
  );
  const groups: HTMLButtonElement = button(t('row.groups'), () => actions.groups(view.row, groups), {
    'aria-label': t('row.groupsOf', name),
  });
  const act = el('span', { style: 'white-space:nowrap' }, [reactivate, groups]);
  at(columns.actions >= 0 ? columns.actions : columns.status).append(act);
  const tr = el('tr', { 'data-relink-row': row.key }, cells);
  if (sample) tr.className = sample.className;
  const view: RowView = { tr, box, status, lozenge, invite, reactivate, groups, row, said: '-' };
  return view;
}

/** Brings a row up to date, touching only what changed. */
function updateRow(view: RowView, row: HiddenRow, result: RowResult | undefined, on: boolean) {
  const done = result?.kind === 'done';
  view.row = row;
  if (view.box.checked !== on) view.box.checked = on;
  if (view.box.disabled !== done) view.box.disabled = done;
  const said = `${result?.kind ?? ''}|${result?.text ?? ''}|${result?.invite ?? ''}`;
  if (said === view.said) return;
  view.said = said;
  view.status.textContent = result?.text ?? '';
  view.status.style.color = result?.kind === 'failed' ? 'var(--ds-text-danger,#AE2E24)' : '';
  view.invite.replaceChildren(...(result?.invite ? [inviteButton(result.invite)] : []));
  view.lozenge.replaceChildren(lozengeFor(row, result));
  // A user back on the site has nothing to reactivate; focus on that button moves to its neighbour.
  if (done && view.reactivate.isConnected) {
    const focused = view.reactivate.getRootNode() === document && document.activeElement === view.reactivate;
    view.reactivate.remove();
    if (focused) view.groups.focus();
  }
}

/** Relink's row group: a title row (select all, the count, bulk, the site question), then a row per user. */
export function hiddenBody(actions: RowActions) {
  const body = el('tbody', { 'data-relink': 'hidden-users', lang: messagesLocale(), 'aria-label': t('list.label') });
  const all = el('input', {
    type: 'checkbox',
    'aria-label': t('list.selectAll'),
    onchange: (e: Event) => actions.toggleAll((e.currentTarget as HTMLInputElement).checked),
  });
  const title = el('strong');
  const bulk = el('span');
  // One bulk button, relabelled as the selection changes: the bulk dialog gives focus back to it.
  const start: HTMLButtonElement = button('', () => actions.bulk(start), { 'data-relink-bulk': '' });
  const host = el('input', { placeholder: 'yoursite.atlassian.net' });
  const ask = el('span', {}, [
    el('label', {}, [` ${t('list.whichSite')} `, host]),
    button(t('list.useSite'), () => actions.site(host.value)),
  ]);
  const top = el('td', { style: `${CELL};background:var(--ds-background-neutral,#091E420F)` }, [
    all,
    ' ',
    title,
    el('span', { style: css.tag, translate: 'no' }, ['Relink']),
    ' ',
    bulk,
    ask,
  ]);
  const head = el('tr', { 'data-relink-header': '' }, [top]);
  const moreText = el('span', { role: 'status', style: css.subtle });
  const moreCell = el('td', { style: CELL }, [
    moreText,
    ' ',
    button(t('list.showMore'), () => showMore(), { 'data-relink-more': '' }),
  ]);
  const foot = el('tr', { 'data-relink-more-row': '' }, [moreCell]);
  body.append(head, foot);
  const views = new Map<string, RowView>();
  let layoutKey = '';
  let count = -1;
  let rendered: HiddenRow[] = [];

  /** Asks for the next rows; when none are left to ask for, focus goes to the first new row rather than nowhere. */
  function showMore(): void {
    const first = rendered.length;
    actions.more();
    setTimeout(() => {
      const view = views.get(rendered[first]?.key ?? '');
      if (foot.hidden && view)
        [view.box, view.reactivate, view.groups].find((e) => e.isConnected && !e.disabled)?.focus();
    });
  }

  /** `rows`: the ones to render now, the first of `matching` — the rest wait behind “Show more”. */
  function update(
    layout: Layout,
    rows: HiddenRow[],
    matching: number,
    results: Map<string, RowResult>,
    selected: Set<string>,
    text: string,
    askSite: boolean,
  ): void {
    rendered = rows;
    const key = JSON.stringify(layout.columns) + (layout.sample?.className ?? '');
    if (key !== layoutKey) {
      layoutKey = key;
      for (const view of views.values()) view.tr.remove();
      views.clear();
      top.colSpan = moreCell.colSpan = layout.columns.spans.reduce((a, b) => a + b, 0);
    }
    foot.hidden = rows.length >= matching;
    const showing = t('list.showing', { shown: rows.length, total: matching });
    if (moreText.textContent !== showing) moreText.textContent = showing;
    if (title.textContent !== text) title.textContent = text;
    ask.hidden = !askSite;
    const selectable = rows.filter((r) => results.get(r.key)?.kind !== 'done');
    const allOn = selectable.length > 0 && selectable.every((r) => selected.has(r.key));
    if (all.checked !== allOn) all.checked = allOn;
    const chosen = selected.size;
    if (chosen !== count) {
      count = chosen;
      start.textContent = t('list.reactivateSelected', { count: chosen });
      // Nothing selected, no button; focus on it moves to the box that selects all.
      // (Appending it again would move it, and blur it.)
      if (chosen) {
        if (!start.isConnected) bulk.append(start);
      } else if (start.isConnected) {
        const focused = document.activeElement === start;
        start.remove();
        if (focused) all.focus();
      }
    }
    const keep = new Set(rows.map((r) => r.key));
    for (const [k, view] of views)
      if (!keep.has(k)) {
        view.tr.remove();
        views.delete(k);
      }
    let before: Element = head;
    for (const row of rows) {
      let view = views.get(row.key);
      if (!view) views.set(row.key, (view = buildRow(row, layout, actions)));
      updateRow(view, row, results.get(row.key), selected.has(row.key));
      // Only a row out of place moves: moving a focused element would blur it.
      if (before.nextElementSibling !== view.tr) before.after(view.tr);
      before = view.tr;
    }
  }
  return { body, update, rendered: () => rendered };
}
