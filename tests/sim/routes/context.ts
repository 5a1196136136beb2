import type { SimState } from '../http/state';
import type { Credential, Site } from '../world/world';

/** What a Jira REST handler gets: the site the Host header names, and the authenticated caller. */
export interface SiteCtx {
  sim: SimState;
  site: Site;
  caller: Credential;
}
