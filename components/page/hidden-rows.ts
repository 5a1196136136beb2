/**
 * Relink's rows in the page's own user table: one row group of the hidden users, with the same
 * columns as the page, clearly marked as added by Relink.
 */
import { findInviteButton, type UserTable } from '@/utils/page/host-selectors';
import { button, css, el } from './dom';
import type { HiddenRow, RowResult } from './hidden-model';

export interface RowActions {
  reactivate(row: HiddenRow, opener: HTMLElement): void;
  groups(row: HiddenRow, opener: HTMLElement): void;
  toggle(row: HiddenRow, selected: boolean): void;
  toggleAll(selected: boolean): void;
  bulk(opener: HTMLElement): void;
}

const RESULT_STYLE: Record<RowResult['kind'], Parameters<typeof css.lozenge>[0]> = {
  working: 'removed',
  done: 'success',
  partly: 'warning',
  failed: 'danger',
  info: 'removed',
};
const LOZENGE_TEXT: Record<RowResult['kind'], string> = {
  working: 'Removed from site',
  done: 'Active',
  partly: 'Partly restored',
  failed: 'Removed from site',
  info: 'Removed from site',
};

function lozengeFor(row: HiddenRow, result: RowResult | undefined): HTMLElement {
  const reasonId = `relink-reason-${row.site}-${row.user.accountId}`.replace(/[^A-Za-z0-9_-]/g, '_');
  const kind = result ? RESULT_STYLE[result.kind] : 'removed';
  return el('span', {}, [
    el('span', { style: css.lozenge(kind), tabindex: 0, title: row.user.reason, 'aria-describedby': reasonId }, [
      result ? LOZENGE_TEXT[result.kind] : 'Removed from site',
    ]),
    el('span', { id: reasonId, style: css.visuallyHidden }, [
      `${row.user.reason}${row.user.certainty === 'certain' ? '' : ` (${row.user.certainty})`}`,
    ]),
  ]);
}

function statusLine(result: RowResult | undefined): HTMLElement {
  return el(
    'div',
    {
      role: 'status',
      'aria-live': 'polite',
      'data-relink-status': '',
      style: `${css.subtle};max-width:28rem;${result?.kind === 'failed' ? 'color:var(--ds-text-danger,#AE2E24)' : ''}`,
    },
    [result?.text ?? ''],
  );
}

/** Copies the address and opens the page's own “Invite users”, where Atlassian takes it. */
function inviteButton(email: string): HTMLElement {
  const said = el('span', { role: 'status', style: css.subtle });
  const go = () => {
    void navigator.clipboard.writeText(email).catch(() => undefined);
    const invite = findInviteButton(document);
    invite?.click();
    said.textContent = invite
      ? ` ${email} is copied: paste it in Atlassian’s invite.`
      : ` ${email} is copied: use “Invite users” on this page.`;
  };
  return el('div', {}, [button('Invite with Atlassian', go, { 'data-relink-invite': '' }), said]);
}

export function buildHiddenBody(
  table: UserTable,
  rows: HiddenRow[],
  results: Map<string, RowResult>,
  selected: Set<string>,
  actions: RowActions,
  title: string,
): HTMLTableSectionElement {
  const { columns } = table;
  const body = el('tbody', { 'data-relink': 'hidden-users', 'aria-label': 'Removed from site, found by Relink' });
  const selectable = rows.filter((r) => results.get(r.key)?.kind !== 'done');
  const allSelected = selectable.length > 0 && selectable.every((r) => selected.has(r.key));
  const header = el(
    'td',
    {
      colspan: columns.count,
      style:
        'padding:8px;border-bottom:1px solid var(--ds-border,#091E4224);background:var(--ds-background-neutral,#091E420F)',
    },
    [
      el('input', {
        type: 'checkbox',
        'aria-label': 'Select all removed users',
        checked: allSelected,
        onchange: (e: Event) => actions.toggleAll((e.currentTarget as HTMLInputElement).checked),
      }),
      ' ',
      el('strong', {}, [title]),
      el('span', { style: css.tag }, ['Relink']),
      ' ',
      selected.size > 0
        ? button(`Reactivate selected (${selected.size})`, () => actions.bulk(body), { 'data-relink-bulk': '' })
        : null,
    ],
  );
  body.append(el('tr', { 'data-relink-header': '' }, [header]));

  for (const row of rows) {
    const result = results.get(row.key);
    const cells = Array.from({ length: columns.count }, () =>
      el('td', { style: 'padding:8px;border-bottom:1px solid var(--ds-border,#091E4224);vertical-align:top' }),
    );
    const cellAt = (index: number): HTMLTableCellElement => {
      const cell = cells[index];
      if (!cell) throw new Error(`Relink: no cell ${index} in a row of ${columns.count} columns`);
      return cell;
    };
    const userCell = cellAt(columns.user);
    userCell.style.borderLeft = '3px solid var(--ds-border-discovery,#8F7EE7)';
    userCell.append(
      el('div', { style: 'display:flex;flex-direction:row;gap:8px;align-items:flex-start' }, [
        el('input', {
          type: 'checkbox',
          'aria-label': `Select ${row.user.displayName}`,
          checked: selected.has(row.key),
          disabled: result?.kind === 'done',
          onchange: (e: Event) => actions.toggle(row, (e.currentTarget as HTMLInputElement).checked),
        }),
        // Names can be any length: let them wrap anywhere rather than widen the page's table.
        el('div', { style: 'display:flex;flex-direction:column;min-width:0;overflow-wrap:anywhere' }, [
          // <bdi>: a right-to-left override inside a name must not reorder what follows it.
          el('span', { style: css.text }, [
            el('bdi', {}, [row.user.displayName || '(no name)']),
            el('span', { style: css.tag, title: 'Added to this list by Relink' }, ['Relink']),
          ]),
          el('span', { style: css.subtle }, [
            row.user.email ? el('bdi', {}, [row.user.email]) : 'email hidden by the user’s profile settings',
          ]),
          row.showSite ? el('span', { style: css.subtle }, [row.site]) : null,
          statusLine(result),
          result?.invite ? inviteButton(result.invite) : null,
        ]),
      ]),
    );
    if (columns.lastSeen >= 0)
      cellAt(columns.lastSeen).append(
        el('span', { style: css.subtle, title: 'Atlassian does not show when removed users were last seen' }, ['—']),
      );
    cellAt(columns.status).append(lozengeFor(row, result));
    const actionCell = cellAt(columns.actions >= 0 ? columns.actions : columns.status);
    if (result?.kind !== 'done')
      actionCell.append(
        button(
          'Reactivate',
          () => actions.reactivate(row, actionCell),
          { 'aria-label': `Reactivate ${row.user.displayName}` },
          true,
        ),
      );
    actionCell.append(
      button('Groups', () => actions.groups(row, actionCell), { 'aria-label': `Groups of ${row.user.displayName}` }),
    );
    body.append(el('tr', { 'data-relink-row': row.key }, cells));
  }
  return body;
}
