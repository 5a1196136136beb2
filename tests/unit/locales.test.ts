/**
 * The catalogs of locales/*.yml: every language says everything English says, with the same
 * placeholders, the plural forms its language has, the glossary's terms, and nothing Chrome would
 * read as a substitution. Also the wrapper (utils/i18n.ts) on them: plurals by CLDR, Intl formats.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatMinutes, formatSince, messagesLocale, plural, t } from '@/utils/i18n';
import { PSEUDO_CLOSE, PSEUDO_OPEN, pseudoLocalize, pseudoMessages } from '@/scripts/pseudo-locale';
import { catalog, LOCALES_DIR, SHIPPED_LOCALES, useLocale, type Catalog } from '../support/i18n';

const LANGUAGES = ['de', 'en', 'es', 'fr', 'ja', 'pt_BR'];
const PLURAL_FORMS = /_(zero|one|two|few|many|other)$/;
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const pluralBase = (name: string) => name.replace(PLURAL_FORMS, '');

afterEach(() => useLocale('en'));

describe('the catalogs', () => {
  it('are the six languages Relink ships, each naming its own language', async () => {
    expect(SHIPPED_LOCALES).toEqual(LANGUAGES);
    for (const locale of LANGUAGES) {
      const tag = (await catalog(locale)).locale!.message;
      expect(Intl.getCanonicalLocales(tag)).toEqual([locale.replace('_', '-')]);
    }
  });

  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s has every English message and no other', async (locale) => {
    const [en, other] = [await catalog('en'), await catalog(locale)];
    const singular = (c: Catalog) => Object.keys(c).filter((k) => !PLURAL_FORMS.test(k));
    const plurals = (c: Catalog) => [
      ...new Set(
        Object.keys(c)
          .filter((k) => PLURAL_FORMS.test(k))
          .map(pluralBase),
      ),
    ];
    expect(singular(other).sort()).toEqual(singular(en).sort());
    expect(plurals(other).sort()).toEqual(plurals(en).sort());
  });

  it.each(LANGUAGES)('%s keeps each message’s placeholders', async (locale) => {
    const [en, other] = [await catalog('en'), await catalog(locale)];
    for (const [name, { message }] of Object.entries(other)) {
      const english = en[name] ?? en[`${pluralBase(name)}_other`];
      expect(placeholders(message), `${locale} ${name}`).toEqual(placeholders(english!.message));
    }
  });

  it.each(LANGUAGES)('%s gives each plural exactly the forms Intl.PluralRules has for it', async (locale) => {
    const forms = new Intl.PluralRules(locale.replace('_', '-')).resolvedOptions().pluralCategories.sort();
    const messages = await catalog(locale);
    const bases = new Set(
      Object.keys(messages)
        .filter((k) => PLURAL_FORMS.test(k))
        .map(pluralBase),
    );
    expect(bases.size).toBeGreaterThan(0);
    for (const base of bases) {
      const given = Object.keys(messages)
        .filter((k) => pluralBase(k) === base && k !== base)
        .map((k) => PLURAL_FORMS.exec(k)![1]!);
      expect(given.sort(), `${locale} ${base}`).toEqual(forms);
    }
  });

  it.each(LANGUAGES)('%s has nothing chrome.i18n would substitute ($)', async (locale) => {
    for (const [name, { message }] of Object.entries(await catalog(locale)))
      expect(message, `${locale} ${name}`).not.toContain('$');
  });

  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s uses the glossary’s terms (locales/GLOSSARY.md)', async (locale) => {
    const glossary = readFileSync(resolve(LOCALES_DIR, 'GLOSSARY.md'), 'utf8');
    const rows = glossary
      .split('\n')
      .filter((line) => line.startsWith('|') && !line.includes('---'))
      .map((line) =>
        line
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.trim()),
      );
    const [header, ...terms] = rows;
    const column = header!.indexOf(locale);
    expect(column).toBeGreaterThan(0);
    expect(terms.length).toBeGreaterThan(15);
    const [en, other] = [await catalog('en'), await catalog(locale)];
    const forms = (cell: string) => cell.split(' / ').map((f) => f.toLowerCase());
    const word = (form: string) => new RegExp(`(^|[^\\p{L}])${form}($|[^\\p{L}])`, 'iu');
    const missing: string[] = [];
    for (const row of terms) {
      const [english, translated] = [forms(row[0]!).map(word), forms(row[column]!)];
      for (const [name, { message }] of Object.entries(en)) {
        if (!english.some((re) => re.test(message))) continue;
        // A plural form the language does not have (Japanese "one"): its "other" says it.
        const theirs = (other[name] ?? other[`${pluralBase(name)}_other`])?.message.toLowerCase() ?? '';
        if (!translated.some((f) => theirs.includes(f))) missing.push(`${name}: “${row[column]}” for “${row[0]}”`);
      }
    }
    expect(missing).toEqual([]);
  });

  it.each(LANGUAGES)('%s names the buttons of one page apart (a screen reader lists them by name)', async (locale) => {
    const messages = await catalog(locale);
    const pages = [
      [
        'popup_rescan',
        'popup_scanNow',
        'popup_scanning',
        'popup_pageCheckAgain',
        'popup_copySkeleton',
        'popup_allowAccess',
      ],
      [
        'options_auth_save',
        'options_auth_check',
        'options_sites_export',
        'options_sites_remove',
        'options_sites_addButton',
        'options_fieldCheck_run',
        'options_fieldCheck_copy',
        'options_audit_export',
      ],
    ];
    for (const names of pages) {
      const labels = names.map((name) => messages[name]!.message);
      expect(new Set(labels).size, `${locale}: ${labels.join(' | ')}`).toBe(labels.length);
    }
  });

  it.each(LANGUAGES.filter((l) => l !== 'en'))('%s never translates Relink', async (locale) => {
    const [en, other] = [await catalog('en'), await catalog(locale)];
    for (const [name, { message }] of Object.entries(en))
      if (message.includes('Relink'))
        // A plural form the language does not have (Japanese "one"): its "other" says it.
        expect((other[name] ?? other[`${pluralBase(name)}_other`])!.message, `${locale} ${name}`).toContain('Relink');
  });
});

describe('t() and plural()', () => {
  it('fill placeholders in one pass: a value is never read as a placeholder', () => {
    expect(t('background.notAboutSite', { site: '{site}' })).toBe('This page is not about {site}.');
  });

  it('pick each language’s CLDR form: French counts 0 as one, Japanese has one form', async () => {
    expect([0, 1, 2].map((n) => plural('popup.hiddenUsers', n))).toEqual([
      '0 hidden users',
      '1 hidden user',
      '2 hidden users',
    ]);
    await useLocale('fr');
    expect([0, 1, 2, 1_000_000].map((n) => plural('popup.hiddenUsers', n))).toEqual([
      '0 utilisateur masqué',
      '1 utilisateur masqué',
      '2 utilisateurs masqués',
      '1\u202f000\u202f000 d’utilisateurs masqués',
    ]);
    await useLocale('ja');
    expect(plural('popup.hiddenUsers', 1)).toBe('非表示のユーザー 1 人');
  });

  it('format numbers, relative times and durations in the messages’ language', async () => {
    const now = Date.parse('2026-11-28T12:00:00Z');
    await useLocale('de');
    expect(messagesLocale()).toBe('de');
    expect(plural('popup.hiddenUsers', 12_000)).toBe('12.000 ausgeblendete Benutzer');
    expect(formatSince('2026-11-28T11:55:00Z', now)).toBe('vor 5 Minuten');
    expect(formatMinutes(1)).toBe('1 Minute');
    await useLocale('pt_BR');
    expect(messagesLocale()).toBe('pt-BR');
    expect(formatSince('2026-11-26T12:00:00Z', now)).toBe('há 2 dias');
  });

  it('answer in the browser’s language, the background’s error sentences too', async () => {
    const { errorFromAnswer } = await import('@/utils/atlassian/error-mapping');
    const answer = {
      host: 'acme.atlassian.net',
      status: 404,
      contentType: 'application/json',
      body: '{"errorMessages":["Not here"]}',
      auth: 'session' as const,
      doing: '',
    };
    await useLocale('de');
    expect(errorFromAnswer({ ...answer, doing: t('doing.listUsers') }).message).toBe(
      'acme.atlassian.net hat beim Auflisten der Benutzer mit „nicht gefunden“ geantwortet. Die Antwort lautete: Not here',
    );
    await useLocale('ja');
    expect(errorFromAnswer({ ...answer, doing: undefined }).message).toBe(
      'acme.atlassian.net は「見つかりません」と応答しました。応答内容: Not here',
    );
  });
});

describe('the pseudo-locale', () => {
  it('accents every letter, keeps placeholders, brackets the message', () => {
    expect(pseudoLocalize('Checking {site}…')).toBe('[Çĥééçķííñğ {site}…··]');
  });

  it('makes the whole catalog about 40 % longer, and keeps the language tag', async () => {
    const en = await catalog('en');
    const pseudo = pseudoMessages(en);
    expect(pseudo.locale).toEqual({ message: 'en' });
    const length = (c: Record<string, { message: string }>) =>
      Object.entries(c)
        .filter(([name]) => name !== 'locale')
        .reduce((sum, [, { message }]) => sum + message.length, 0);
    const growth = length(pseudo) / length(en);
    expect(growth).toBeGreaterThan(1.35);
    expect(growth).toBeLessThan(1.6);
    for (const [name, { message }] of Object.entries(pseudo)) {
      if (name === 'locale') continue;
      expect(message.startsWith(PSEUDO_OPEN) && message.endsWith(PSEUDO_CLOSE), name).toBe(true);
      expect(message.replace(/\{\w+\}/g, ''), name).not.toMatch(/[A-Za-z]/);
    }
  });
});
