/**
 * The simulated admin pages' switches, read from the page URL's query so a test picks a variant by
 * the address it opens, and kept by the app through its own navigation:
 *   ?sim=loading,select,cursor&lang=de
 * - `loading`: the list never finishes loading (thead only, the table `inert`);
 * - `empty`: every query finds nobody (no `<tbody>`, the empty view outside the table);
 * - `select`: a selection column whose header has no content (so a `<td>`, not a `<th>`);
 * - `topsearch`: a global "Search" box in the top bar, before the list's own;
 * - `cursor` / `numbered`: Previous/Next only, or numbered pages (the org list defaults to cursor);
 * - `listed`: the page itself lists users removed from every site whose account lives on;
 * - `wording`: the alternative header wording of strings.ts;
 * - `nosites`: the page names no site (no site links, switcher or breadcrumb);
 * - `per2`: two users per page, so a small scenario has several pages;
 * - `classic`: the older hand-written page (app.js) instead of the design-system one.
 * `lang`: en, de, fr, es, ja, pt-BR (strings.ts).
 */
import { langOf, type Lang } from './strings';

const TOKENS = [
  'loading',
  'empty',
  'select',
  'topsearch',
  'cursor',
  'numbered',
  'listed',
  'wording',
  'nosites',
  'per2',
  'classic',
] as const;
type SwitchToken = (typeof TOKENS)[number];

export interface Switches {
  on: Set<SwitchToken>;
  lang: Lang;
}

export function readSwitches(search: string): Switches {
  const params = new URLSearchParams(search);
  const asked = (params.get('sim') ?? '').split(',');
  return {
    on: new Set(TOKENS.filter((t) => asked.includes(t))),
    lang: langOf(params.get('lang')),
  };
}
