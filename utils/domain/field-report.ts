/**
 * A field check's report: what a real site answered to the reads Relink depends on, against what
 * Relink expects — shapes, field presence and types, paging fields, header names and value formats.
 * Nothing in it names a person, a group, an id, an email or a URL: it can be shared, and the test
 * suite replays it as a simulator scenario (tests/fixtures/field/, tests/integration/field-reports.test.ts).
 */
import { z } from 'zod';

export const FIELD_REPORT_FORMAT = 'relink-field-check/1';

const CheckSchema = z.object({
  /** Which read: `users-search`, `group-member`, … */
  id: z.string().regex(/^[a-z-]{1,40}$/),
  /** The request, with every id as a placeholder: `GET /rest/api/3/user?accountId={accountId}&expand=groups`. */
  request: z.string().max(300),
  /** What Relink expects of the answer, in words. */
  expected: z.string().max(300),
  /** The status, or null when nothing came back. */
  status: z.number().int().nullable(),
  /**
   * `as-expected`; `differs`: answered, but not as Relink expects (see `unexpected`); `tolerated`:
   * a refusal Relink can do without; `failed`: no usable answer.
   */
  outcome: z.enum(['as-expected', 'differs', 'tolerated', 'failed']),
  /** The answer checked against Relink's schema: every issue, by path, without values. */
  shape: z.object({ ok: z.boolean(), issues: z.array(z.string().max(200)).max(20) }),
  /** For lists: how many records came, and how many Relink could not use. */
  records: z.object({ count: z.number().int(), rejected: z.number().int() }).nullable(),
  /** Field path → the JSON types seen there (`missing` where a record had none): `[].accountType` → [`string`]. */
  fields: z.record(
    z.string().max(120),
    z.array(z.enum(['string', 'number', 'boolean', 'null', 'array', 'object', 'missing'])),
  ),
  /** The values seen of the few fields that are an enumeration (accountType, statuses), with how often. */
  values: z.record(z.string().max(120), z.record(z.string().max(40), z.number().int())),
  /** Paging: what was asked and what came back (`asked`, `returned`, `isLast`, `total`, `nextPage`, …). */
  paging: z.record(z.string().max(40), z.union([z.string().max(40), z.number(), z.boolean(), z.null()])),
  /** Response header name → the format of its value (`integer`, `iso-minute`, …; `present` for the others). */
  headers: z.record(z.string().max(64), z.string().max(40)),
  /** Answers refused and retried before the last one (429, 503): status, header formats. */
  refused: z
    .array(z.object({ status: z.number().int(), headers: z.record(z.string().max(64), z.string().max(40)) }))
    .max(6),
  /** What Relink noticed, in words. */
  unexpected: z.array(z.string().max(300)).max(30),
});
export type FieldCheck = z.infer<typeof CheckSchema>;

export const FieldReportSchema = z.object({
  format: z.literal(FIELD_REPORT_FORMAT),
  /** The day of the check (no time: nothing that could tell a run apart). */
  checkedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  auth: z.enum(['session', 'api-token']),
  /** Whether an org API key for the site's org was set (then the org directory is checked too). */
  orgKey: z.boolean(),
  checks: z.array(CheckSchema).max(20),
});
export type FieldReport = z.infer<typeof FieldReportSchema>;
