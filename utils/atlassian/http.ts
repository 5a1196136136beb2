/**
 * One authenticated call to Atlassian, with timeout, retries that honour Retry-After, and every
 * failure turned into an AtlassianError. Writes carry what Atlassian's XSRF filter asks for
 * (docs/atlassian.md §4); their Origin is set to the site by a declarativeNetRequest rule (xsrf-origin.ts).
 */
import type { z } from 'zod';
import { formatMinutes, t } from '../i18n';
import { errorFromAnswer } from './error-mapping';
import { AtlassianError } from './errors';
import { MAX_WAIT_MS, retryDelayMs, waitTooLong } from './retry';

type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export type Auth =
  { mode: 'session' } | { mode: 'api-token'; email: string; token: string } | { mode: 'org-key'; key: string };

interface HostState {
  /** Every request to the host waits until then. */
  until: number;
  /** Requests to one endpoint and method wait until then: Jira's burst limits are kept per endpoint and method. */
  endpoints: Map<string, number>;
  /** Requests refused and waiting to be sent again, by what they wait for ('' the host, else the endpoint). */
  retrying: Map<string, number>;
  /** Where the server asked for a wait longer than Relink waits: calls fail at once until then, with why. */
  stopped: Map<string, { until: number; error: AtlassianError }>;
  /** X-RateLimit-Remaining as the last answer said it, when it said it, and X-RateLimit-Limit. */
  remaining: number | null;
  remainingAt: number;
  limit: number | null;
  inFlight: number;
  /** Until then, one request at a time: a budget is nearly spent, or a refusal has just ended. */
  slowUntil: number;
  waiters: (() => void)[];
  /** Requests waiting in `acquire`, and since when one has been (for `usage`). */
  waiting: number;
  heldSince: number;
  busySince: number;
  usage: GateUsage;
}

/** How the gate spent a host's time: with requests in flight (busy), and holding requests back (held). */
export interface GateUsage {
  busyMs: number;
  heldMs: number;
  /** Requests that waited for the budget to refill (paced), and for a 429's wait to pass (blocked). */
  paced: number;
  blocked: number;
}

/**
 * How long one request at a time after X-RateLimit-NearLimit or a refusal [assumed: a second]; Beta-Retry-After
 * says its own, up to a minute.
 */
const SLOW_MS = 1000;
const SLOW_MAX_MS = 60_000;
/**
 * Requests are paced by X-RateLimit-Remaining: one goes only while the last answer's remaining, less
 * the requests still in flight (each may take a token), leaves this many spare — for the admin's own
 * page, which draws on the same budget. [assumed] Two are enough.
 */
const SPARE_TOKENS = 2;
/**
 * With nothing in flight and the budget spent, the next request waits this long after the last
 * answer before it goes, alone, to read the budget again [assumed: a burst budget refills in well
 * under that much per token].
 */
const REFILL_PROBE_MS = 100;
/** [assumed] X-RateLimit-NearLimit means under 20% of a budget is left ([doc]: "less than 20%"). */
const NEAR_LIMIT_SHARE = 0.2;

/**
 * Pacing within the limits the server signals (docs/atlassian.md §3 Rate limits, §8). After a 429,
 * what it limited waits until Retry-After has passed, not just the request refused: Atlassian
 * counts any early request as an early retry and lengthens the wait. A `jira-burst-based` limit
 * holds one endpoint and method of the site [doc]; any other, or one that turns out wider (two
 * endpoints limited at once [assumed: then the limit covers the host]), holds the whole host. Refused requests go first when the wait is
 * over, one at a time for a moment, so none is refused again and again while fresh ones pass.
 *
 * Before any refusal, requests are paced by X-RateLimit-Remaining: a request goes while the last
 * answer's remaining, less the requests in flight, leaves SPARE_TOKENS; else it waits for an answer
 * (which says the budget anew), or with nothing in flight for REFILL_PROBE_MS. So the callers may
 * keep many requests going — as many as the latency needs to use the whole budget — and the budget,
 * not their number, sets the pace: no 429, no early retry, no idle pipe. X-RateLimit-NearLimit
 * beside a remaining under 20% of X-RateLimit-Limit says what that remaining says; beside none, or a
 * larger one (another budget is nearly spent), and after Beta-Retry-After, requests go one at a time
 * for a while.
 */
export class HostGate {
  private readonly hosts = new Map<string, HostState>();

