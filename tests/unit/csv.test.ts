/**
 * Relink's CSV exports opened by a spreadsheet: whichever separator it reads them with (`,`, or
 * `;` where the decimal mark is a comma), and whether or not it keeps following the quotes after
 * it has split a line where the writer did not, no cell it sees starts a formula.
 */
import { describe, expect, it } from 'vitest';
import { auditCsv, type AuditEntry } from '@/utils/engine/audit';
import { hiddenUsersCsv, toCsv } from '@/utils/engine/csv';

/**
 * A tiny RFC 4180 reader. RFC 4180 does not say what follows a closing quote that is not a
 * separator (it is what a `;` reader meets in a `,` file); readers differ, so both ways:
 * - `requote`: the text is appended, and a later `"` opens a quoted part again;
 * - `literal`: the rest of the cell is plain text, quotes included (Python's `csv` module).
 */
function readCsv(text: string, separator: ',' | ';', afterQuote: 'requote' | 'literal'): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let state: 'start' | 'plain' | 'quoted' | 'quote' = 'start';
  const endCell = () => {
    row.push(cell);
    cell = '';
    state = 'start';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (state === 'quoted') {
      if (c === '"') state = 'quote';
      else cell += c;
    } else if (state === 'quote' && c === '"') {
      cell += '"';
      state = 'quoted';
    } else if (c === separator) {
      endCell();
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text.charAt(i + 1) === '\n') i++;
      endCell();
      rows.push(row);
      row = [];
    } else if (c === '"' && (state === 'start' || (state === 'plain' && afterQuote === 'requote'))) {
      state = 'quoted';
    } else {
      cell += c;
      state = 'plain';
    }
  }
  if (state !== 'start' || cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

const READERS = [
  [',', 'requote'],
  [',', 'literal'],
  [';', 'requote'],
  [';', 'literal'],
] as const;

/** What a spreadsheet would run: a cell starting with one of these (tab and CR: some strip them first). */
const FORMULA = /^[=+\-@\t\r]/;

/** Payloads a user can put in a display name, a group name or a server message. */
const PAYLOADS = [
  'Ann;=1+1',
  '=HYPERLINK("https://evil.example","x")',
  '+1+1',
  '-1+1',
  '@SUM(A1)',
  '\t=1+1',
  '\r=1+1',
  'Ann;+cmd|calc',
  'Ann;"=1+1',
  'Ann;""=1+1',
  'Ann; =1+1',
  'Ann,=1+1',
  'Ann\n=1+1',
  'Ann\r\n@x',
  'a;b;-c;d',
  '"quoted", "=and; more"',
  ';=1',
  'plain',
  '',
];

const entry = (over: Partial<AuditEntry>): AuditEntry => ({
  id: '1',
  at: '2026-11-29T00:00:00.000Z',
  finishedAt: null,
  runId: 'r',
  site: 'acme.atlassian.net',
  accountId: 'a',
  displayName: 'Ann',
  action: 'reactivate',
  step: 'Re-add',
  status: 'failed',
  message: null,
  serverSaid: null,
  call: 'POST …',
  ...over,
});

describe('CSV exports in a spreadsheet', () => {
  it('quote every cell, and read back to the data with a comma reader', () => {
    const csv = toCsv(['a', 'b'], [['Ann;=1+1', 'x, "y"\nz']]);
    expect(csv).toBe('"a","b"\r\n"Ann;\'=1+1","x, ""y""\nz"\r\n');
    for (const afterQuote of ['requote', 'literal'] as const)
      expect(readCsv(csv, ',', afterQuote)).toEqual([
        ['a', 'b'],
        ["Ann;'=1+1", 'x, "y"\nz'],
      ]);
  });

  it('keep the data as it was, bar a quote before what a spreadsheet would run', () => {
    const csv = toCsv(
      ['value'],
      PAYLOADS.map((p) => [p]),
    );
    const read = readCsv(csv, ',', 'requote')
      .slice(1)
      .map(([cell]) => cell);
    expect(read.map((cell) => cell?.replace(/(^|[;\r\n])'/g, '$1'))).toEqual(PAYLOADS);
  });

  it.each(READERS)('start no formula in any cell a "%s" reader (%s) sees', (separator, afterQuote) => {
    const csv = toCsv(
      ['site', 'name', 'note'],
      PAYLOADS.flatMap((p) => [
        [p, p, p],
        ['acme.atlassian.net', p, 'after'],
      ]),
    );
    const cells = readCsv(csv, separator, afterQuote).flat();
    expect(cells.length).toBeGreaterThan(PAYLOADS.length);
    expect(cells.filter((cell) => FORMULA.test(cell))).toEqual([]);
  });

  it.each(READERS)('keep the audit log and the hidden users safe for a "%s" reader (%s)', (separator, afterQuote) => {
    const audit = auditCsv(
      PAYLOADS.map((p) => entry({ displayName: p, message: p, serverSaid: p, step: `Add to group ${p}` })),
    );
    const hidden = hiddenUsersCsv(
      'acme.atlassian.net',
      PAYLOADS.map((p) => ({
        accountId: 'a1',
        displayName: p,
        email: p,
        reason: p,
        certainty: 'likely',
        rememberedGroups: [
          { groupId: 'g1', name: p },
          { groupId: 'g2', name: '-admins' },
        ],
        rememberedAt: '2026-11-01',
      })),
    );
    for (const csv of [audit, hidden])
      expect(
        readCsv(csv, separator, afterQuote)
          .flat()
          .filter((cell) => FORMULA.test(cell)),
      ).toEqual([]);
  });
});

describe('hidden users CSV', () => {
  it('lists each hidden user with what Relink knows, safely for spreadsheets', async () => {
    const { hiddenUsersCsv } = await import('@/utils/engine/csv');
    const csv = hiddenUsersCsv('acme.atlassian.net', [
      {
        accountId: 'a1',
        displayName: '=cmd|calc',
        email: null,
        reason: 'inactive, no group',
        certainty: 'likely',
        rememberedGroups: [{ groupId: 'g', name: 'team, alpha' }],
        rememberedAt: '2026-11-01',
      },
    ]);
    expect(csv).toBe(
      '"Site","Account ID","Name","Email","Reason","Certainty","Remembered groups","Remembered on"\r\n' +
        '"acme.atlassian.net","a1","\'=cmd|calc","","inactive, no group","likely","team, alpha","2026-11-01"\r\n',
    );
  });
});
