/**
 * The popup's page check and "Copy page skeleton" (components/PopupView.tsx): the content script
 * hands over the admin page's HTML as it is and the few facts only it knows; here, in the popup,
 * the HTML is parsed, Relink's own elements dropped, the same finders run on it as on the live page
 * (utils/page/host-selectors.ts), and what they found is said in a sentence. Nothing of this is in
 * the content script, whose weight is budgeted.
 */
import { formatList, plural, t } from '../i18n';
import { findSearchInput, findUserTable, listPage, listRegion, readFilters, type Columns } from './host-selectors';

/** What the content script answers: the page's HTML as it is now, and the sites it is about. */
export interface PageFacts {
  html: string;
  sites?: string[];
}

export interface PageReport {
  /** The page's list: with rows, loading, or empty; or none found. */
  list: 'rows' | 'loading' | 'empty' | 'absent';
  columns: (Omit<Columns, 'spans'> & { headers: string[] }) | null;
  /** The status filter's value in the page's words (`''` when none is set); null when none was found. */
  status: string | null;
  search: boolean;
  pager: ReturnType<typeof listPage> | null;
  sites: string[];
  shown: number;
  listed: number;
}

/**
 * The page as the popup receives it: parsed, without Relink's own rows, panel and dialogs, scripts
 * or styles; and how many rows of Relink's it had.
 */
export function parsePage(html: string): { doc: Document; shown: number } {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const shown = doc.querySelectorAll('tr[data-relink-row]').length;
  for (const e of Array.from(
    doc.querySelectorAll('[data-relink],relink-panel,relink-dialog,script,style,noscript,template,link,meta'),
  ))
    e.remove();
  return { doc, shown };
}

/** What Relink finds on a parsed page; `hidden` are the account ids of its sites' hidden users. */
export function checkPage(
  doc: Document,
  href: string,
  facts: { sites: string[]; shown: number; hidden: string[] },
): PageReport {
  const found = findUserTable(doc);
  const region = found ? listRegion(found.table) : doc.body;
  const filters = readFilters(region, href);
  return {
    list: found?.state ?? 'absent',
    columns: found
      ? {
          user: found.columns.user,
          status: found.columns.status,
          actions: found.columns.actions,
          select: found.columns.select,
          headers: found.key.split('|'),
        }
      : null,
    status: filters.found ? (filters.status ?? '') : null,
    search: !!findSearchInput(region),
    pager: found ? listPage(found.table, found.table.closest('main,[role=main]') ?? doc) : null,
    sites: facts.sites,
    shown: facts.shown,
    listed: found ? facts.hidden.filter((id) => found.listed.has(id)).length : 0,
  };
}

const LIST = { rows: 'pageCheck.listRows', loading: 'pageCheck.listLoading', empty: 'pageCheck.listEmpty' } as const;
const PAGED = {
  cursor: ['pageCheck.pagedCursorFirst', 'pageCheck.pagedCursorLater'],
  numbered: ['pageCheck.pagedNumbersFirst', 'pageCheck.pagedNumbersLater'],
} as const;

/** What Relink found, or could not find, in a few sentences (each a message: the order of sentences is the same in every language). */
export function describeReport(r: PageReport): string {
  const headers = r.columns?.headers ?? [];
  const under = (i: number | undefined) =>
    i === undefined || i < 0
      ? t('pageCheck.noColumn')
      : headers[i]
        ? t('pageCheck.header', { header: headers[i] })
        : t('pageCheck.untitled');
  const pager = r.pager;
  const sentences = [
    r.list === 'absent'
      ? t('pageCheck.noList')
      : t(LIST[r.list], { users: under(r.columns?.user), status: under(r.columns?.status) }),
    r.status === null
      ? t('pageCheck.noFilter')
      : r.status
        ? t('pageCheck.filter', { value: r.status })
        : t('pageCheck.filterNone'),
    t(r.search ? 'pageCheck.search' : 'pageCheck.noSearch'),
    !pager || pager.kind === 'none'
      ? t('pageCheck.onePage')
      : t(PAGED[pager.kind === 'cursor' ? 'cursor' : 'numbered'][pager.first ? 0 : 1]),
    r.sites.length ? t('pageCheck.sites', { sites: formatList(r.sites) }) : t('pageCheck.noSite'),
    plural('pageCheck.shows', r.shown),
    r.listed ? plural('pageCheck.listed', r.listed) : '',
  ];
  return sentences
    .filter(Boolean)
    .reduce((text, sentence) => t('common.twoSentences', { first: text, second: sentence }));
}
