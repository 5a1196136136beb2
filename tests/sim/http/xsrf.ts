/**
 * Atlassian's XSRF filter for writes (docs/atlassian.md §4): JSON bodies, `X-Atlassian-Token: no-check`,
 * and (strict mode) no foreign `Origin` — a service worker's `chrome-extension://…` origin fails.
 */
import type { Faults } from './faults-schema';
import { jiraError, text } from './respond';
import type { SimRequest, SimResponse } from './types';

const WRITES = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);

export function xsrfRefusal(req: SimRequest, mode: Faults['xsrf']): SimResponse | null {
  if (!WRITES.has(req.method)) return null;
  const token = req.headers['x-atlassian-token'];
  if (typeof token !== 'string' || token.toLowerCase() !== 'no-check') return text(403, 'XSRF check failed');
  const origin = req.headers.origin;
  if (mode === 'strict' && origin !== undefined && origin !== `https://${req.host}`)
    return text(403, 'XSRF check failed');
  if (req.body.length > 0 && !(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
    return jiraError(415, ['Unsupported Media Type']);
  }
  return null;
}
