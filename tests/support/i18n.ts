/**
 * Relink's messages outside a browser: the catalogs of locales/*.yml, read the way the build reads
 * them (@wxt-dev/i18n/build), and `chrome.i18n` as Chrome answers from them — the UI language's
 * message, else the default locale's, else "". Node tests install English (i18n-setup.ts);
 * `useLocale('de')` switches a test to another language.
 */
import { readdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { vi } from 'vitest';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { fakeBrowser } from 'wxt/testing/fake-browser';

export const LOCALES_DIR = resolve(import.meta.dirname, '../../locales');
export type Catalog = Record<string, { message: string }>;

/** The locales Relink ships, as _locales names them (en, de, …, pt_BR). */
export const SHIPPED_LOCALES = readdirSync(LOCALES_DIR)
  .filter((f) => f.endsWith('.yml'))
  .map((f) => basename(f, '.yml'))
  .sort();

const catalogs = new Map<string, Catalog>();

export async function catalog(locale: string): Promise<Catalog> {
  const cached = catalogs.get(locale);
  if (cached) return cached;
  const loaded = generateChromeMessages(await parseMessagesFile(resolve(LOCALES_DIR, `${locale}.yml`))) as Catalog;
  catalogs.set(locale, loaded);
  return loaded;
}

/** Chrome's getMessage: message names ignore case; `$$` is a dollar sign. */
function getMessageFrom(...chain: Catalog[]) {
  const lowered = chain.map((c) => new Map(Object.entries(c).map(([k, v]) => [k.toLowerCase(), v.message])));
  return (name: string): string => {
    if (name === '@@bidi_dir') return 'ltr';
    for (const messages of lowered) {
      const found = messages.get(name.toLowerCase());
      if (found !== undefined) return found.replaceAll('$$', '$');
    }
    return '';
  };
}

/**
 * Makes `chrome.i18n` answer in `locale` (a _locales name: 'de', 'pt_BR'), falling back to English
 * as Chrome does. In the unit project `chrome` is WXT's fake browser; in Node there is none, so a
 * `chrome` with only `i18n` is set.
 */
export async function useLocale(locale: string): Promise<void> {
  const chain = locale === 'en' ? [await catalog('en')] : [await catalog(locale), await catalog('en')];
  const i18n = {
    getMessage: getMessageFrom(...chain),
    getUILanguage: () => locale.replace('_', '-'),
  };
  Object.assign(fakeBrowser.i18n, i18n);
  const g = globalThis as { chrome?: { i18n?: unknown } };
  if (g.chrome !== fakeBrowser) vi.stubGlobal('chrome', { ...(g.chrome ?? {}), i18n });
}

/** Fills `{name}` placeholders as Relink does (numbers formatted for `locale`). */
function fill(locale: string, text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined
      ? whole
      : typeof value === 'number'
        ? new Intl.NumberFormat(locale.replace('_', '-')).format(value)
        : value;
  });
}

/** A message as Relink shows it in `locale` (a _locales name), with its placeholders filled. */
export async function messageIn(locale: string, key: string, values: Record<string, string | number> = {}) {
  const text = getMessageFrom(await catalog(locale), await catalog('en'))(key.replaceAll('.', '_'));
  if (!text) throw new Error(`No message ${key} in ${locale}.`);
  return fill(locale, text, values);
}

/** A plural message as Relink shows it in `locale` for `count`. */
export async function pluralIn(
  locale: string,
  key: string,
  count: number,
  values: Record<string, string | number> = {},
) {
  const form = new Intl.PluralRules(locale.replace('_', '-')).select(count);
  const messages = getMessageFrom(await catalog(locale), await catalog('en'));
  const name = key.replaceAll('.', '_');
  return fill(locale, messages(`${name}_${form}`) || messages(`${name}_other`), { ...values, count });
}