  private state(host: string) {
    let s = this.hosts.get(host);
    if (!s)
      this.hosts.set(
        host,
        (s = {
          until: 0,
          endpoints: new Map(),
          retrying: new Map(),
          stopped: new Map(),
          remaining: null,
          remainingAt: 0,
          limit: null,
          inFlight: 0,
          slowUntil: 0,
          waiters: [],
          waiting: 0,
          heldSince: 0,
          busySince: 0,
          usage: { busyMs: 0, heldMs: 0, paced: 0, blocked: 0 },
        }),
      );
    return s;
  }

  /**
   * Holds back the host, or only `endpoint` ("GET /rest/api/3/user"), until `untilMs`. Answers what
   * it held back: '' for the host, else the endpoint.
   */
  block(host: string, untilMs: number, endpoint?: string, now = 0): string {
    const s = this.state(host);
    const elsewhere = endpoint !== undefined && [...s.endpoints].some(([e, until]) => e !== endpoint && until > now);
    if (endpoint === undefined || elsewhere) s.until = Math.max(s.until, untilMs);
    if (endpoint !== undefined) s.endpoints.set(endpoint, Math.max(s.endpoints.get(endpoint) ?? 0, untilMs));
    s.slowUntil = Math.max(s.slowUntil, untilMs + SLOW_MS);
    return endpoint === undefined || elsewhere ? '' : endpoint;
  }

  /** A refused request will be sent again when `scope` (what `block` answered) is free: it goes before fresh ones. */
  queueRetry(host: string, scope: string): void {
    const s = this.state(host);
    s.retrying.set(scope, (s.retrying.get(scope) ?? 0) + 1);
  }

  /** Until `untilMs`, calls to the host (or `endpoint`) fail at once with `error` instead of being sent. */
  stop(host: string, untilMs: number, endpoint: string | undefined, error: AtlassianError): void {
    this.state(host).stopped.set(endpoint ?? '', { until: untilMs, error });
  }

  /**
   * Resolves when a request may go: no block in force, no refused request waiting its turn before
   * it, and room under the signalled limit. `retryOf`: this request was refused, under that scope.
   */
  async acquire(host: string, clock: Pick<Transport, 'now' | 'sleep'>, endpoint = '', retryOf?: string): Promise<void> {
    const s = this.state(host);
    // Whether this request has been held back (counted once in `usage`, and in `waiting` until it goes).
    const me = { held: false };
    const hold = (why: 'paced' | 'blocked') => {
      if (me.held) return;
      if (s.waiting++ === 0) s.heldSince = clock.now();
      s.usage[why]++;
      me.held = true;
    };
    const unhold = () => {
      if (me.held && --s.waiting === 0) s.usage.heldMs += clock.now() - s.heldSince;
    };
    for (;;) {
      const now = clock.now();
      for (const scope of ['', endpoint]) {
        const stop = s.stopped.get(scope);
        if (stop && stop.until > now) {
          unhold();
          throw stop.error;
        }
      }
      const blocked = Math.max(s.until, s.endpoints.get(endpoint) ?? 0) - now;
      // What the last answer left, less what is in flight: each of those may still take a token.
      const spent = s.remaining !== null && s.remaining - s.inFlight < 1 + SPARE_TOKENS;
      const yielding = retryOf === undefined && ((s.retrying.get('') ?? 0) > 0 || (s.retrying.get(endpoint) ?? 0) > 0);
      const probeIn = s.remainingAt + REFILL_PROBE_MS - now;
      if (blocked > 0) {
        hold('blocked');
        await clock.sleep(blocked);
      } else if (yielding || (s.inFlight > 0 && (spent || s.slowUntil > now))) {
        hold(spent ? 'paced' : 'blocked');
        await new Promise<void>((resolve) => s.waiters.push(resolve));
      } else if (spent && probeIn > 0) {
        hold('paced');
        await clock.sleep(probeIn);
      } else break;
    }
    unhold();
    if (retryOf !== undefined) s.retrying.set(retryOf, Math.max(0, (s.retrying.get(retryOf) ?? 0) - 1));
    if (s.inFlight++ === 0) s.busySince = clock.now();
  }

  /** How the gate has spent `host`'s time so far (the bench's timeline). */
  usage(host: string): GateUsage {
    return { ...this.state(host).usage };
  }

