/**
 * Relink's dialogs live in closed shadow roots, which puppeteer's `>>>` (like any page script)
 * cannot enter. WebDriver BiDi can: serialized with `includeShadowTree: 'all'`, an element carries
 * its shadow root, open or closed, as a node the driver can query. Only the driver holds it; the
 * page's world still sees `host.shadowRoot === null`.
 */
import type { ElementHandle, Page } from 'puppeteer-core';

/** The little of puppeteer's BiDi realm (internal, puppeteer-core 24) this needs. */
interface BidiRealm {
  realm: {
    callFunction(
      fn: string,
      awaitPromise: boolean,
      options: object,
    ): Promise<{ type: string; result: { value?: { shadowRoot?: object | null } } }>;
  };
  serialize(arg: unknown): unknown;
  createHandle(value: object): ElementHandle;
}

/** The shadow root of `element`, open or closed, or null. */
async function shadowRootOf(element: ElementHandle): Promise<ElementHandle | null> {
  const realm = (element as unknown as { realm: BidiRealm }).realm;
  const reply = await realm.realm.callFunction('(e) => e', false, {
    arguments: [realm.serialize(element)],
    serializationOptions: { maxDomDepth: 0, includeShadowTree: 'all' },
    resultOwnership: 'root',
  });
  const root = reply.result.value?.shadowRoot;
  return root ? realm.createHandle(root) : null;
}

/** Where the last part of `host >>> … >>> inner` is looked for: inside each host's shadow root, closed or not. */
async function scopeOf(page: Page, parts: string[]): Promise<Page | ElementHandle | null> {
  let scope: Page | ElementHandle = page;
  for (const part of parts) {
    const found: ElementHandle | null = await scope.$(part);
    if (!found) return null;
    scope = (await shadowRootOf(found)) ?? found;
  }
  return scope;
}

export const isDeep = (css: string) => css.includes(' >>> ');

export async function deepQuery(page: Page, css: string): Promise<ElementHandle | null> {
  const parts = css.split(' >>> ');
  const scope = await scopeOf(page, parts.slice(0, -1));
  return scope ? scope.$(parts.at(-1)!) : null;
}

export async function deepQueryAll(page: Page, css: string): Promise<ElementHandle[]> {
  const parts = css.split(' >>> ');
  const scope = await scopeOf(page, parts.slice(0, -1));
  return scope ? scope.$$(parts.at(-1)!) : [];
}

/**
 * A real mouse click at the element's centre: trusted, like a person's. (puppeteer's own `click`
 * cannot place an element inside a closed shadow root.)
 */
export async function clickAt(page: Page, element: ElementHandle): Promise<void> {
  await element.evaluate((e) => e.scrollIntoView({ block: 'center' }));
  const box = await element.boundingBox();
  if (!box) throw new Error('The element is not visible: no box to click');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}
