/**
 * A field check's report (utils/domain/field-report.ts) turned into the simulator switches that
 * answer the way the reported site did (docs/atlassian.md §8): a real site's report becomes a
 * scenario the test suite scans (tests/integration/field-reports.test.ts). Only what a report can
 * show is replayed: what GETs reveal, never how writes are answered.
 */
import type { FieldCheck, FieldReport } from '@/utils/domain/field-report';
import type { FaultsInput } from '../sim/http/faults-schema';
import type { VariationsInput } from '../sim/http/variations-schema';

/**
 * [assumed] The rate a replayed limit runs at: a report keeps the formats of the rate-limit headers,
 * not their numbers, so a replay uses a tight limit of its own.
 */
export const REPLAYED_RATE = { requestsPerSecond: 5, burst: 5 };

type RateLimitInput = NonNullable<FaultsInput['rateLimit']>;

export function faultsFromReport(report: FieldReport): FaultsInput {
  const check = (id: string): FieldCheck | undefined => report.checks.find((c) => c.id === id);
  const variations: VariationsInput = {};

  // A first page shorter than asked, followed by more: the site's page-size cap.
  const first = check('users-search')?.paging;
  const next = check('users-search-next')?.paging;
  if (
    first &&
    next &&
    typeof first.returned === 'number' &&
    typeof first.asked === 'number' &&
    typeof next.returned === 'number' &&
    next.returned > 0 &&
    first.returned < first.asked
  )
    variations.usersSearchCap = first.returned;

  const beans = [check('group-bulk'), check('group-member')].filter((c) => c?.status === 200);
  const pageBean: NonNullable<VariationsInput['pageBean']> = {};
  if (beans.some((c) => c?.paging.isLast === 'missing')) pageBean.isLast = 'absent';
  if (beans.some((c) => c?.paging.total === 'missing')) pageBean.total = 'absent';
  else if (
    beans.some((c) => {
      const { total, startAt, returned } = c?.paging ?? {};
      return typeof total === 'number' && typeof returned === 'number' && total < (Number(startAt) || 0) + returned;
    })
  )
    pageBean.total = 'undercount';
  if (Object.keys(pageBean).length > 0) variations.pageBean = pageBean;

  const nullIn = (c: FieldCheck | undefined, path: string) => c?.fields[path]?.includes('null') ?? false;
  if (nullIn(check('user-groups'), 'groups.items[].groupId') || nullIn(check('myself'), 'groups.items[].groupId'))
    variations.nullGroupIds = 'everywhere';
  else if (nullIn(check('group-bulk'), 'values[].groupId')) variations.nullGroupIds = 'group-bulk';

  const typePaths = report.checks.flatMap((c) =>
    Object.entries(c.fields).filter(([path]) => path === 'accountType' || path.endsWith('].accountType')),
  );
  const typeValues = report.checks.flatMap((c) =>
    Object.entries(c.values)
      .filter(([path]) => path.endsWith('accountType'))
      .flatMap(([, counts]) => Object.keys(counts)),
  );
  if (typePaths.some(([, types]) => types.includes('missing'))) variations.accountType = 'missing';
  else if (typeValues.some((t) => t !== t.toLowerCase())) variations.accountType = 'capitalized';

  const faults: FaultsInput = Object.keys(variations).length > 0 ? { variations } : {};
  const rateLimit = rateLimitFrom(report);
  if (rateLimit) faults.rateLimit = rateLimit;
  return faults;
}

/** The rate limit a report shows, from the headers of its answers and of the refusals it met. */
function rateLimitFrom(report: FieldReport): RateLimitInput | null {
  const answers = report.checks.map((c) => c.headers);
  const refusals = report.checks.flatMap((c) => c.refused.filter((r) => r.status === 429).map((r) => r.headers));
  const all = [...answers, ...refusals];
  const seen = (name: string) => all.some((h) => name in h);
  if (!['x-ratelimit-limit', 'x-ratelimit-nearlimit', 'beta-retry-after', 'ratelimit-reason'].some(seen)) return null;
  const limit: RateLimitInput = { ...REPLAYED_RATE };
  if (refusals.some((h) => h['ratelimit-reason'] === 'jira-burst-based')) limit.scope = 'endpoint-method';
  const retryAfter = refusals.map((h) => h['retry-after']);
  if (retryAfter.includes('integer-huge')) limit.retryAfter = 'huge';
  else if (retryAfter.includes('zero')) limit.retryAfter = 'zero';
  else if (retryAfter.includes(undefined)) limit.retryAfter = 'absent';
  if (all.some((h) => h['x-ratelimit-reset'] === 'iso-minute')) limit.resetFormat = 'minute';
  if (answers.some((h) => 'x-ratelimit-nearlimit' in h) && !answers.some((h) => 'x-ratelimit-remaining' in h))
    limit.budgetHeaders = 'near-limit-only';
  if (seen('beta-retry-after')) limit.betaRetryAfter = true;
  return limit;
}
