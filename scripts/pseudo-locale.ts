/**
 * The pseudo-locale: every message of the English catalog accented, about 40 % longer and
 * bracketed, so that an end-to-end pass sees at a glance text that is cut ("[Šííğñ íñ" without
 * its "]"), that overlaps, or that never went through a message (no accents: hard-coded).
 *
 * `RELINK_PSEUDO_LOCALE=1 wxt build` (npm run build:pseudo) makes `.output/chrome-mv3-pseudo`, whose
 * only locale is the default one and holds these messages, so Chromium shows them whatever its
 * language (wxt.config.ts). Placeholders (`{host}`) and the `locale` message are left as they are.
 */

const PLAIN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ACCENTED = 'áƀçðéƒğĥíĵķľɱñóþǫŕšţúṽŵẋýžÁƁÇÐÉƑĞĤÍĴĶĽṀÑÓÞǪŔŠŢÚṼŴẊÝŽ';
const VOWELS = /[aeiouAEIOU]/;

/** Opens and closes every pseudo message: a missing closing bracket is text cut short. */
export const PSEUDO_OPEN = '[';
export const PSEUDO_CLOSE = ']';

const accent = (c: string) => ACCENTED.charAt(PLAIN.indexOf(c));

/**
 * Every letter accented and every vowel doubled, then padded with "·" to 40 % longer than the
 * English text (outside placeholders), bracketed. Placeholders are kept as they are.
 */
export function pseudoLocalize(text: string): string {
  const parts = text.split(/(\{\w+\})/);
  let letters = 0;
  const body = parts
    .map((part, i) => {
      if (i % 2 === 1) return part;
      letters += part.length;
      return part.replace(/[A-Za-z]/g, (c) => (VOWELS.test(c) ? accent(c) + accent(c.toLowerCase()) : accent(c)));
    })
    .join('');
  const grown = body.length - (text.length - letters);
  const padding = '·'.repeat(Math.max(0, Math.ceil(letters * 1.4) - grown));
  return `${PSEUDO_OPEN}${body}${padding}${PSEUDO_CLOSE}`;
}

/** A Chrome messages.json object with every message pseudo-localized, except the language tag. */
export function pseudoMessages(
  messages: Record<string, { message: string; description?: string }>,
): Record<string, { message: string }> {
  return Object.fromEntries(
    Object.entries(messages).map(([name, { message }]) => [
      name,
      { message: name === 'locale' ? message : pseudoLocalize(message) },
    ]),
  );
}
