/**
 * The one messaging protocol between Relink's pages/content script and its background.
 * zod/mini keeps the content-script bundle small (toolchain.md).
 * Every request is validated in the background; nothing here can name a URL to fetch.
 */
import * as z from 'zod/mini';

export const RequestSchema = z.discriminatedUnion('type', [
  /** Content script: "I am running on an admin user-list page." The page is re-derived from the sender's URL. */
  z.object({ type: z.literal('page/opened') }),
  /** Popup: what Relink knows about the site in the active tab. */
  z.object({ type: z.literal('status/get'), tabUrl: z.optional(z.string().check(z.maxLength(2048))) }),
  z.object({ type: z.literal('settings/get') }),
  z.object({
    type: z.literal('settings/set'),
    settings: z.object({ knownSites: z.array(z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,62}\.atlassian\.net$/))) }),
  }),
]);
export type RelinkRequest = z.infer<typeof RequestSchema>;

export interface PageOpenedReply {
  page: import('../page/admin-pages').AdminUserListPage;
  /** The site hosts this page is about, as far as Relink knows them. */
  siteHosts: string[];
}
export interface StatusReply {
  siteHost: string | null;
  /** null until a scan has run (the engine arrives with the scan feature). */
  hiddenCount: number | null;
  knownSites: string[];
}
export interface SettingsReply {
  knownSites: string[];
}

export type ReplyFor<T extends RelinkRequest['type']> = T extends 'page/opened'
  ? PageOpenedReply
  : T extends 'status/get'
    ? StatusReply
    : SettingsReply;

/** Replies travel as `{ok: true, value}` or `{ok: false, error}` so a rejection is never silent. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: string };
