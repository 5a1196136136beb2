/** CSV exports (RFC 4180). Cells a spreadsheet would run as a formula are prefixed with a quote. */
import type { HiddenUser } from '../domain/records';

function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: (string | number | null | undefined)[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function hiddenUsersCsv(site: string, users: HiddenUser[]): string {
  return toCsv(
    ['site', 'accountId', 'displayName', 'email', 'reason', 'certainty', 'rememberedGroups', 'rememberedOn'],
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
