import type { Envelope, ErrorKind, RelinkRequest, ReplyFor } from './protocol';
import { t } from '../i18n';

/** A refusal or failure the background reported, with its kind (the message is the sentence to show). */
class BackgroundError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'BackgroundError';
  }
}

interface MessagingRuntime {
  sendMessage(message: unknown): Promise<unknown>;
}

/**
 * The extension's own runtime, without webextension-polyfill: this module is in the content
 * script, whose weight is budgeted, and sendMessage already returns a promise in Chrome MV3
 * (`chrome`) and in Firefox (`browser`).
 */
function runtime(): MessagingRuntime {
  const g = globalThis as { browser?: { runtime?: MessagingRuntime }; chrome?: { runtime?: MessagingRuntime } };
  const found = g.browser?.runtime ?? g.chrome?.runtime;
  if (!found) throw new Error(t('background.unreachable'));
  return found;
}

/** Send a request to the background; a background error rejects here with its message. */
export async function sendToBackground<R extends RelinkRequest>(request: R): Promise<ReplyFor<R['type']>> {
  const envelope = (await runtime().sendMessage(request)) as Envelope<ReplyFor<R['type']>> | undefined;
  if (!envelope) throw new Error(t('background.noAnswer'));
  if (!envelope.ok) throw new BackgroundError(envelope.kind, envelope.error);
  return envelope.value;
}
