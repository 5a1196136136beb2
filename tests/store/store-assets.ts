/**
 * `npm run store-assets`: the store listing's screenshots, 1280×800 PNGs in .output/store/, taken
 * from Relink's production build (run `wxt build` first) in headless Chromium against the
 * simulator's demo scenario, as `npm run demo` shows it:
 *   1-user-list.png   the site's admin user list with Relink's row group of hidden users;
 *   2-reactivate.png  the Reactivate dialog on one of them, at the plan Relink asks to confirm;
 *   3-popup.png       the toolbar popup for that site, drawn over the dimmed user list.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startSimulator } from '../sim/server';
import { launchWithExtension, signIn } from '../support/chromium';

const OUT = resolve('.output/store');
const SIZE = { width: 1280, height: 800 };
/** The popup's own width (its body's min-width) and the zoom it is shown at on the canvas. */
const POPUP_WIDTH = 320;
const POPUP_ZOOM = 1.5;

const sim = await startSimulator({ scenario: 'demo' });
const { world } = sim.state;
const admin = world.credentials[0]!;
const [site] = world.sites.values();
const browser = await launchWithExtension(sim, { headless: true });
mkdirSync(OUT, { recursive: true });
const saved: string[] = [];
const save = async (page: Page, name: string) => {
  const path = join(OUT, name);
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
  saved.push(path);
};

try {
  // 1. The user list, with Relink's rows in their own row group at the top.
  const page = await browser.context.newPage();
  await page.setViewportSize(SIZE);
  await signIn(page, `https://${site!.host}`, '/admin/users', admin.email, admin.password);
  const rows = page.locator('tr[data-relink-row]');
  await rows.first().waitFor({ timeout: 30_000 });
  await page.evaluate(() => document.fonts.ready);
  await page.mouse.move(0, 0);
  await save(page, '1-user-list.png');
  const userList = await page.screenshot({ animations: 'disabled', caret: 'hide' });

  // 2. Reactivate on the first hidden user whose email is shown, through to the plan to confirm.
  const subject = rows.filter({ hasText: '@' }).first();
  await subject.getByRole('button', { name: /^Reactivate / }).click();
  // Each step of the flow is a new dialog; one asking for products gets the first one ticked.
  const dialog = page.locator('relink-dialog dialog');
  const confirm = dialog.locator('[data-relink-confirm]');
  const next = dialog.getByRole('button', { name: 'Continue' });
  for (let step = 0; ; step++) {
    await next.or(confirm).waitFor();
    if (await confirm.isVisible()) break;
    if (step === 3) throw new Error(`The Reactivate dialog never reached its plan: ${await dialog.innerText()}`);
    const products = dialog.getByRole('checkbox');
    if ((await products.count()) > 0) await products.first().check();
    const current = await dialog.elementHandle();
    await next.click();
    await current.waitForElementState('hidden');
  }
  await page.mouse.move(0, 0);
  await save(page, '2-reactivate.png');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // 3. The popup. It asks for the active tab of its window, so it is opened in a background tab
  // with the user list in front. It is laid out at its own width and rendered zoomed, to stay sharp.
  const popup = await browser.context.newPage();
  await page.bringToFront();
  await popup.setViewportSize({ width: POPUP_WIDTH * POPUP_ZOOM, height: SIZE.height });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await popup.getByTestId('hidden-count').waitFor();
  await popup.evaluate(async (zoom) => {
    await document.fonts.ready;
    document.documentElement.style.zoom = String(zoom);
  }, POPUP_ZOOM);
  const height = Math.ceil((await popup.locator('body').boundingBox())!.height);
  const popupPng = await popup.screenshot({
    animations: 'disabled',
    caret: 'hide',
    clip: { x: 0, y: 0, width: POPUP_WIDTH * POPUP_ZOOM, height },
  });
  await popup.close();

  const canvas = await browser.context.newPage();
  await canvas.setViewportSize(SIZE);
  await canvas.setContent(`<!doctype html>
<html><head><style>
  html, body { margin: 0; width: ${SIZE.width}px; height: ${SIZE.height}px; overflow: hidden; }
  .page { position: absolute; inset: 0; display: block; }
  .dim { position: absolute; inset: 0; background: rgb(9 30 66 / 0.45); }
  .popup {
    position: absolute; top: 24px; right: 32px;
    width: ${POPUP_WIDTH * POPUP_ZOOM}px; height: ${height}px;
    border-radius: 8px; overflow: hidden;
    box-shadow: 0 8px 12px rgb(9 30 66 / 0.15), 0 0 1px rgb(9 30 66 / 0.31), 0 16px 48px rgb(0 0 0 / 0.35);
  }
  .popup img { display: block; width: 100%; height: 100%; }
</style></head>
<body><img class="page" alt="" src="data:image/png;base64,${userList.toString('base64')}"><div class="dim"></div>
<div class="popup"><img alt="Relink's popup" src="data:image/png;base64,${popupPng.toString('base64')}"></div>
</body></html>`);
  await canvas.evaluate(() => Promise.all([...document.images].map((img) => img.decode())));
  await save(canvas, '3-popup.png');
} finally {
  await browser.close();
  await sim.close();
}

console.log(`Store screenshots (${SIZE.width}×${SIZE.height}):\n  ${saved.join('\n  ')}`);
