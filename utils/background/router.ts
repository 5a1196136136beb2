/** The background's one entry point for requests: validate, authorize by the operation's policy, run, wrap. */
import { isAtlassianError } from '../atlassian/errors';
import { messageOf } from '../error-message';
import { t } from '../i18n';
import type { Envelope, ErrorKind } from '../messaging/protocol';
import type { TrustedSender } from '../messaging/sender';
import { operations } from './ops';
import type { Operation } from './ops/define';
import { sitesForPage } from './page-sites';

const refuse = (kind: ErrorKind, error: string): Envelope<never> => ({ ok: false, kind, error });

function operationFor(type: unknown): Operation<unknown, unknown> | null {
  if (typeof type !== 'string' || !Object.hasOwn(operations, type)) return null;
  return operations[type as keyof typeof operations];
}

export async function route(raw: unknown, sender: TrustedSender): Promise<Envelope<unknown>> {
  if (typeof raw !== 'object' || raw === null) return refuse('malformed-request', t('background.malformedRequest'));
  const { type, ...rest } = raw as Record<string, unknown>;
  const operation = operationFor(type);
  const parsed = operation?.input.safeParse(rest);
  if (!operation || !parsed?.success) return refuse('malformed-request', t('background.malformedRequest'));
  const input = parsed.data;

  if (sender.kind === 'content-script') {
    if (operation.policy === 'extension-pages') return refuse('forbidden', t('background.notFromPage'));
    const site = (input as { site?: unknown }).site;
    if (typeof site === 'string' && !(await sitesForPage(sender.page)).includes(site))
      return refuse('forbidden', t('background.notAboutSite', { site }));
  } else if (operation.policy === 'content-script') {
    return refuse('forbidden', t('background.adminPageOnly'));
  }

  try {
    return { ok: true, value: await operation.run(input, sender) };
  } catch (error) {
    return refuse(isAtlassianError(error) ? error.kind : 'failed', messageOf(error));
  }
}
