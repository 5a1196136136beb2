/**
 * Relink's popup and options pages in Chromium, and what the accessibility, language and
 * pseudo-locale tests check on them: keyboard-only moves, visible text, layout.
 */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './chromium';
import { evaluateSeeingClosedRoots } from './closed-shadow';

type ExtensionGlobal = {
  chrome: {
    tabs: {
      query(q: object): Promise<{ id?: number; windowId: number }[]>;
      update(id: number, p: object): Promise<unknown>;
      create(p: object): Promise<unknown>;
    };
    runtime: { getURL(path: string): string };
  };
};

/**
 * The popup over a tab of `site` (a URL pattern, as tabs.query takes it): popup.html opened as a
 * background tab of that tab's window, so that the tab it asks about ("the active tab of the current
 * window") is the site's, as when the toolbar button is clicked. Playwright emulates focus, so the
 * page takes keyboard input although its tab is not the active one. Without `site`, popup.html in a
 * tab of its own (no site).
 */
export async function openPopup(browser: ExtensionBrowser, site?: string): Promise<Page> {
  if (!site) {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    return page;
  }
  const opened = browser.context.waitForEvent('page');
  await browser.serviceWorker.evaluate(async (pattern) => {
    const { chrome } = globalThis as unknown as ExtensionGlobal;
    const [tab] = await chrome.tabs.query({ url: pattern });
    if (tab?.id === undefined) throw new Error(`No tab on ${pattern}.`);
    await chrome.tabs.update(tab.id, { active: true });
    await chrome.tabs.create({ url: chrome.runtime.getURL('popup.html'), active: false, windowId: tab.windowId });
  }, site);
  const popup = await opened;
  await popup.waitForLoadState();
  return popup;
}

export async function openOptions(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  return page;
}

/** The focused element as a screen reader would name it, roughly: its label, aria-label or text. */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return '';
    const label = el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent;
    return label.replace(/\s+/g, ' ').trim();
  });
}

/**
 * Presses Tab (only Tab) until the focused element's name matches, and checks that keyboard focus
 * shows: a focus ring (outline) on the element. Fails after `max` presses.
 */
export async function tabTo(page: Page, name: string | RegExp, max = 60): Promise<void> {
  const matches = (text: string) => (typeof name === 'string' ? text === name : name.test(text));
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await focusedName(page);
    seen.push(focused);
    if (!matches(focused)) continue;
    const ring = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement!);
      return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1;
    });
    if (!ring) throw new Error(`“${focused}” takes keyboard focus but shows no focus ring.`);
    return;
  }
  throw new Error(`Tab never reached “${String(name)}”; it went through: ${seen.join(' | ')}`);
}

/** A line of visible text (or an accessible attribute) on the page, where it comes from. */
export interface SeenText {
  text: string;
  where: string;
}

/**
 * Where the page checks below run: the page's own world, or one that sees closed shadow roots (the
 * in-page UI); over the whole page, or only inside the elements `within` selects (Relink's own, on
 * an admin page whose words are Atlassian's).
 */
interface Where {
  closedShadowRoots?: boolean;
  within?: string[];
}

/** Runs a self-contained check with plain data in and out, in the page or in a world that sees closed roots. */
function inPage<A, R>(page: Page, fn: (arg: A) => R, arg: A, where: Where): Promise<R> {
  return where.closedShadowRoots
    ? evaluateSeeingClosedRoots(page, fn, arg)
    : page.evaluate(fn as (arg: unknown) => R, arg);
}

