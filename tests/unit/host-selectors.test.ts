/**
 * The finders of utils/page/host-selectors.ts on the simulated design-system pages' skeletons
 * (tests/fixtures/admin/), on deliberately changed markup, and on the cases the skeletons do not
 * show by themselves: a changed filter, a later page, colspans.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  findPanelAnchor,
  findSearchInput,
  findUserTable,
  listPage,
  listRegion,
  readFilters,
  siteCandidates,
  type Columns,
} from '@/utils/page/host-selectors';
import { hiddenUsersVisible, matchesSearch, matchesSite } from '@/utils/page/hidden-filter';

// happy-dom gives import.meta.url no file path; the tests run from the repository root.
const fixture = (name: string) => readFileSync(resolve('tests/fixtures/admin', `${name}.html`), 'utf8');
function load(html: string) {
  document.documentElement.innerHTML = new DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;
}
const ORG = 'https://admin.atlassian.com/o/ID-1/users';
const table = () => findUserTable(document)!;
const region = () => listRegion(table().table);

describe('on the org Directory (design-system page)', () => {
  beforeEach(() => load(fixture('org-directory')));

  it('find the list by its rows: users by their links and avatars, status by lozenges, the menu column', () => {
    const found = table();
    expect(found.state).toBe('rows');
    expect(found.columns).toMatchObject({ user: 0, status: 3, actions: 4, select: -1, spans: [1, 1, 1, 1, 1] });
    expect(found.listed.size).toBe(5);
    expect(found.head.querySelector('td')).not.toBeNull();
  });

  it('read the dropdown filters: Status not set, then set, another filter set, and the URL', () => {
    expect(readFilters(region(), ORG)).toEqual({ status: null, site: null, other: false, found: true });
    const trigger = (label: string) =>
      Array.from(document.querySelectorAll('button[aria-haspopup]')).find((b) => b.textContent === label)!;
    trigger('Status').textContent = 'Status: Suspended';
    expect(readFilters(region(), ORG).status).toBe('suspended');
    trigger('Status: Suspended').textContent = 'Status: Active';
    expect(readFilters(region(), ORG).status).toBe('active');
    trigger('App access').textContent = 'App access: No app access';
    expect(readFilters(region(), ORG).other).toBe(true);
    expect(readFilters(region(), `${ORG}?status=deactivated&site=acme.atlassian.net`)).toMatchObject({
      status: 'deactivated',
      site: 'acme.atlassian.net',
    });
  });

  it('name the org’s sites from its links, never from the list’s rows', () => {
    expect(siteCandidates(document)).toEqual(['site-1.atlassian.net', 'site-2.atlassian.net']);
    table().table.querySelector('td')!.append('evil.atlassian.net');
    expect(siteCandidates(document)).not.toContain('evil.atlassian.net');
  });
});

describe('on a site’s Users in French, with a selection column and a top-bar search', () => {
  beforeEach(() => load(fixture('site-users-select-topsearch-fr')));

  it('count the empty <td> header and put Relink’s checkbox there', () => {
    expect(table().columns).toMatchObject({ select: 0, user: 1, status: 3, actions: 4 });
  });

  it('take the list’s search, not the top bar’s, and read the select’s value', () => {
    expect(findSearchInput(region())?.placeholder).toBe('Rechercher par nom ou adresse e-mail');
    expect(readFilters(region(), 'https://admin.atlassian.com/s/ID-1/users')).toMatchObject({
      status: 'active',
      found: true,
    });
  });
});

describe('while the list loads, and when it finds nobody', () => {
  it('see the list loading (thead only, inert) by its header words', () => {
    load(fixture('site-users-loading'));
    expect(table()).toMatchObject({ state: 'loading', body: null, columns: { user: 0, status: 2 } });
  });

  it('see an empty German list, and use what the rows said before under the same headers', () => {
    load(fixture('org-directory-empty-de'));
    const found = table();
    expect(found.state).toBe('empty');
    const learnt = new Map<string, Columns>([[found.key, { ...found.columns, actions: 4, select: -1 }]]);
    expect(findUserTable(document, learnt)!.columns.actions).toBe(4);
  });
});

describe('paging', () => {
  it('by numbers: the first page, then another', () => {
    load(fixture('legacy-users-numbered-wording-es'));
    const main = table().table.closest('[role=main]')!;
    expect(listPage(table().table, main)).toEqual({ kind: 'numbered', first: true });
    const current = Array.from(main.querySelectorAll('nav [aria-current=page]')).pop()!;
    current.textContent = '2';
    expect(listPage(table().table, main)).toEqual({ kind: 'numbered', first: false });
  });

  it('by cursor: first while Previous is disabled, not once it is enabled', () => {
    load(fixture('org-directory-cursor-listed-ja'));
    const main = table().table.closest('[role=main]')!;
    expect(listPage(table().table, main)).toEqual({ kind: 'cursor', first: true });
    const previous = main.querySelector('nav button')!;
    previous.removeAttribute('disabled');
    previous.removeAttribute('aria-disabled');
    expect(listPage(table().table, main)).toEqual({ kind: 'cursor', first: false });
  });
});

describe('headers with colspans', () => {
  it('place each column under the header cell that spans it', () => {
    document.body.innerHTML = `<main><input type="search"><table><thead><tr><td></td><th colspan="2">Person</th><th>State</th></tr></thead>
      <tbody>${['a', 'b']
        .map(
          (id) =>
            `<tr><td><input type="checkbox"></td><td><img src="x"></td><td><a href="/o/1/users/${id}">N</a></td><td><span><span>Fine</span></span></td></tr>`,
        )
        .join('')}</tbody></table></main>`;
    expect(table().columns).toMatchObject({ select: 0, user: 1, status: 2, spans: [1, 2, 1] });
    expect([...table().listed]).toEqual(['a', 'b']);
  });
});

describe('on changed markup', () => {
  beforeEach(() => load(fixture('changed-grid')));

  it('find no list, and still find where a panel can go', () => {
    expect(findUserTable(document)).toBeNull();
    expect(findPanelAnchor(document)?.textContent).toBe('Users');
  });
});

describe('which hidden users show with the page’s list', () => {
  const view = { search: '', status: null, site: null, other: false, first: true };
  it('show on the first page under the default, Active or All, not under another status, filter or page', () => {
    expect(hiddenUsersVisible(view)).toBe(true);
    expect(hiddenUsersVisible({ ...view, status: 'all' })).toBe(true);
    expect(hiddenUsersVisible({ ...view, status: 'suspended' })).toBe(false);
    expect(hiddenUsersVisible({ ...view, other: true })).toBe(false);
    expect(hiddenUsersVisible({ ...view, first: false })).toBe(false);
  });

  it('match the search text on name or email, and a Site filter on host or name', () => {
    const rae = { displayName: 'Rae Removed', email: 'rae@tiny.example.com' };
    expect(matchesSearch(rae, ' rae ')).toBe(true);
    expect(matchesSearch(rae, 'TINY.example')).toBe(true);
    expect(matchesSearch({ displayName: 'Hal Hidden', email: null }, 'hal@')).toBe(false);
    expect(matchesSite('tiny.atlassian.net', null)).toBe(true);
    expect(matchesSite('tiny.atlassian.net', 'Tiny')).toBe(true);
    expect(matchesSite('tiny.atlassian.net', 'tinyext.atlassian.net')).toBe(false);
  });
});