  release(host: string, headers: Headers | null, now = 0): void {
    const s = this.state(host);
    s.inFlight = Math.max(0, s.inFlight - 1);
    if (s.inFlight === 0) s.usage.busyMs += Math.max(0, now - s.busySince);
    const remaining = readNumber(headers?.get('x-ratelimit-remaining'));
    if (remaining !== null) Object.assign(s, { remaining, remainingAt: now });
    s.limit = readNumber(headers?.get('x-ratelimit-limit')) ?? s.limit;
    // A NearLimit that the remaining beside it explains adds nothing: the pacing above keeps to that budget.
    const explained = remaining !== null && s.limit !== null && remaining < s.limit * NEAR_LIMIT_SHARE;
    if (headers?.get('x-ratelimit-nearlimit')?.trim().toLowerCase() === 'true' && !explained)
      s.slowUntil = Math.max(s.slowUntil, now + SLOW_MS);
    const beta = Number(headers?.get('beta-retry-after') ?? '');
    if (Number.isFinite(beta) && beta > 0)
      s.slowUntil = Math.max(s.slowUntil, now + Math.min(beta * 1000, SLOW_MAX_MS));
    for (const wake of s.waiters.splice(0)) wake();
  }
}

function readNumber(value: string | null | undefined): number | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

export interface Transport {
  fetch: FetchLike;
  /** Shared by every call made through this transport. */
  gate?: HostGate;
  /** How long a call may take when it does not say (default 20 s). */
  timeoutMs?: number;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
  random: () => number;
  /** Called for every request actually sent (for request counting and progress). */
  onRequest?: (info: { method: string; url: string; attempt: number }) => void;
  /** Called before waiting to retry. */
  onWait?: (info: { ms: number; status: number | null; url: string }) => void;
}

export function browserTransport(): Transport {
  return {
    fetch: (url, init) => fetch(url, init),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    now: () => Date.now(),
    random: Math.random,
    gate: new HostGate(),
  };
}

export interface Call<T> {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  auth: Auth;
  body?: unknown;
  /** The answer's schema; omit for calls answered with no body (204, or a 200 with nothing). */
  schema?: z.ZodType<T>;
  /** What the call does, for error sentences: "add Ann to team-alpha". */
  doing?: string;
  timeoutMs?: number;
  maxAttempts?: number;
  /** A success with no body (204, or a 200 with nothing) is an answer too: the schema is for a body when there is one. */
  allowEmpty?: boolean;
}

const DEFAULT_TIMEOUT_MS = 20_000;
const RETRYABLE_STATUS = new Set([429, 503]);

function headersFor(call: Call<unknown>): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (call.method !== 'GET') {
    headers['content-type'] = 'application/json';
    headers['x-atlassian-token'] = 'no-check';
  }
  if (call.auth.mode === 'api-token') headers.authorization = `Basic ${btoa(`${call.auth.email}:${call.auth.token}`)}`;
  if (call.auth.mode === 'org-key') headers.authorization = `Bearer ${call.auth.key}`;
  return headers;
}

export async function callAtlassian<T>(transport: Transport, call: Call<T>): Promise<T> {
  const { response, body, host, tooLong } = await exchange(transport, call);
  if (response.ok) return parseSuccess(response, body, call, host);
  if (tooLong !== null) throw waitTooLongError(host, tooLong, response.status);
  throw errorFromAnswer({
    host,
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    body,
    doing: call.doing,
    auth: call.auth.mode,
  });
}

/** An answer as it came, for the field check: status, every header, the body parsed when it is JSON. */
export interface RawAnswer {
  status: number;
  headers: [string, string][];
  contentType: string;
  /** The body parsed as JSON; undefined when it is empty or not JSON. */
  json: unknown;
  /** Whether there was a body at all. */
  empty: boolean;
  /** The answers retried before this one (429, 503): their status and headers. */
  refused: { status: number; headers: [string, string][] }[];
}

/**
 * A GET answered as it came, whatever its status (after the retries a 429 or 503 earns): what the
 * field check compares with what Relink expects. Network failures throw, as for any call.
 */
export async function inspectAtlassian(
  transport: Transport,
  call: Pick<Call<unknown>, 'url' | 'auth' | 'doing'>,
): Promise<RawAnswer> {
  const refused: RawAnswer['refused'] = [];
  const { response, body } = await exchange(transport, { ...call, method: 'GET' }, refused);
  let json: unknown;
  try {
    json = body.trim() === '' ? undefined : JSON.parse(body);
  } catch {
    json = undefined;
  }
  return {
    status: response.status,
    headers: [...response.headers.entries()],
    contentType: response.headers.get('content-type') ?? '',
    json,
    empty: body.trim() === '',
    refused,
  };
}

/**
 * One call's last answer, after the retries a 429 or 503 earns (`tooLong`: the wait it asked for,
 * when that is longer than Relink waits). Network failures throw.
 */
