/** The simulator's fault switches, settable in a scenario file and at run time (POST /__sim/faults). */
import { z } from 'zod';
import { RateLimitSchema, VariationsSchema } from './variations-schema';

const Match = z
  .object({
    host: z.string().optional(),
    method: z.enum(['GET', 'POST', 'PUT', 'DELETE']).optional(),
    /** A path prefix, e.g. `/rest/api/3/users/search`. */
    path: z.string().startsWith('/').optional(),
  })
  .strict();

export const FailureRule = z
  .object({
    match: Match.default({}),
    respond: z.discriminatedUnion('kind', [
      z
        .object({
          kind: z.literal('status'),
          status: z.union([
            z.literal(401),
            z.literal(403),
            z.literal(404),
            z.literal(409),
            z.literal(429),
            z.literal(500),
            z.literal(502),
            z.literal(503),
          ]),
          /** 401: a JSON body instead of Jira's usual plain text. */
          json: z.boolean().default(false),
          /** 429/503: the Retry-After to send, in seconds; omitted: none. */
          retryAfter: z.number().int().min(0).max(600).optional(),
        })
        .strict(),
      /** 200 with a body that is not JSON. */
      z.object({ kind: z.literal('malformed-json') }).strict(),
      /** An HTML page (502 by default) where JSON was expected: a proxy error, or a 200 sign-in interstitial. */
      z.object({ kind: z.literal('html-error'), status: z.number().int().min(200).max(599).default(502) }).strict(),
      /** Never answer; the client must time out. */
      z.object({ kind: z.literal('hang') }).strict(),
      /** Close the connection without an answer. */
      z.object({ kind: z.literal('reset') }).strict(),
    ]),
    /** Fire this many times, then disarm. Omitted: every matching request. */
    times: z.number().int().positive().optional(),
    /** Fire on every Nth matching request only. */
    every: z.number().int().positive().optional(),
  })
  .strict();

export const FaultsSchema = z
  .object({
    /** Added to every Atlassian request, in milliseconds. */
    latencyMs: z.number().int().min(0).max(60_000).default(0),
    /** A burst rate limit, per host and caller or per endpoint and method: 429 + Retry-After beyond it (variations-schema.ts). */
    rateLimit: RateLimitSchema.nullable().default(null),
    failures: z.array(FailureRule).default([]),
    /** users/search answers 409 (ran past 10 s) for pages larger than this. */
    usersSearchTimeoutAbove: z.number().int().positive().nullable().default(null),
    /** Unstable ordering between pages: each page after the first starts `size` users early (duplicates) or late (skips). */
    pagingDrift: z
      .object({ mode: z.enum(['duplicate', 'skip']), size: z.number().int().min(1).max(100) })
      .strict()
      .nullable()
      .default(null),
    /** Every session expires after this many authenticated requests. */
    sessionExpiresAfterRequests: z.number().int().positive().nullable().default(null),
    /** The admin pages' markup: `grid` renders the user list as a div grid, as a redesign might. */
    adminMarkup: z.enum(['table', 'grid']).default('table'),
    /** `strict`: writes need JSON, X-Atlassian-Token: no-check and (if present) a same-site Origin. */
    xsrf: z.enum(['strict', 'token-only']).default('strict'),
    /** Answers Atlassian is documented or reported to give besides the usual ones (docs/atlassian.md §8). */
    variations: VariationsSchema.prefault({}),
    /**
     * The Jira audit log (docs/atlassian.md §9): `enabled: false` answers 403 as when it is off; older records
     * drop out; `unrecorded` leaves out the records of a kind of change, to show what Relink does when Jira
     * does not write what utils/engine/audit-wording.ts assumes it writes: removals (`site-removal`, or only
     * those through the REST API, `api-removal`), re-adds and invitations (`site-add`), group membership changes.
     */
    auditLog: z
      .object({
        enabled: z.boolean().default(true),
        retentionDays: z.number().int().min(0).max(3650).nullable().default(null),
        unrecorded: z.array(z.enum(['site-removal', 'api-removal', 'site-add', 'group-change'])).default([]),
      })
      .strict()
      .default({ enabled: true, retentionDays: null, unrecorded: [] }),
    /** POST /user for an existing account: answer 500, or never, although it worked; or refuse: exists, no access. */
    reAdd: z.enum(['normal', '500-but-worked', 'hang-but-worked', 'exists-without-access']).default('normal'),
    /** After a write to a user, reads of them (and the directory group adds consult) show the old state this long. */
    readLagMs: z.number().int().min(0).max(60_000).default(0),
  })
  .strict();

export type Faults = z.infer<typeof FaultsSchema>;
export type FaultsInput = z.input<typeof FaultsSchema>;
export type FailureRule = z.infer<typeof FailureRule>;
