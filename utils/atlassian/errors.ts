/**
 * Every way an Atlassian call can fail, as a kind the code can branch on and a sentence the
 * admin can act on. The sentence never contains a credential (the caller never passes one in).
 */
export type AtlassianErrorKind =
  | 'unauthenticated'
  | 'forbidden'
  | 'xsrf'
  | 'not-found'
  | 'not-in-directory'
  | 'external-user-management'
  | 'idp-group'
  | 'seat-limit'
  | 'already-member'
  | 'not-member'
  | 'account-exists'
  | 'bad-request'
  | 'slow-query'
  | 'rate-limited'
  | 'unavailable'
  | 'server-error'
  | 'timeout'
  | 'offline'
  | 'malformed';

export class AtlassianError extends Error {
  constructor(
    readonly kind: AtlassianErrorKind,
    message: string,
    readonly status: number | null = null,
    /** What the server said, for the audit log (already free of secrets: it is the server's text). */
    readonly serverSaid: string | null = null,
  ) {
    super(message);
    this.name = 'AtlassianError';
  }
}

export function isAtlassianError(value: unknown): value is AtlassianError {
  return value instanceof AtlassianError;
}