/** In the page (self-contained): every visible text and accessible attribute, shadow roots included. */
function collectTexts({ skipSelectors, within }: { skipSelectors: string[]; within: string[] | null }): SeenText[] {
  const skipped = (el: Element) => skipSelectors.some((s) => el.closest(s));
  const describe = (el: Element) =>
    `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('data-testid') ? `[data-testid=${el.getAttribute('data-testid')}]` : ''}`;
  const out: SeenText[] = [];
  const visit = (node: Node) => {
    for (const child of node.childNodes) {
      if (child instanceof Text) {
        const parent = child.parentElement;
        const text = child.textContent.trim();
        if (!parent || !text || skipped(parent) || !parent.checkVisibility()) continue;
        if (['SCRIPT', 'STYLE', 'TEXTAREA'].includes(parent.tagName)) continue;
        out.push({ text, where: describe(parent) });
      } else if (child instanceof Element) {
        if (!skipped(child) && child.checkVisibility())
          for (const attribute of ['aria-label', 'title', 'placeholder', 'alt']) {
            const value = child.getAttribute(attribute)?.trim();
            if (value) out.push({ text: value, where: `${describe(child)}@${attribute}` });
          }
        if (child.shadowRoot) visit(child.shadowRoot);
        visit(child);
      }
    }
  };
  if (!within) {
    visit(document.body);
    if (document.title) out.push({ text: document.title, where: 'title' });
    return out;
  }
  for (const root of within.flatMap((s) => Array.from(document.querySelectorAll(s)))) {
    if (root.shadowRoot) visit(root.shadowRoot);
    visit(root);
  }
  return out;
}

/**
 * Every visible text node and every aria-label, title, placeholder and alt of a visible element,
 * outside `skip` (selectors of what is data, not words: a report shared as it is, a host name).
 */
export function visibleTexts(page: Page, skip: string[] = [], where: Where = {}): Promise<SeenText[]> {
  return inPage(page, collectTexts, { skipSelectors: skip, within: where.within ?? null }, where);
}

/** In the page (self-contained): text past the page's edge or a clipping box, and overlapping lines. */
function collectLayoutProblems(within: string[] | null): string[] {
  const problems: string[] = [];
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > width + 1)
    problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth}px wide in ${width}px`);
  const texts: Text[] = [];
  const visit = (node: Node) => {
    for (const child of node.childNodes) {
      if (child instanceof Text) texts.push(child);
      else if (child instanceof Element) {
        if (child.shadowRoot) visit(child.shadowRoot);
        visit(child);
      }
    }
  };
  const roots = within ? within.flatMap((s) => Array.from(document.querySelectorAll(s))) : [document.body];
  for (const root of roots) {
    if (root.shadowRoot) visit(root.shadowRoot);
    visit(root);
  }
  const lines: { rect: DOMRect; node: Text }[] = [];
  for (const node of texts) {
    const parent = node.parentElement;
    if (!parent || !node.textContent.trim() || !parent.checkVisibility() || parent.closest('details:not([open])'))
      continue;
    // Words for screen readers only, clipped to nothing on purpose (a visually hidden span), are not cut text.
    const clipped = (el: Element | null): boolean =>
      !!el &&
      (getComputedStyle(el).getPropertyValue('clip') === 'rect(0px, 0px, 0px, 0px)' || clipped(el.parentElement));
    if (clipped(parent)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const rect of range.getClientRects()) {
      if (rect.width < 1 || rect.height < 1) continue;
      lines.push({ rect, node });
      const words = node.textContent.trim().slice(0, 40);
      if (rect.right > width + 1) problems.push(`“${words}” runs past the page’s edge (${Math.round(rect.right)}px)`);
      for (let box: Element | null = parent; box && box !== document.body; box = box.parentElement) {
        const style = getComputedStyle(box);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const clip = box.getBoundingClientRect();
        if (rect.right > clip.right + 1 || rect.bottom > clip.bottom + 1)
          problems.push(`“${words}” is cut by its ${box.tagName.toLowerCase()}`);
      }
    }
  }
  for (let i = 0; i < lines.length; i++)
    for (let j = i + 1; j < lines.length; j++) {
      const [a, b] = [lines[i]!, lines[j]!];
      if (a.node === b.node) continue;
      const x = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
      const y = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
      if (x > 2 && y > 2)
        problems.push(
          `“${a.node.textContent.trim().slice(0, 30)}” and “${b.node.textContent.trim().slice(0, 30)}” overlap`,
        );
    }
  return problems;
}

/**
 * Layout faults a longer language shows: text past the right edge of the page (or of a box that
 * clips it), so that it is cut or needs a horizontal scroll, and lines of two different texts
 * drawn over each other.
 */
export function layoutProblems(page: Page, where: Where = {}): Promise<string[]> {
  return inPage(page, collectLayoutProblems, where.within ?? null, where);
}
