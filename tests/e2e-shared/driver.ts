/**
 * The little a shared end-to-end test needs from a browser, implemented once for Chromium
 * (playwright-core) and once for Firefox (puppeteer-core over WebDriver BiDi). Selectors are CSS;
 * `host >>> inner` reaches into the shadow root of host, open or closed (Relink's dialogs).
 */
export interface PageUnderTest {
  goto(url: string): Promise<void>;
  fill(css: string, value: string): Promise<void>;
  click(css: string): Promise<void>;
  check(css: string): Promise<void>;
  selectByLabel(css: string, label: string): Promise<void>;
  waitFor(css: string, timeoutMs?: number): Promise<void>;
  count(css: string): Promise<number>;
  text(css: string): Promise<string | null>;
  attributes(css: string, name: string): Promise<(string | null)[]>;
  evaluate<A, T>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  /** A real key press (trusted events) on whatever has the focus, e.g. `Space`, `Enter`, `ArrowDown`. */
  press(key: string): Promise<void>;
  /** Moves the keyboard focus to the element, as a Tab would. */
  focus(css: string): Promise<void>;
  screenshot(name: string): Promise<void>;
}

export interface BrowserUnderTest {
  name: 'chromium' | 'firefox';
  newPage(): Promise<PageUnderTest>;
  /** Sends `message` to Relink's background from its popup page, as the popup does, and gives the reply. */
  sendFromPopup(message: object): Promise<unknown>;
  /** A cookie in the browser's jar, as a sign-in elsewhere would have left it (Secure, HttpOnly, SameSite=None). */
  setCookie(cookie: { name: string; value: string; domain: string }): Promise<void>;
  close(): Promise<void>;
}

/** Polls until `read` gives a value `accept` takes, or fails with the last value seen. */
export async function until<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T;
  for (;;) {
    last = await read();
    if (accept(last)) return last;
    if (Date.now() > deadline) throw new Error(`Timed out; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
