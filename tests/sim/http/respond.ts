/** Response builders in the shapes Atlassian uses (docs/atlassian.md §3 Errors, §5). */
import type { SimResponse } from './types';

export function json(status: number, value: unknown, headers: Record<string, string> = {}): SimResponse {
  return {
    status,
    headers: { 'content-type': 'application/json;charset=UTF-8', ...headers },
    body: JSON.stringify(value),
  };
}

export function text(status: number, body: string, headers: Record<string, string> = {}): SimResponse {
  return { status, headers: { 'content-type': 'text/plain;charset=UTF-8', ...headers }, body };
}

export function html(status: number, body: string, headers: Record<string, string> = {}): SimResponse {
  return { status, headers: { 'content-type': 'text/html;charset=UTF-8', ...headers }, body };
}

export function empty(status: number): SimResponse {
  return { status, headers: {}, body: '' };
}

export function redirect(location: string, headers: Record<string, string | string[]> = {}): SimResponse {
  return { status: 302, headers: { location, ...headers }, body: '' };
}

/** Jira's ErrorCollection. */
export function jiraError(status: number, errorMessages: string[], errors: Record<string, string> = {}): SimResponse {
  return json(status, { errorMessages, errors });
}

/** Jira's 401 is often plain text, not JSON (docs/atlassian.md §3). */
export function jiraUnauthenticated(): SimResponse {
  return text(401, 'Client must be authenticated to access this resource.', {
    'www-authenticate': 'OAuth realm="https%3A%2F%2Fatlassian.net"',
  });
}

/** Org API application errors: `{errors:[{code, title, detail}]}`. */
export function adminError(status: number, code: string, title: string, detail: string): SimResponse {
  return json(status, { errors: [{ id: `sim-${code}`, status: String(status), code, title, detail }] });
}

/** Org API gateway errors: `{code, message}`. */
export function gatewayError(status: number, message: string): SimResponse {
  return json(status, { code: status, message });
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
