/** Applies the failure rules of the fault switches to a request, counting each rule's matches. */
import type { FailureRule } from './faults-schema';
import { html, jiraError, text } from './respond';
import type { SimRequest, SimResponse } from './types';

export class FailureRules {
  private matches: number[] = [];
  private fired: number[] = [];

  constructor(private rules: FailureRule[]) {
    this.reset(rules);
  }

  reset(rules: FailureRule[]): void {
    this.rules = rules;
    this.matches = rules.map(() => 0);
    this.fired = rules.map(() => 0);
  }

  /** The fault response for this request, if a rule fires. */
  apply(req: SimRequest): SimResponse | null {
    for (const [i, rule] of this.rules.entries()) {
      const { host, method, path } = rule.match;
      if (host && req.host !== host) continue;
      if (method && req.method !== method) continue;
      if (path && !req.url.pathname.startsWith(path)) continue;
      const count = ++this.matches[i]!;
      if (rule.every && count % rule.every !== 0) continue;
      if (rule.times !== undefined && this.fired[i]! >= rule.times) continue;
      this.fired[i]!++;
      return faultResponse(rule.respond);
    }
    return null;
  }
}

function faultResponse(respond: FailureRule['respond']): SimResponse {
  switch (respond.kind) {
    case 'status': {
      const retry: Record<string, string> =
        respond.retryAfter === undefined ? {} : { 'retry-after': String(respond.retryAfter) };
      if (respond.status === 401) {
        return respond.json
          ? jiraError(401, ['You are not authenticated. Authentication required to perform this operation.'])
          : text(401, 'Client must be authenticated to access this resource.');
      }
      if (respond.status === 429)
        return {
          ...jiraError(429, ['Rate limit exceeded.']),
          headers: { 'content-type': 'application/json;charset=UTF-8', ...retry },
        };
      if (respond.status === 503)
        return {
          ...jiraError(503, ['Service unavailable. Please try again later.']),
          headers: { 'content-type': 'application/json;charset=UTF-8', ...retry },
        };
      if (respond.status === 409)
        return jiraError(409, ['The request took too long to process. Try again with a smaller page.']);
      return jiraError(respond.status, [
        respond.status >= 500 ? 'Internal server error' : 'Request refused by the simulator fault switch.',
      ]);
    }
    case 'malformed-json':
      return {
        status: 200,
        headers: { 'content-type': 'application/json;charset=UTF-8' },
        body: '[{"accountId": "5b10ac8d82e05b22cc7d4ef5", "displayName": ',
      };
    case 'html-error':
      return html(
        respond.status,
        '<!DOCTYPE html><html><head><title>Atlassian Cloud Notifications - Page Unavailable</title></head><body><h1>Something went wrong</h1><p>The page you are looking for is temporarily unavailable.</p></body></html>',
      );
    case 'hang':
      return { hang: true };
    case 'reset':
      return { reset: true };
  }
}
