/**
 * Turns an Atlassian answer that is not a success into an AtlassianError with a sentence for
 * the admin, in the browser's UI language: each kind's sentence is one message of locales/*.yml
 * (`errors.*`) with its placeholders. Pure but for the messages: status, content type and body in,
 * error out (docs/atlassian.md §3 Errors, §5).
 */
import { t } from '../i18n';
import { AtlassianError, type AtlassianErrorKind } from './errors';

export interface FailedAnswer {
  /** The host the request went to, named in the sentence ("your session on acme.atlassian.net"). */
  host: string;
  status: number;
  contentType: string;
  body: string;
  /** What was being done, for the sentence, in the admin's language: a `doing.*` message ("list users"). */
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

/** Two sentences of the admin's language one after the other. */
const sentences = (first: string, second: string | null) =>
  second ? t('common.twoSentences', { first, second }) : first;

export function errorFromAnswer(answer: FailedAnswer): AtlassianError {
  const { host, status, doing, auth } = answer;
  const said = serverMessages(answer.contentType, answer.body);
  const saidText = said.join(' ') || null;
  const is = (re: RegExp) => said.some((m) => re.test(m));
  const error = (kind: AtlassianErrorKind, sentence: string) => new AtlassianError(kind, sentence, status, saidText);

  if (status === 401) {
    return error(
      'unauthenticated',
      auth === 'session'
        ? t('errors.unauthenticatedSession', { host })
        : auth === 'api-token'
          ? t('errors.unauthenticatedToken', { host })
          : t('errors.unauthenticatedOrgKey'),
    );
  }
  // Recognised by what it says, whatever the status: client projects saw it as a 404 too (docs/atlassian.md §8).
  if (/XSRF check failed/i.test(answer.body))
    return error('xsrf', doing ? t('errors.xsrfDoing', { host, doing }) : t('errors.xsrf', { host }));
  if (is(/external user management is enabled/i))
    return error('external-user-management', t('errors.externalUserManagement', { host }));
  if (is(/identity provider/i)) return error('idp-group', t('errors.idpGroup', { host }));
  if (is(/licen[cs]e|number of users allowed|seat/i)) return error('seat-limit', t('errors.seatLimit', { host }));
  if (is(/already a member/i)) return error('already-member', t('errors.alreadyMember', { host }));
  if (is(/not a member/i)) return error('not-member', t('errors.notMember', { host }));
  if (is(/already exists/i)) return error('account-exists', t('errors.accountExists', { host }));
  if (status === 403)
    return error('forbidden', doing ? t('errors.forbiddenDoing', { host, doing }) : t('errors.forbidden', { host }));
  if (status === 404 && is(/Specified user does not exist/i)) {
    return error(
      'not-in-directory',
      doing ? t('errors.notInDirectoryDoing', { host, doing }) : t('errors.notInDirectory', { host }),
    );
  }
  if (status === 404) {
    return error(
      'not-found',
      sentences(
        doing ? t('errors.notFoundDoing', { host, doing }) : t('errors.notFound', { host }),
        saidText && t('errors.serverSaid', { said: saidText }),
      ),
    );
  }
  if (status === 409) return error('slow-query', t('errors.slowQuery', { host }));
  if (status === 429) return error('rate-limited', t('errors.rateLimited', { host }));
  if (status === 502 || status === 503 || status === 504)
    return error('unavailable', t('errors.unavailable', { host, status: String(status) }));
  if (status >= 500) {
    return error(
      'server-error',
      doing
        ? t('errors.serverErrorDoing', { host, doing, status: String(status) })
        : t('errors.serverError', { host, status: String(status) }),
    );
  }
  return error(
    'bad-request',
    saidText
      ? doing
        ? t('errors.badRequestDoingSaid', { host, doing, said: saidText })
        : t('errors.badRequestSaid', { host, said: saidText })
      : doing
        ? t('errors.badRequestDoing', { host, doing, status: String(status) })
        : t('errors.badRequest', { host, status: String(status) }),
  );
}
