/**
 * Relink in each of its languages, in Chromium started with `--lang`: the manifest's description,
 * the popup and the options page in that language (lang attribute, words, plurals), Relink's rows
 * and Reactivate dialog on the admin page (words, the reason and plan the background wrote, a date
 * by Intl), and the
 * background's answers too — a refusal of the router and an Atlassian error sentence, built in
 * the service worker, which follows the browser's UI language.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, screenshot, signIn, type ExtensionBrowser } from '../support/chromium';
import { openOptions, openPopup } from '../support/extension-pages';
import { messageIn, pluralIn } from '../support/i18n';
import { TINY, useSimulator } from '../support/with-sim';

type ExtensionGlobal = {
  chrome: {
    runtime: { getManifest(): { name: string; description: string }; sendMessage(m: unknown): Promise<unknown> };
  };
};

describe.each(['en', 'de', 'fr', 'es', 'ja', 'pt_BR'])('Relink in %s', (locale) => {
  const sim = useSimulator('tiny');
  const tag = locale.replace('_', '-');
  const m = (key: string, values?: Record<string, string | number>) => messageIn(locale, key, values);
  let browser: ExtensionBrowser | undefined;
  let options: Page;
  let site: Page;

  beforeAll(async () => {
    browser = await launchWithExtension(sim(), { args: [`--lang=${tag}`] });
    site = await browser.context.newPage();
    await signIn(site, TINY.site, '/admin/users', TINY.admin.email);
    await site.locator('tr[data-relink-row]').first().waitFor({ timeout: 10_000 });
    options = await openOptions(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('describes itself in the language', async () => {
    const manifest = await options.evaluate(() =>
      (globalThis as unknown as ExtensionGlobal).chrome.runtime.getManifest(),
    );
    expect(manifest.name).toBe('Relink');
    expect(manifest.description).toBe(await m('extDescription'));
  });

  it('shows the popup in the language: words, plurals, counts by state, the last scan', async () => {
    const popup = await openPopup(browser!, 'https://tiny.atlassian.net/*');
    await popup.getByTestId('hidden-count').waitFor();
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe(tag);
    expect(await popup.getByTestId('hidden-count').textContent()).toBe(await pluralIn(locale, 'popup.hiddenUsers', 2));
    const byState = popup.getByRole('list', { name: await m('popup.usersByState') });
    expect(await byState.getByRole('listitem').first().textContent()).toBe(
      await m('common.labelValue', { label: await m('state.hidden'), value: 2 }),
    );
    expect(await popup.locator('section.card [role=status]').first().textContent()).toBe(
      await m('popup.lastScanJustNow'),
    );
    const card = popup.getByRole('region', { name: 'tiny.atlassian.net' });
    await card.getByRole('button', { name: await m('popup.rescan') }).waitFor();
    await card.getByRole('link', { name: await m('popup.openUserList') }).waitFor();
    await popup.getByRole('heading', { name: await m('popup.pageCheckHeading') }).waitFor();
    await screenshot(popup, `popup-${locale}`);
    await popup.close();
  });

  it('shows Relink’s rows and the Reactivate dialog on the admin page in the language', async () => {
    const body = site.locator('tbody[data-relink]');
    expect(await body.getAttribute('aria-label')).toBe(await m('list.label'));
    // Said in the language, whatever the admin page's own: screen readers read it so.
    expect(await body.getAttribute('lang')).toBe(tag);
    await expect
      .poll(() => body.locator('tr[data-relink-header] strong').textContent(), { timeout: 10_000 })
      .toBe(await m('list.title', { count: 2 }));
    const rae = site.locator('tr[data-relink-row]', { hasText: 'Rae Removed' });
    await rae.getByText(await m('row.removed'), { exact: true }).waitFor();
    await rae.getByRole('button', { name: await m('row.groupsOf', { name: 'Rae Removed' }) }).waitFor();

    await rae.getByRole('button', { name: await m('row.reactivateName', { name: 'Rae Removed' }) }).click();
    const dialog = site.locator('relink-dialog dialog');
    await dialog.getByRole('heading', { name: await m('row.reactivateName', { name: 'Rae Removed' }) }).waitFor();
    expect(await site.locator('relink-dialog').getAttribute('lang')).toBe(tag);
    const host = 'tiny.atlassian.net';
    await dialog.getByText(await m('plan.stepReAdd', { site: host, productNames: 'jira-software' })).waitFor();
    await dialog.getByText(await m('dialog.calls', { site: host })).waitFor();
    // The records' day, by Intl in the language, in UTC.
    const day = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' }).format(
      Date.parse('2026-03-04T10:15:00.000Z'),
    );
    expect(await dialog.getByText(await m('source.jiraAuditOn', { date: day })).count()).toBeGreaterThan(0);
    await dialog.getByRole('button', { name: await m('row.reactivate'), exact: true }).waitFor();
    await dialog.getByRole('button', { name: await m('dialog.cancel') }).waitFor();
    await screenshot(site, `reactivate-${locale}`);
    await site.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('shows the options page in the language, and the sign-in check as it says it', async () => {
    expect(await options.evaluate(() => [document.documentElement.lang, document.title])).toEqual([
      tag,
      await m('options.title'),
    ]);
    for (const heading of ['options.auth.heading', 'options.sites.heading', 'options.fieldCheck.heading'])
      await options.getByRole('heading', { name: await m(heading) }).waitFor();
    await options.getByRole('button', { name: await m('options.auth.check') }).click();
    const yes = await m('common.answerYes');
    await expect
      .poll(() => options.getByTestId('auth-status').textContent())
      .toBe(
        await m('options.auth.signedIn', {
          name: 'Tia Admin',
          site: 'tiny.atlassian.net',
          mode: await m('options.auth.sessionMode'),
          siteAdmin: yes,
          administerJira: yes,
        }),
      );
    await screenshot(options, `options-${locale}`);
  });

  it('gets the background’s answers in the language: a refusal, and an Atlassian error sentence', async () => {
    const reply = await options.evaluate(() =>
      (globalThis as unknown as ExtensionGlobal).chrome.runtime.sendMessage({ type: 'no/such-operation' }),
    );
    expect(reply).toEqual({ ok: false, kind: 'malformed-request', error: await m('background.malformedRequest') });

    // Atlassian refuses a wrong API token with 401: the background says what to fix.
    await options.getByLabel(await m('options.auth.modeToken')).check();
    await options.getByLabel(await m('options.auth.email'), { exact: true }).fill(TINY.admin.email);
    await options.getByLabel(await m('options.auth.token'), { exact: true }).fill('not-the-token');
    await options.getByLabel('tiny.atlassian.net', { exact: true }).check();
    await options.getByRole('button', { name: await m('options.auth.save') }).click();
    await expect.poll(() => options.getByTestId('auth-status').textContent()).toBe(await m('common.saved'));
    await options.getByRole('button', { name: await m('options.auth.check') }).click();
    await expect
      .poll(() => options.getByTestId('auth-status').textContent())
      .toBe(await m('errors.unauthenticatedToken', { host: 'tiny.atlassian.net' }));
  });
});
