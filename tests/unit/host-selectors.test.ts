import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  currentListPage,
  describeMissing,
  findPanelAnchor,
  findSearchInput,
  findUserTable,
  statusFilterValue,
} from '@/utils/page/host-selectors';
import { hiddenUsersVisible, matchesSearch } from '@/utils/page/hidden-filter';

// happy-dom gives import.meta.url no file path; the tests run from the repository root.
const fixture = (name: string) => readFileSync(resolve('tests/fixtures/admin', `${name}.html`), 'utf8');
function load(name: string) {
  document.documentElement.innerHTML = new DOMParser().parseFromString(
    fixture(name),
    'text/html',
  ).documentElement.innerHTML;
}

describe.each(['legacy', 'org', 'site-admin'])('host selectors on the %s user list', (page) => {
  beforeEach(() => load(page));

  it('find the user table and its columns by header text', () => {
    const found = findUserTable(document)!;
    expect(found.columns).toEqual({ user: 0, lastSeen: 1, status: 2, actions: 3, count: 4 });
    expect(found.body.querySelectorAll('tr').length).toBeGreaterThan(0);
  });

  it('find the search box, the status filter (Active by default) and the current page', () => {
    expect(findSearchInput(document)?.getAttribute('aria-label')).toBe('Search by name or email');
    expect(statusFilterValue(document)).toBe('active');
    expect(currentListPage(document)).toBe(1);
  });

  it('miss nothing', () => {
    expect(describeMissing(document)).toEqual([]);
  });
});

describe('host selectors on changed markup', () => {
  beforeEach(() => load('changed-grid'));

  it('find no table, say what is missing, and still find where a panel can go', () => {
    expect(findUserTable(document)).toBeNull();
    expect(describeMissing(document)).toEqual([
      'the user table (a <table> with “User” and “Status” column headers)',
      'the search box',
      'the status filter',
    ]);
    expect(findPanelAnchor(document)?.textContent).toBe('Users');
  });

  it('never take Relink’s own row group for the page’s', () => {
    load('legacy');
    const { table } = findUserTable(document)!;
    const mine = document.createElement('tbody');
    mine.setAttribute('data-relink', 'hidden-users');
    table.insertBefore(mine, table.tBodies[0]!);
    expect(findUserTable(document)!.body).not.toBe(mine);
  });
});

describe('which hidden users show with the page’s list', () => {
  it('show on the first page under Active or All, not under another status or on later pages', () => {
    expect(hiddenUsersVisible({ search: '', status: 'active', page: 1 })).toBe(true);
    expect(hiddenUsersVisible({ search: '', status: 'all', page: 1 })).toBe(true);
    expect(hiddenUsersVisible({ search: '', status: 'suspended', page: 1 })).toBe(false);
    expect(hiddenUsersVisible({ search: '', status: 'active', page: 2 })).toBe(false);
  });

  it('match the search text on name or email', () => {
    const rae = { displayName: 'Rae Removed', email: 'rae@tiny.example.com' };
    expect(matchesSearch(rae, ' rae ')).toBe(true);
    expect(matchesSearch(rae, 'TINY.example')).toBe(true);
    expect(matchesSearch({ displayName: 'Hal Hidden', email: null }, 'hal@')).toBe(false);
  });
});
