import type { SimState } from '../http/state';
import type { SimRequest } from '../http/types';
import { REST_SOURCE, type Author } from '../world/records';
import type { Credential, Site } from '../world/world';

/** What a Jira REST handler gets: the site the Host header names, and the authenticated caller. */
export interface SiteCtx {
  sim: SimState;
  site: Site;
  caller: Credential;
}

/** Who makes a change, as the audit log records it: API-token calls come through the REST API. */
export function authorOf(req: SimRequest, caller: Credential): Author {
  return { accountId: caller.accountId, via: req.headers.authorization?.startsWith('Basic ') ? REST_SOURCE : '' };
}
