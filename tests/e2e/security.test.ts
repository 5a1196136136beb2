/**
 * Hostile input and hostile callers in real Chromium: display names carrying script render as
 * text (a page-level tripwire stays untouched), the layout holds, a page script cannot reach the
 * background, and the API token never reaches the page, a log, the audit log or an export.
 */
import type { ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_NAMES } from '../sim/scenarios/hostile';
import { launchWithExtension, screenshot, signIn, type ExtensionBrowser } from '../support/chromium';
import { useSimulator } from '../support/with-sim';

const SITE = 'https://hostile.atlassian.net';
const TOKEN = 'sim-api-token-hostile-admin';
type Tripwire = { __relinkPwned?: unknown };

describe('hostile input and callers', () => {
  const sim = useSimulator('hostile');
  let browser: ExtensionBrowser | undefined;
  let page: Page;
  const logs: string[] = [];

  beforeAll(async () => {
    browser = await launchWithExtension(sim());
    browser.context.on('console', (m: ConsoleMessage) => logs.push(m.text()));
    page = await browser.context.newPage();
    await page.addInitScript(() => {
      (window as Tripwire).__relinkPwned = 0;
      window.alert = () => void ((window as Tripwire).__relinkPwned = 'alert');
    });
    await signIn(page, SITE, '/admin/users', 'admin@hostile.example.com');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renders every hostile name as text, runs none of it, and keeps the layout', async () => {
    const rows = page.locator('tr[data-relink-row]');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(HOSTILE_NAMES.length);
    const labels = await Promise.all((await rows.getByRole('checkbox').all()).map((c) => c.getAttribute('aria-label')));
    for (const name of HOSTILE_NAMES.filter(Boolean)) expect(labels).toContain(`Select ${name}`);
    expect(await page.evaluate(() => (window as Tripwire).__relinkPwned)).toBe(0);
    expect(
      // (Relink's own avatar pictures aside.)
      await page
        .locator(
          'tr[data-relink-row] img:not([data-relink-avatar]), tr[data-relink-row] script, tr[data-relink-row] svg',
        )
        .count(),
    ).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    for (const box of await Promise.all((await rows.all()).map((r) => r.boundingBox())))
      // The longest name wraps in the User column of the design-system list (narrower than the old page's).
      expect(box!.height).toBeLessThan(240);
    await screenshot(page, 'hostile-names');
  });

  it('shows a hostile name as text in the dialog too', async () => {
    await page.getByRole('button', { name: `Reactivate ${HOSTILE_NAMES[0]}` }).click();
    await page
      .locator('relink-dialog dialog')
      .getByRole('heading', { name: `Reactivate ${HOSTILE_NAMES[0]}` })
      .waitFor();
    expect(await page.evaluate(() => (window as Tripwire).__relinkPwned)).toBe(0);
    await page.keyboard.press('Escape');
  });

  it('gives a page script no way to the background', async () => {
    const outcome = await page.evaluate(async (id) => {
      const runtime = (
        window as unknown as { chrome?: { runtime?: { sendMessage?: (id: string, m: unknown) => Promise<unknown> } } }
      ).chrome?.runtime;
      if (!runtime?.sendMessage) return 'no runtime messaging in the page';
      try {
        await runtime.sendMessage(id, { type: 'audit/csv' });
        return 'answered';
      } catch (error) {
        return `refused: ${(error as Error).message}`;
      }
    }, browser!.extensionId);
    expect(outcome).not.toBe('answered');
    // Nor can it post its way in: the content script listens to no page messages.
    await page.evaluate(() =>
      window.postMessage({ type: 'user/reactivate', site: 'hostile.atlassian.net', accountId: 'x' }, '*'),
    );
  });

  it('keeps the API token out of the page, the logs, the audit log and the exports', async () => {
    const options = await browser!.context.newPage();
    await options.goto(`chrome-extension://${browser!.extensionId}/options.html`);
    await options.getByLabel('An API token').check();
    await options.getByLabel('Email', { exact: true }).fill('admin@hostile.example.com');
    await options.getByLabel('Token', { exact: true }).fill(TOKEN);
    await options.getByRole('button', { name: 'Save sign-in' }).click();
    await options.getByText('Saved.').waitFor();
    await options.getByRole('button', { name: 'Check sign-in' }).click();
    await options.getByText(/^Signed in as Hana Admin/).waitFor();

    await page.reload();
    await page.locator('tr[data-relink-row]').first().waitFor({ timeout: 10_000 });
    type Ext = { chrome: { runtime: { sendMessage(m: unknown): Promise<{ value: unknown }> } } };
    const ask = (m: unknown) =>
      options.evaluate((msg) => (globalThis as unknown as Ext).chrome.runtime.sendMessage(msg), m);
    const exported = JSON.stringify([
      await ask({ type: 'audit/csv' }),
      await ask({ type: 'audit/get' }),
      await ask({ type: 'site/get', site: 'hostile.atlassian.net' }),
      await ask({ type: 'auth/get' }),
    ]);
    expect(exported).not.toContain(TOKEN);
    expect(await page.content()).not.toContain(TOKEN);
    expect(await options.content()).not.toContain(TOKEN);
    expect(logs.join('\n')).not.toContain(TOKEN);
  });
});
