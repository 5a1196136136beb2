/**
 * What a hostile admin page's own scripts try against Relink's in-page UI (anyone can own an
 * `*.atlassian.net` site and its admin pages). Each function runs in the page's main world, passed
 * whole to `page.evaluate`: it must not refer to anything outside itself.
 */

interface AttackReport {
  /** The steps the script got as far as, in order. */
  reached: string[];
}

/**
 * Drives Relink from the page the way a script can: `click()` and synthetic events on Relink's
 * row controls (they sit in the page's own table), then, in any Relink dialog it can enter,
 * ticks the product, submits, and confirms — a reactivation nobody asked for.
 */
export async function driveRelinkFromThePage({
  name,
  product,
}: {
  name: string;
  product: string;
}): Promise<AttackReport> {
  const reached: string[] = [];
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const press = (el: HTMLElement) => {
    el.click();
    el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    el.dispatchEvent(new KeyboardEvent('keyup', { key: 'Enter', bubbles: true, composed: true }));
  };

  const reactivate = document.querySelector<HTMLButtonElement>(`button[aria-label="Reactivate ${name}"]`);
  if (reactivate) {
    reached.push('row: Reactivate button');
    press(reactivate);
  }
  const select = document.querySelector<HTMLInputElement>(`input[aria-label="Select ${name}"]`);
  if (select) {
    reached.push('row: checkbox');
    select.click();
    select.checked = true;
    select.dispatchEvent(new Event('input', { bubbles: true }));
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }
  await sleep(500);
  const bulk = document.querySelector<HTMLButtonElement>('button[data-relink-bulk]');
  if (bulk) {
    reached.push('row: bulk button');
    press(bulk);
  }

  // Whatever dialog opened: into it, if its shadow root lets the page in.
  for (let round = 0; round < 30; round++) {
    await sleep(200);
    const host = document.querySelector<HTMLElement>('relink-dialog');
    if (!host) continue;
    if (!reached.includes('dialog: host')) reached.push('dialog: host');
    const root = host.shadowRoot;
    if (!root) continue;
    if (!reached.includes('dialog: shadow root')) reached.push('dialog: shadow root');
    const box = root.querySelector<HTMLInputElement>(`input[aria-label="${product}"]`);
    const form = root.querySelector<HTMLFormElement>('form');
    const confirm = root.querySelector<HTMLButtonElement>('button[data-relink-confirm]');
    if (box && form) {
      reached.push('dialog: products');
      box.checked = true;
      form.requestSubmit();
    } else if (confirm) {
      reached.push('dialog: confirm');
      press(confirm);
    }
  }
  return { reached };
}

/**
 * With a Relink dialog open (opened by the admin), what the page can see of it and do to it:
 * the host only, a null shadow root, events that stop at the host.
 */
export async function probeOpenDialog() {
  const host = document.querySelector('relink-dialog');
  const seen = {
    host: host !== null,
    shadowRoot: host?.shadowRoot === null ? 'null' : host ? 'open' : 'no host',
    relinkControlsInDocument: document.querySelectorAll('relink-dialog *, [data-relink-confirm], [data-relink-close]')
      .length,
    activeElement: document.activeElement?.localName ?? null,
  };
  if (host instanceof HTMLElement) {
    host.click();
    host.focus();
    for (const type of ['keydown', 'keypress', 'keyup'])
      host.dispatchEvent(new KeyboardEvent(type, { key: 'Enter', bubbles: true, composed: true }));
    host.dispatchEvent(new SubmitEvent('submit', { bubbles: true, composed: true }));
  }
  await new Promise((r) => setTimeout(r, 1000));
  return seen;
}
