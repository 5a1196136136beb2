/**
 * "Copy page skeleton": the admin page's user-list region made safe to attach to a bug report,
 * as HTML that the test suite loads as a fixture (tests/fixtures/admin/*.html, a test each).
 * Kept: tags, roles, aria attributes, test ids, the shape of links, header, control, filter and
 * status texts. Replaced: every name, email, account id and other id, site host, avatar, input
 * value, date and other free text — consistently, so a row's link and its test id still name
 * the same placeholder account. Runs in the popup, on the parsed page (utils/page/page-check.ts).
 */
import type { PageReport } from './page-check';

const VOID = new Set(['input', 'img', 'br', 'hr', 'col', 'source', 'area', 'wbr']);
const KEEP_ATTR =
  /^(role|aria-.*|data-testid|type|href|src|colspan|rowspan|disabled|inert|hidden|placeholder|title|alt|id|for|name|value|scope|checked|selected|lang|tabindex)$/;
/** Elements whose text is the page's own wording, not data about people. */
const CHROME =
  'thead,th,button,label,legend,h1,h2,h3,caption,option,nav,[role=button],[role=option],[role=menuitemradio],[role=columnheader],[role=heading]';
const ID =
  /\b(?:qm:[0-9a-f-]{36}:[0-9a-f-]{36}|\d{6}:[0-9a-f]{8}-[0-9a-f-]{27}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{24})\b/gi;
