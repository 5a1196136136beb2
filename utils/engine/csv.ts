/**
 * CSV exports (RFC 4180), safe to open in a spreadsheet whichever separator it reads them with.
 *
 * Every cell is quoted, so a `;` (a separator where the decimal mark is a comma) or a line break
 * in the data stays inside its cell for a reader that follows the quotes. Cells a spreadsheet
 * would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) get a leading `'`. Not every reader
 * follows the quotes once it has split on a separator the writer did not use: after a `;` or a
 * line break in the data it starts a new cell, so a formula character (or a quote, which such a
 * reader may drop) there gets the `'` too. Headers are in the admin's language; values as recorded.
 */
import type { HiddenUser } from '../domain/records';
import { t } from '../i18n';

function csvCell(value: string | number | null | undefined): string {
  const text = (value === null || value === undefined ? '' : String(value))
    .replace(/^(?=[=+\-@\t\r])/, "'")
    .replace(/([;\r\n])(?=[=+\-@\t\r"])/g, "$1'");
  return `"${text.replace(/"/g, '""')}"`;
}

export function toCsv(header: string[], rows: (string | number | null | undefined)[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function hiddenUsersCsv(site: string, users: HiddenUser[]): string {
  return toCsv(
    [
      t('csv.site'),
      t('csv.accountId'),
      t('csv.displayName'),
      t('csv.email'),
      t('csv.reason'),
      t('csv.certainty'),
      t('csv.rememberedGroups'),
      t('csv.rememberedOn'),
    ],
    users.map((u) => [
      site,
      u.accountId,
      u.displayName,
      u.email,
      u.reason,
      u.certainty,
      u.rememberedGroups.map((g) => g.name).join('; '),
      u.rememberedAt,
    ]),
  );
}
