/**
 * Everything Relink looks for in Atlassian's admin pages, in one place. The pages use generated
 * class names and change without notice (docs/atlassian.md §7), so nothing here relies on a class or a
 * column position: tables are found by their header texts, controls by role and label.
 * Each finder names the pages where it must match; tests/unit/host-selectors.test.ts checks them
 * against fixtures of those pages and against deliberately changed markup.
 */

const norm = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim().toLowerCase();

export interface UserTable {
  table: HTMLTableElement;
  /** The page's own row group (its users). */
  body: HTMLTableSectionElement;
  /** Column index of each known column, found by header text; -1 when absent. */
  columns: { user: number; lastSeen: number; status: number; actions: number; count: number };
}

/** Pages: legacy site admin, org and site user lists. The table whose headers name the user and the status. */
export function findUserTable(root: ParentNode): UserTable | null {
  for (const table of Array.from(root.querySelectorAll('table'))) {
    const headers = Array.from(table.querySelectorAll('thead th, thead [role="columnheader"]')).map((th) =>
      norm(th.textContent),
    );
    const user = headers.findIndex((h) => /^(user|name)\b/.test(h));
    const status = headers.findIndex((h) => h.startsWith('status'));
    const body = Array.from(table.tBodies).find((b) => !b.hasAttribute('data-relink'));
    if (user < 0 || status < 0 || !body) continue;
    return {
      table,
      body,
      columns: {
        user,
        status,
        lastSeen: headers.findIndex((h) => h.startsWith('last seen') || h.startsWith('last active')),
        actions: headers.findIndex((h) => h.startsWith('action')),
        count: headers.length,
      },
    };
  }
  return null;
}

/** Pages: all three. The list's search box. */
export function findSearchInput(root: ParentNode): HTMLInputElement | null {
  const inputs = Array.from(root.querySelectorAll<HTMLInputElement>('input'));
  return (
    inputs.find(
      (i) =>
        i.type === 'search' || /search/.test(norm(i.getAttribute('aria-label'))) || /search/.test(norm(i.placeholder)),
    ) ?? null
  );
}

/** Pages: all three. The status filter; its value in Relink's words: 'active', 'all', or another status. */
export function statusFilterValue(root: ParentNode): string | null {
  const select = Array.from(root.querySelectorAll<HTMLSelectElement>('select')).find((s) =>
    norm(s.getAttribute('aria-label')).startsWith('status'),
  );
  if (!select) return null;
  const text = norm(select.selectedOptions[0]?.textContent);
  return text.startsWith('all') ? 'all' : text.split(' ')[0] || null;
}

/** Pages: all three. The page of the list being shown (1 when the list has no pagination). */
export function currentListPage(root: ParentNode): number {
  const nav = Array.from(root.querySelectorAll('nav')).find((n) =>
    /pagination/.test(norm(n.getAttribute('aria-label'))),
  );
  const current = nav?.querySelector('[aria-current="page"]');
  const n = Number(norm(current?.textContent));
  return Number.isInteger(n) && n > 0 ? n : 1;
}

/** Pages: all three. Where a panel of Relink's own goes when the table cannot be found: after the "Users" heading, else in main. */
export function findPanelAnchor(root: ParentNode): Element | null {
  const heading = Array.from(root.querySelectorAll('h1, [role="heading"][aria-level="1"]')).find(
    (h) => norm(h.textContent) === 'users',
  );
  return heading ?? root.querySelector('main, [role="main"]');
}

/** Pages: all three. The page's own “Invite users” control (not one of Relink's). [assumed] its label. */
export function findInviteButton(root: ParentNode): HTMLElement | null {
  return (
    Array.from(root.querySelectorAll<HTMLElement>('button, a[href], [role="button"]')).find(
      (b) => /^invite (users|people)$/.test(norm(b.textContent)) && !b.closest('[data-relink]'),
    ) ?? null
  );
}

/** What a changed page is missing, for the console warning. */
export function describeMissing(root: ParentNode): string[] {
  const missing: string[] = [];
  if (!findUserTable(root)) missing.push('the user table (a <table> with “User” and “Status” column headers)');
  if (!findSearchInput(root)) missing.push('the search box');
  if (statusFilterValue(root) === null) missing.push('the status filter');
  return missing;
}