async function exchange(
  transport: Transport,
  call: Call<unknown>,
  /** Collects the answers that were retried (their status and headers), for the field check. */
  refused?: { status: number; headers: [string, string][] }[],
): Promise<{ response: Response; body: string; host: string; tooLong: number | null }> {
  const target = new URL(call.url);
  const host = target.host;
  const endpoint = `${call.method} ${target.pathname}`;
  const maxAttempts = call.maxAttempts ?? 6;
  // A write that timed out may have happened: never resend it blindly; the caller verifies.
  const retryNetworkErrors = call.method === 'GET';
  let retryOf: string | undefined;
  for (let attempt = 0; ; attempt++) {
    await transport.gate?.acquire(host, transport, endpoint, retryOf);
    retryOf = undefined;
    transport.onRequest?.({ method: call.method, url: call.url, attempt });
    let response: Response;
    try {
      response = await transport.fetch(call.url, {
        method: call.method,
        headers: headersFor(call),
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        credentials: call.auth.mode === 'session' ? 'include' : 'omit',
        signal: AbortSignal.timeout(call.timeoutMs ?? transport.timeoutMs ?? DEFAULT_TIMEOUT_MS),
        redirect: 'error',
      });
    } catch (error) {
      transport.gate?.release(host, null, transport.now());
      const failure = networkError(error, host, call.doing);
      if (!retryNetworkErrors || attempt + 1 >= maxAttempts) throw failure;
      await wait(transport, retryDelayMs(attempt, null, transport.now(), transport.random), null, call.url);
      continue;
    }
    const retryable = RETRYABLE_STATUS.has(response.status);
    const tooLong = retryable ? waitTooLong(response.headers, transport.now()) : null;
    const retry = retryable && tooLong === null && attempt + 1 < maxAttempts;
    const delay = retry ? retryDelayMs(attempt, response.headers, transport.now(), transport.random) : 0;
    // With a gate, what the limit covers waits (the gate's acquire does the waiting); it is blocked
    // before waiting requests are released, or they would arrive early. [doc] A jira-burst-based
    // limit covers one endpoint and method; any other reason, or none, the whole host.
    const scope = response.headers.get('ratelimit-reason') === 'jira-burst-based' ? endpoint : undefined;
    if (retry && transport.gate) {
      transport.onWait?.({ ms: delay, status: response.status, url: call.url });
      retryOf = transport.gate.block(host, transport.now() + delay, scope, transport.now());
      transport.gate.queueRetry(host, retryOf);
    }
    // Asked to wait longer than Relink waits: what the limit covers is not called for a while either,
    // since every request before the time would be an early retry.
    if (tooLong !== null)
      transport.gate?.stop(
        host,
        transport.now() + MAX_WAIT_MS,
        scope,
        waitTooLongError(host, tooLong, response.status),
      );
    transport.gate?.release(host, response.headers, transport.now());
    const body = await response.text().catch(() => '');
    if (retry) {
      refused?.push({ status: response.status, headers: [...response.headers.entries()] });
      if (!transport.gate) await wait(transport, delay, response.status, call.url);
      continue;
    }
    return { response, body, host, tooLong };
  }
}

function waitTooLongError(host: string, askedMs: number, status: number): AtlassianError {
  const wait = askedMs > 86_400_000 ? t('errors.moreThanADay') : formatMinutes(Math.ceil(askedMs / 60_000));
  return new AtlassianError('rate-limited', t('errors.rateLimitedWait', { host, wait }), status);
}

async function wait(transport: Transport, ms: number, status: number | null, url: string) {
  transport.onWait?.({ ms, status, url });
  await transport.sleep(ms);
}

function networkError(error: unknown, host: string, doing?: string): AtlassianError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new AtlassianError(
      'timeout',
      doing ? t('errors.timeoutDoing', { host, doing }) : t('errors.timeout', { host }),
    );
  }
  // A redirect means Atlassian sent the request to a sign-in page: the session is gone.
  return new AtlassianError(
    'offline',
    doing ? t('errors.offlineDoing', { host, doing }) : t('errors.offline', { host }),
  );
}

function parseSuccess<T>(response: Response, text: string, call: Call<T>, host: string): T {
  if (!call.schema) return undefined as T;
  if (call.allowEmpty && text.trim() === '') return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) {
    throw new AtlassianError(
      'malformed',
      type.includes('html')
        ? t('errors.malformedPage', { host })
        : t('errors.malformedType', { host, type: type || t('errors.noContentType') }),
      response.status,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AtlassianError('malformed', t('errors.malformedJson', { host }), response.status);
  }
  const parsed = call.schema.safeParse(value);
  if (!parsed.success) {
    const where = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || 'answer'}: ${i.message}`)
      .join('; ');
    throw new AtlassianError('malformed', t('errors.malformedShape', { host, where }), response.status);
  }
  return parsed.data;
}
