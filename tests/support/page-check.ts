/**
 * The popup's page check, driven as an admin would: the popup open beside the admin page (brought
 * to the front, so the popup's "active tab" is that page), "Check again", then "Copy page skeleton".
 */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './chromium';

async function popupBeside(browser: ExtensionBrowser, page: Page): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await page.bringToFront();
  // Loaded again from behind the page: its active tab is the page now.
  await popup.reload();
  await popup.getByRole('button', { name: 'Check again' }).waitFor();
  return popup;
}

/** The page check's sentence for `page`. */
export async function pageCheckSentence(browser: ExtensionBrowser, page: Page): Promise<string> {
  const popup = await popupBeside(browser, page);
  await popup
    .getByTestId('page-check-sentence')
    .filter({ hasText: /Relink/ })
    .waitFor();
  const sentence = (await popup.getByTestId('page-check-sentence').textContent()) ?? '';
  await popup.close();
  return sentence;
}

/** The sanitized skeleton of `page`, as "Copy page skeleton" gives it. */
export async function copyPageSkeleton(browser: ExtensionBrowser, page: Page): Promise<string> {
  const popup = await popupBeside(browser, page);
  await popup.getByRole('button', { name: 'Copy page skeleton' }).click();
  const skeleton = await popup.getByLabel('Page skeleton').inputValue();
  await popup.close();
  return skeleton;
}
