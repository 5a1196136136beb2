/**
 * The messaging protocol between Relink's pages/content script and its background, derived from
 * the background's operations table: the request of each type is its operation's input, the
 * reply is what its `run` returns. Types only: nothing of the background is bundled here.
 */
import type { AtlassianErrorKind } from '../atlassian/errors';
import type { Operations } from '../background/ops';

type RequestType = keyof Operations;
type InputOf<K extends RequestType> = Parameters<Operations[K]['run']>[0];

type RequestFor<K extends RequestType> = { type: K } & InputOf<K>;
export type RelinkRequest = { [K in RequestType]: RequestFor<K> }[RequestType];
export type ReplyFor<K extends RequestType> = Awaited<ReturnType<Operations[K]['run']>>;

/** Why a request failed: an Atlassian error's kind, or the router's own. */
export type ErrorKind = AtlassianErrorKind | 'malformed-request' | 'forbidden' | 'failed';

/** Replies travel as `{ok: true, value}` or `{ok: false, kind, error}` so a rejection is never silent. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; kind: ErrorKind; error: string };
