/**
 * The switches for answers Atlassian is documented or reported to give besides the usual ones
 * (docs/atlassian.md §8, with a source for each). Part of the fault switches (faults-schema.ts):
 * set in a scenario's `faults` or with `PUT /__sim/faults`. Every default is the simulator's usual,
 * strictest answer: a variation is only ever switched on.
 */
import { z } from 'zod';

/**
 * The rate limiter. The defaults are the simulator's own model: one bucket per host and caller,
 * stricter than Jira's documented per-endpoint burst limits [assumed]; the other values are what
 * Atlassian documents or was seen to send (docs/atlassian.md §3 Rate limits, §8).
 */
export const RateLimitSchema = z
  .object({
    requestsPerSecond: z.number().positive().max(10_000),
    burst: z.number().int().positive().max(100_000),
    /** `endpoint-method`: one bucket per host, caller, method and path, as Jira's burst limits are documented. */
    scope: z.enum(['host', 'endpoint-method']).default('host'),
    /**
     * What a 429 says in Retry-After: whole seconds; `zero` while still limited; `absent` (only
     * X-RateLimit-Reset, like the gateway limit of April 2026); `huge` (Long.MAX_VALUE, reported).
     */
    retryAfter: z.enum(['seconds', 'zero', 'absent', 'huge']).default('seconds'),
    /** X-RateLimit-Reset as an ISO instant with milliseconds, or as documented: `yyyy-MM-ddTHH:mmZ` (truncated). */
    resetFormat: z.enum(['iso-ms', 'minute']).default('iso-ms'),
    /** `near-limit-only`: answers carry X-RateLimit-NearLimit under 20 % of the budget, no Limit or Remaining. */
    budgetHeaders: z.enum(['remaining', 'near-limit-only']).default('remaining'),
    /** Answers past a beta budget (half the burst and the rate) carry Beta-Retry-After; it is not enforced. */
    betaRetryAfter: z.boolean().default(false),
  })
  .strict();

/** One switch per documented or reported variation of Jira's and the org API's answers; all off by default. */
export const VariationsSchema = z
  .object({
    /** users/search returns at most this many records a page, whatever maxResults asked for. */
    usersSearchCap: z.number().int().min(1).max(1000).nullable().default(null),
    /** group/bulk and group/member pages: `total` exact, 80 % of the truth, or left out; `isLast` (with `nextPage`) or not. */
    pageBean: z
      .object({
        total: z.enum(['exact', 'undercount', 'absent']).default('exact'),
        isLast: z.enum(['present', 'absent']).default('present'),
      })
      .strict()
      .prefault({}),
    /** `groupId: null` (the spec allows it) in group/bulk, or also in users' groups. */
    nullGroupIds: z.enum(['none', 'group-bulk', 'everywhere']).default('none'),
    /** Jira user records' accountType: as the spec spells it, capitalized (`Atlassian`), or left out. */
    accountType: z.enum(['lowercase', 'capitalized', 'missing']).default('lowercase'),
    /** The org API's answer to a successful restore: JSON, 204 No Content, or 200 with an empty body. */
    restoreAnswer: z.enum(['json', 'no-content', 'empty-200']).default('json'),
    /** The status of an XSRF refusal ("XSRF check failed"): 403, or 404 as client projects reported. */
    xsrfStatus: z.union([z.literal(403), z.literal(404)]).default(403),
  })
  .strict();

export type Variations = z.infer<typeof VariationsSchema>;
export type VariationsInput = z.input<typeof VariationsSchema>;
