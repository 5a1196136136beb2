import browser from 'webextension-polyfill';
import type { Envelope, RelinkRequest, ReplyFor } from './protocol';

/** Send a request to the background; a background error rejects here with its message. */
export async function sendToBackground<R extends RelinkRequest>(request: R): Promise<ReplyFor<R['type']>> {
  const envelope = (await browser.runtime.sendMessage(request)) as Envelope<ReplyFor<R['type']>> | undefined;
  if (!envelope) throw new Error('Relink’s background did not answer. Reload the page and try again.');
  if (!envelope.ok) throw new Error(envelope.error);
  return envelope.value;
}
