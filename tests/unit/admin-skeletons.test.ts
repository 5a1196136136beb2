/**
 * Every page skeleton in tests/fixtures/admin/ — captured from the simulated pages by
 * tests/fixtures/capture-admin-pages.ts, or copied from a real admin page with the popup's
 * "Copy page skeleton" and dropped in beside them — is a test: Relink must find the user list in
 * it (never the panel), the columns its rows go under, what it found when the skeleton was taken,
 * and its own rows must fit the page's header cell for cell. The skeletons name no one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hiddenBody } from '@/components/page/hidden-rows';
import type { HiddenRow } from '@/components/page/hidden-model';
import { checkPage, type PageReport } from '@/utils/page/page-check';
import { findUserTable } from '@/utils/page/host-selectors';

// happy-dom gives import.meta.url no file path; the tests run from the repository root.
const DIR = resolve('tests/fixtures/admin');
const skeletons = readdirSync(DIR)
  .filter((f) => f.endsWith('.html'))
  .map((file) => {
    const html = readFileSync(resolve(DIR, file), 'utf8');
    const meta = /^<!-- relink-skeleton (\{.*\}) -->/.exec(html)?.[1];
    return { file, html, meta: meta ? (JSON.parse(meta) as { page: string; report: PageReport }) : null };
  })
  .filter((s) => s.meta !== null);

function load(html: string) {
  document.documentElement.innerHTML = new DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;
}

const row: HiddenRow = {
  key: 'site-1.atlassian.net/ID-99',
  site: 'site-1.atlassian.net',
  showSite: false,
  user: {
    accountId: 'ID-99',
    displayName: 'Name 99',
    email: null,
    reason: 'removed',
    certainty: 'certain',
    rememberedGroups: [],
    rememberedAt: null,
  },
};
const noop = () => undefined;

describe('the page skeletons', () => {
  it('are there, at least one per simulated page', () => {
    expect(skeletons.length).toBeGreaterThanOrEqual(3);
  });

  describe.each(skeletons)('$file', ({ html, meta }) => {
    it('names no one: no email, account id, real site host, or any of the simulated people', () => {
      expect(html).not.toMatch(/Ann Active|Tia Admin|Val Viewer|Sue Suspended|Dee Deactivated|Hal Hidden|Rae Removed/);
      expect(html).not.toMatch(/@(?!example\.com)[a-z0-9.-]+\.[a-z]{2,}/i);
      expect(html).not.toMatch(/\b[0-9a-f]{24}\b|\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i);
      expect(html).not.toMatch(/(?<![a-z0-9-])(?!site-\d+\.)[a-z0-9-]+\.atlassian\.net/);
    });

    it('has a user list Relink finds, with the columns its rows go under', () => {
      load(html);
      const report = checkPage(document, meta!.page, { sites: [], shown: 0, hidden: [] });
      expect(report.list).not.toBe('absent');
      expect(report.columns?.user).toBeGreaterThanOrEqual(0);
      expect(report.columns?.status).toBeGreaterThanOrEqual(0);
      // What Relink found there when the skeleton was taken, it still finds.
      const { list, columns, status, search, pager } = meta!.report;
      expect(report).toMatchObject({ list, columns, status, search, pager });
    });

    it('takes Relink’s rows cell for cell under its headers', () => {
      load(html);
      const found = findUserTable(document)!;
      const { body, update } = hiddenBody({
        reactivate: noop,
        groups: noop,
        toggle: noop,
        toggleAll: noop,
        bulk: noop,
        site: noop,
        more: noop,
      });
      update(found, [row], 1, new Map(), new Set(), 'title', false);
      found.table.insertBefore(body, found.body);
      const mine = body.querySelector<HTMLTableRowElement>('tr[data-relink-row]')!;
      const width = (r: HTMLTableRowElement) => Array.from(r.cells).reduce((n, c) => n + c.colSpan, 0);
      expect(width(mine)).toBe(width(found.head));
      expect(mine.cells[found.columns.user]!.textContent).toContain('Name 99');
      expect(mine.cells[found.columns.status]!.textContent).toContain('Removed from site');
    });
  });
});