const EMAIL = /[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+\.[a-z]{2,}/gi;
const HOST = /\b(?!admin\.)[a-z0-9][a-z0-9-]{0,62}\.atlassian\.net\b/gi;
const DATE = /\d{1,4}[./ -]+\S{1,6}[./ -]+\d{2,4}|\d{4}年|\b\d{4}\b/;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

class Scrubber {
  private readonly maps = new Map<string, Map<string, string>>();
  /** People's texts (names, free text of rows), to find again in attributes. */
  private readonly names = new Set<string>();
  /** Account ids the page's links name (`/users/{accountId}`), whatever their shape, to find again anywhere. */
  readonly accounts = new Set<string>();

  private stand(kind: string, value: string, make: (n: number) => string): string {
    let map = this.maps.get(kind);
    if (!map) this.maps.set(kind, (map = new Map<string, string>()));
    let said = map.get(value);
    if (said === undefined) map.set(value, (said = make(map.size + 1)));
    return said;
  }

  /** A text about someone, or free text: a name in the list's rows (learnt, to find in attributes too), else `Text`. */
  person(text: string, inRows: boolean): string {
    const t = text.trim();
    if (t.includes('@')) return this.scrub(t);
    if (DATE.test(t)) return '1 Jan 2026';
    if (!inRows) return this.stand('text', t, (n) => `Text ${n}`);
    this.names.add(t);
    return this.stand('name', t, (n) => `Name ${n}`);
  }

  scrub(text: string, attribute = false): string {
    let out = text
      .replace(EMAIL, (m) => this.stand('email', m.toLowerCase(), (n) => `user-${n}@example.com`))
      .replace(HOST, (m) => this.stand('host', m.toLowerCase(), (n) => `site-${n}.atlassian.net`))
      .replace(ID, (m) => this.stand('id', m.toLowerCase(), (n) => `ID-${n}`));
    for (const id of this.accounts) out = out.split(id).join(this.stand('id', id.toLowerCase(), (n) => `ID-${n}`));
    if (attribute)
      for (const name of [...this.names].sort((a, b) => b.length - a.length))
        if (name.length > 2) out = out.split(name).join(this.stand('name', name, (n) => `Name ${n}`));
    return out;
  }

  href(value: string): string {
    try {
      const url = new URL(value, 'https://admin.atlassian.com');
      const path = url.pathname
        .split('/')
        .map((s) => this.scrub(decodeURIComponent(s)))
        .join('/');
      return value.startsWith('/') ? path : `https://${this.scrub(url.hostname)}${path}`;
    } catch {
      return '#';
    }
  }
}

/**
 * Whether a text is the page's wording: inside the header or a control, or a cell's only text when
 * that cell holds no link, picture or input (a status lozenge, a count) and it is no date.
 */
function isPageWording(text: Text, controls: Element[]): boolean {
  const parent = text.parentElement;
  const t = text.data.trim();
  if (!parent || t.length <= 2 || /^\d{1,4}$/.test(t)) return true;
  const cell = parent.closest('td');
  if (cell && !parent.closest('thead')) {
    return (
      cell.textContent.trim() === t &&
      t.length <= 30 &&
      !cell.querySelector('a,img,input,[role=img]') &&
      !DATE.test(t) &&
      !t.includes('@')
    );
  }
  return (
    (!!parent.closest(CHROME) || controls.some((c) => c.contains(parent))) && !parent.closest('a[href*="/users/"]')
  );
}

/** The value shown beside each select's combobox input: a filter's value, the page's wording. */
function selectValues(doc: Document): Element[] {
  return Array.from(doc.querySelectorAll('input[role=combobox]')).map((input) => {
    let e: Element = input;
    for (let i = 0; i < 4 && e.parentElement && !e.textContent.trim(); i++) e = e.parentElement;
    return e;
  });
}

const inRows = (node: Node) => !!node.parentElement?.closest('tbody');

function render(node: Element, s: Scrubber, controls: Element[]): string {
  const tag = node.localName;
  if (!/^[a-z][a-z0-9-]*$/.test(tag)) return '';
  const attrs = Array.from(node.attributes)
    .filter((a) => KEEP_ATTR.test(a.name))
    .map((a) => {
      const v =
        a.name === 'href'
          ? s.href(a.value)
          : a.name === 'src'
            ? '/avatar.png'
            : a.name === 'value'
              ? ''
              : s.scrub(a.value, true);
      return ` ${a.name}="${esc(v)}"`;
    })
    .join('');
  if (VOID.has(tag)) return `<${tag}${attrs}>`;
  const inner =
    tag === 'svg'
      ? ''
      : Array.from(node.childNodes)
          .map((c) => {
            if (c instanceof Element) return render(c, s, controls);
            if (c.nodeType !== 3 || !c.textContent?.trim()) return '';
            return esc(
              isPageWording(c as Text, controls) ? s.scrub(c.textContent) : s.person(c.textContent, inRows(c)),
            );
          })
          .join('');
  return `<${tag}${attrs}>${inner}</${tag}>`;
}

/** The sanitized skeleton of a parsed admin page, with what Relink found there, as a fixture's HTML. */
export function sanitizeSkeleton(doc: Document, href: string, report: PageReport): string {
  const s = new Scrubber();
  const controls = selectValues(doc);
  // People's texts first, so that attributes naming them (aria-label="More actions for …") lose them too.
  for (const a of Array.from(doc.querySelectorAll('a[href*="/users/"]'))) {
    const id = /\/users\/([^/?#]+)/.exec(a.getAttribute('href') ?? '')?.[1];
    if (id && id.length > 3) s.accounts.add(decodeURIComponent(id));
  }
  const walker = doc.createTreeWalker(doc.body, 4);
  for (let t = walker.nextNode(); t; t = walker.nextNode())
    if (t.textContent?.trim() && !isPageWording(t as Text, controls)) s.person(t.textContent, inRows(t));
  const body = Array.from(doc.body.children)
    .map((c) => render(c, s, controls))
    .join('');
  const meta = {
    relinkSkeleton: 1,
    page: s.href(href.split(/[?#]/)[0] ?? ''),
    lang: doc.documentElement.lang,
    captured: new Date().toISOString().slice(0, 10),
    report: {
      ...report,
      sites: report.sites.map((h) => s.scrub(h)),
      columns: report.columns && { ...report.columns, headers: report.columns.headers.map((h) => s.scrub(h)) },
    },
  };
  return `<!-- relink-skeleton ${JSON.stringify(meta).replace(/--/g, '-\\u002d')} -->\n<html lang="${esc(doc.documentElement.lang)}"><body>${body}</body></html>\n`;
}
