/** Setup of the unit and sim projects (vitest.config.ts): Relink's messages in English, as in an English browser. */
import { useLocale } from './i18n';

await useLocale('en');
