/**
 * The pushed side of the protocol: "something about this site changed". Listeners ask for what
 * they show; the port reconnects when the background's worker was stopped and started again.
 * No webextension-polyfill here: this module is in the content script, whose weight is budgeted.
 */
import { t } from '../i18n';

export const SITE_EVENTS_PORT = 'relink-site-events';

export interface SiteEvent {
  site: string;
  what: 'scan' | 'bulk' | 'user';
}

interface Port {
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
  disconnect(): void;
}

function connect(): Port {
  const g = globalThis as {
    browser?: { runtime?: { connect?(info: { name: string }): Port } };
    chrome?: { runtime?: { connect?(info: { name: string }): Port } };
  };
  const runtime = g.browser?.runtime?.connect ? g.browser.runtime : g.chrome?.runtime;
  if (!runtime?.connect) throw new Error(t('background.unreachable'));
  return runtime.connect({ name: SITE_EVENTS_PORT });
}

const isSiteEvent = (m: unknown): m is SiteEvent =>
  typeof m === 'object' && m !== null && typeof (m as SiteEvent).site === 'string';

/**
 * Calls `onEvent` for each site event until `signal` aborts. After a reconnect it is called with
 * `null`: events may have been missed, so listeners ask again for everything they show.
 */
export function onSiteEvents(onEvent: (event: SiteEvent | null) => void, signal: AbortSignal): void {
  let retryMs = 250;
  const open = () => {
    if (signal.aborted) return;
    const port = connect();
    port.onMessage.addListener((message) => {
      retryMs = 250;
      if (isSiteEvent(message)) onEvent(message);
    });
    port.onDisconnect.addListener(() => {
      if (signal.aborted) return;
      setTimeout(() => {
        open();
        onEvent(null);
      }, retryMs);
      retryMs = Math.min(retryMs * 2, 5000);
    });
    signal.addEventListener('abort', () => port.disconnect(), { once: true });
  };
  open();
}
