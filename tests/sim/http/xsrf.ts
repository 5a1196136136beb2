/**
 * Atlassian's XSRF filter for writes (docs/atlassian.md §4): JSON bodies, `X-Atlassian-Token: no-check`,
 * and (strict mode) no foreign `Origin` — a service worker's `chrome-extension://…` origin fails.
 */
import type { Faults } from './faults-schema';
import { jiraError, text } from './respond';
import type { SimRequest, SimResponse } from './types';

const WRITES = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);

/** `status`: 403, or 404 as several client projects reported it (docs/atlassian.md §8). */
export function xsrfRefusal(req: SimRequest, mode: Faults['xsrf'], status: 403 | 404 = 403): SimResponse | null {
  if (!WRITES.has(req.method)) return null;
  const token = req.headers['x-atlassian-token'];
  if (typeof token !== 'string' || token.toLowerCase() !== 'no-check') return text(status, 'XSRF check failed');
  const origin = req.headers.origin;
  if (mode === 'strict' && origin !== undefined && origin !== `https://${req.host}`)
    return text(status, 'XSRF check failed');
  if (req.body.length > 0 && !(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
    return jiraError(415, ['Unsupported Media Type']);
  }
  return null;
}
