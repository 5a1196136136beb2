import { describe, expect, it } from 'vitest';
import { errorFromAnswer } from '@/utils/atlassian/error-mapping';

describe('errorFromAnswer', () => {
  const base = { host: 'acme.atlassian.net', contentType: 'application/json', auth: 'session' as const };
  it.each([
    [
      { status: 401, contentType: 'text/plain', body: 'Client must be authenticated to access this resource.' },
      'unauthenticated',
      'Your session on acme.atlassian.net has expired or you are signed out: sign in to acme.atlassian.net in this browser, then retry.',
    ],
    [{ status: 403, contentType: 'text/plain', body: 'XSRF check failed' }, 'xsrf', /XSRF check failed/],
    [
      {
        status: 400,
        body: '{"errorMessages":["Cannot edit group memberships, as external user management is enabled, please contact your JIRA administrators."],"errors":{}}',
      },
      'external-user-management',
      /managed by an external directory/,
    ],
    [
      {
        status: 404,
        body: '{"errorMessages":["Specified user does not exist or you do not have required permissions"],"errors":{}}',
      },
      'not-in-directory',
      /must be re-added/,
    ],
    [
      {
        status: 400,
        body: '{"errorMessages":["Adding this user would exceed the number of users allowed by your licence for jira-software."]}',
      },
      'seat-limit',
      /no seat left/,
    ],
    [
      { status: 400, body: '{"errorMessages":[],"errors":{"email":"A user with that email address already exists."}}' },
      'account-exists',
      /already exists/,
    ],
    [{ status: 403, body: '{"errorMessages":["You do not have permission"]}' }, 'forbidden', /not allowed/],
    [{ status: 409, body: '{"errorMessages":["timeout"]}' }, 'slow-query', /409/],
    [
      { status: 503, contentType: 'text/html', body: '<html>down</html>' },
      'unavailable',
      /temporarily unavailable \(503\)/,
    ],
    [{ status: 500, body: '{"errorMessages":["Internal server error"]}' }, 'server-error', /internal error \(500\)/],
    [
      {
        status: 400,
        body: '{"errors":[{"code":"ADMIN-400-4","title":"Bad Request","detail":"The user is not suspended in this directory."}]}',
      },
      'bad-request',
      /not suspended/,
    ],
  ])('%o → %s', (answer, kind, message) => {
    const error = errorFromAnswer({ ...base, ...answer });
    expect(error.kind).toBe(kind);
    if (typeof message === 'string') expect(error.message).toBe(message);
    else expect(error.message).toMatch(message);
  });

  it('tells API-token and org-key users what to fix', () => {
    expect(errorFromAnswer({ ...base, auth: 'api-token', status: 401, body: '' }).message).toMatch(
      /refused the API token/,
    );
    expect(
      errorFromAnswer({ ...base, auth: 'org-key', status: 401, body: '{"code":401,"message":"Unauthorized"}' }).message,
    ).toMatch(/organization API key was refused/);
  });
});
