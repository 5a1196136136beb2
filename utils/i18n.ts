/**
 * Relink's words in the browser's UI language: a typed wrapper over `chrome.i18n.getMessage`.
 *
 * The messages are `locales/*.yml`; @wxt-dev/i18n's WXT module turns them into `_locales/` for both
 * browsers and types their keys (`.wxt/i18n/structure.d.ts`). Its runtime `t()` is not used: its
 * plurals pick a form by index for 0, 1 and "more" (English rules), and this module is in the
 * content script, whose weight is budgeted. Here:
 *
 * - `t('a.b', { name })` reads message `a_b` and fills its `{name}` placeholders in one pass (a value
 *   is never read as a placeholder); numbers are formatted for the language.
 * - `plural('a.b', n, {...})` picks `a.b.one|few|many|other` by `Intl.PluralRules` (CLDR) and fills `{count}`.
 * - Dates, numbers, durations and lists go through `Intl`, in the language of the messages (the
 *   `locale` message), with the browser's region when it speaks that language.
 *
 * In an extension every context has `chrome.i18n` (the background answers in the UI language too).
 * In Node (tests, the bench) there is none until tests/support/i18n.ts installs a catalog; without
 * one a key reads as itself.
 */
import type { GeneratedI18nStructure } from '#i18n';

type Structure = GeneratedI18nStructure;
export type MessageKey = keyof Structure;
type NamesOf<K extends MessageKey> = Structure[K] extends { namedSubstitutions: readonly (infer N extends string)[] }
  ? N
  : never;
type Values<N extends string> = Record<N, string | number>;
/** The placeholders a message needs, minus those the caller fills itself. */
type ArgsOf<K extends MessageKey, Given extends string = never> = [Exclude<NamesOf<K>, Given>] extends [never]
  ? []
  : [values: Values<Exclude<NamesOf<K>, Given>>];
/** `a.b` when `a.b.other` exists: a plural message. */
export type PluralKey = { [K in MessageKey]: K extends `${infer Base}.other` ? Base : never }[MessageKey];

interface I18nApi {
  getMessage(name: string): string;
  getUILanguage(): string;
}

const api = (): I18nApi | undefined => (globalThis as { chrome?: { i18n?: I18nApi } }).chrome?.i18n;

const message = (key: string): string => {
  const i18n = api();
  return i18n ? i18n.getMessage(key.replaceAll('.', '_')) : key;
};

function fill(text: string, values: Record<string, string | number> | undefined): string {
  if (!values) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    return value === undefined ? whole : typeof value === 'number' ? formatNumber(value) : value;
  });
}

export function t<K extends MessageKey>(key: K, ...[values]: ArgsOf<K>): string {
  return fill(message(key), values);
}

/** The form of `key` for `count` in the messages' language; `{count}` is filled with the formatted number. */
export function plural<K extends PluralKey>(key: K, count: number, ...[values]: ArgsOf<`${K}.other`, 'count'>): string {
  const form = new Intl.PluralRules(messagesLocale()).select(count);
  // A language gives exactly its own forms (tests/unit/locales.test.ts); `other` is the safe default.
  const text = message(`${key}.${form}`) || message(`${key}.other`);
  return fill(text, { ...(values as Record<string, string | number> | undefined), count });
}

/** The language the messages are in (BCP 47): what the browser's UI language fell back to. */
export function messagesLocale(): string {
  const locale = message('locale');
  return locale && locale !== 'locale' ? locale : 'en';
}

/** For Intl: the browser's own locale when it is a variant of the messages' language (en-GB dates), else theirs. */
function formatLocale(): string {
  const own = messagesLocale();
  const ui = api()?.getUILanguage();
  return ui && ui.split('-')[0] === own.split('-')[0] ? ui : own;
}

export const formatNumber = (n: number): string => new Intl.NumberFormat(formatLocale()).format(n);

export const formatDateTime = (iso: string): string =>
  new Intl.DateTimeFormat(formatLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

/** A day, as the language writes it ("Mar 4, 2026", "4 mars 2026"), in UTC: the day Atlassian's records name. */
export function formatDay(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : new Intl.DateTimeFormat(formatLocale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}

/** "5 minutes ago", "vor 2 Stunden": minutes under an hour, hours under two days, then days. */
export function formatSince(iso: string, now = Date.now()): string {
  const minutes = Math.round((now - Date.parse(iso)) / 60_000);
  const relative = new Intl.RelativeTimeFormat(formatLocale(), { numeric: 'always' });
  if (minutes < 60) return relative.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  return hours < 48 ? relative.format(-hours, 'hour') : relative.format(-Math.round(hours / 24), 'day');
}

/** A duration in whole minutes, as the language writes it ("5 minutes", "5 Minuten", "5 分"). */
export const formatMinutes = (minutes: number): string =>
  new Intl.NumberFormat(formatLocale(), { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(minutes);

/** Items of a technical list ("a, b, c"), with the language's separator. */
export const formatList = (items: string[]): string =>
  new Intl.ListFormat(formatLocale(), { type: 'unit', style: 'short' }).format(items);

/** Marks where an element goes in a message (a link inside a sentence): fill it with SLOT, then `around()`. */
export const SLOT = '\u{E000}';

/** The text before and after the SLOT in `text`. */
export function around(text: string): [before: string, after: string] {
  const at = text.indexOf(SLOT);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + SLOT.length)];
}

/** An extension page in the messages' language: `lang`, direction and title, for screen readers and the tab. */
export function localizeDocument(title: string): void {
  document.documentElement.lang = messagesLocale();
  document.documentElement.dir = message('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
  document.title = title;
}
