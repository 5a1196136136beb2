/**
 * Turns an Atlassian answer that is not a success into an AtlassianError with a sentence for
 * the admin. Pure: status, content type and body in, error out (docs/atlassian.md §3 Errors, §5).
 */
import { AtlassianError } from './errors';

export interface FailedAnswer {
  /** The host the request went to, named in the sentence ("your session on acme.atlassian.net"). */
  host: string;
  status: number;
  contentType: string;
  body: string;
  /** What was being done, for the sentence: "add Ann to team-alpha". */
  doing?: string;
  auth: 'session' | 'api-token' | 'org-key';
}

/** The server's own messages, from Jira's ErrorCollection or the org API's error shapes. */
function serverMessages(contentType: string, body: string): string[] {
  if (!contentType.includes('json')) {
    const text = body.trim();
    return text && !text.startsWith('<') ? [text.slice(0, 300)] : [];
  }
  try {
    const parsed: unknown = JSON.parse(body);
    if (!parsed || typeof parsed !== 'object') return [];
    const record = parsed as Record<string, unknown>;
    const out: string[] = [];
    if (Array.isArray(record.errorMessages))
      out.push(...record.errorMessages.filter((m): m is string => typeof m === 'string'));
    if (record.errors && typeof record.errors === 'object' && !Array.isArray(record.errors)) {
      out.push(
        ...Object.values(record.errors as Record<string, unknown>).filter((m): m is string => typeof m === 'string'),
      );
    }
    if (Array.isArray(record.errors)) {
      for (const e of record.errors)
        if (e && typeof e === 'object' && typeof (e as { detail?: unknown }).detail === 'string')
          out.push((e as { detail: string }).detail);
    }
    if (typeof record.message === 'string') out.push(record.message);
    if (typeof record.key === 'string') out.push(record.key);
    return out.map((m) => m.slice(0, 300));
  } catch {
    return [];
  }
}

export function errorFromAnswer(answer: FailedAnswer): AtlassianError {
  const { host, status, doing, auth } = answer;
  const said = serverMessages(answer.contentType, answer.body);
  const saidText = said.join(' ') || null;
  const what = doing ? ` to ${doing}` : '';
  const is = (re: RegExp) => said.some((m) => re.test(m));

  if (status === 401) {
    const fix =
      auth === 'session'
        ? `Your session on ${host} has expired or you are signed out: sign in to ${host} in this browser, then retry.`
        : auth === 'api-token'
          ? `${host} refused the API token: check the email and token in Relink’s options, then retry.`
          : 'The organization API key was refused: it may be revoked or expired. Enter a current key in Relink’s options.';
    return new AtlassianError('unauthenticated', fix, status, saidText);
  }
  // Recognised by what it says, whatever the status: client projects saw it as a 404 too (docs/atlassian.md §8).
  if (/XSRF check failed/i.test(answer.body)) {
    return new AtlassianError(
      'xsrf',
      `${host} rejected the request${what} as cross-site (XSRF check failed). Reload the extension and retry; if it persists, report it to Relink.`,
      status,
      saidText,
    );
  }
  if (is(/external user management is enabled/i)) {
    return new AtlassianError(
      'external-user-management',
      `Groups on ${host} are managed by an external directory (external user management is on): change this membership in that directory, not in Atlassian.`,
      status,
      saidText,
    );
  }
  if (is(/identity provider/i)) {
    return new AtlassianError(
      'idp-group',
      `That group on ${host} is synced from your identity provider: change its members there.`,
      status,
      saidText,
    );
  }
  if (is(/licen[cs]e|number of users allowed|seat/i)) {
    return new AtlassianError(
      'seat-limit',
      `${host} has no seat left for that product. Free a seat or buy more, then retry.`,
      status,
      saidText,
    );
  }
  if (is(/already a member/i))
    return new AtlassianError(
      'already-member',
      `The user is already a member of that group on ${host}.`,
      status,
      saidText,
    );
  if (is(/not a member/i))
    return new AtlassianError('not-member', `The user is not a member of that group on ${host}.`, status, saidText);
  if (is(/already exists/i)) {
    return new AtlassianError(
      'account-exists',
      `${host} answered that the account already exists: it must be re-added with at least one product.`,
      status,
      saidText,
    );
  }
  if (status === 403) {
    return new AtlassianError(
      'forbidden',
      `You are not allowed${what} on ${host}: this needs a site admin (and Administer Jira for adding users). Ask an org admin.`,
      status,
      saidText,
    );
  }
  if (status === 404 && is(/Specified user does not exist/i)) {
    return new AtlassianError(
      'not-in-directory',
      `${host} does not find that user in its directory${what ? ` (${doing})` : ''}. A removed user must be re-added to the site first.`,
      status,
      saidText,
    );
  }
  if (status === 404)
    return new AtlassianError(
      'not-found',
      `${host} answered “not found”${what}.${saidText ? ` It said: ${saidText}` : ''}`,
      status,
      saidText,
    );
  if (status === 409)
    return new AtlassianError(
      'slow-query',
      `${host} gave up on a slow query (409). Relink retries with smaller pages.`,
      status,
      saidText,
    );
  if (status === 429)
    return new AtlassianError(
      'rate-limited',
      `${host} is rate-limiting Relink. It waits as asked and retries; if this persists, try again in a few minutes.`,
      status,
      saidText,
    );
  if (status === 502 || status === 503 || status === 504) {
    return new AtlassianError(
      'unavailable',
      `${host} is temporarily unavailable (${status}). Try again in a few minutes.`,
      status,
      saidText,
    );
  }
  if (status >= 500)
    return new AtlassianError(
      'server-error',
      `${host} failed with an internal error (${status})${what}. Try again; if it persists, check status.atlassian.com.`,
      status,
      saidText,
    );
  return new AtlassianError(
    'bad-request',
    `${host} refused the request${what}${saidText ? `: ${saidText}` : ` (${status})`}.`,
    status,
    saidText,
  );
}
