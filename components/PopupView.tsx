import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { sendToBackground } from '@/utils/messaging/send';
import type { StatusReply } from '@/utils/messaging/protocol';

async function activeTabUrl(): Promise<string | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.url;
}

export function PopupView({ loadStatus = defaultLoadStatus }: { loadStatus?: () => Promise<StatusReply> }) {
  const [status, setStatus] = useState<StatusReply | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    loadStatus().then(setStatus, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [loadStatus]);

  if (error) return <p role="alert">{error}</p>;
  if (!status) return <p aria-busy="true">Loading…</p>;
  return (
    <main style={{ minWidth: '18rem', font: '14px/20px system-ui, sans-serif', padding: '8px' }}>
      <h1 style={{ fontSize: '16px', margin: '0 0 8px' }}>Relink</h1>
      {status.siteHost ? (
        <p data-testid="site-status">
          {status.siteHost}:{' '}
          {status.hiddenCount === null ? 'not scanned yet' : `${status.hiddenCount} hidden users`}
        </p>
      ) : (
        <p data-testid="site-status">Open a Jira Cloud site or its admin page to see its hidden users.</p>
      )}
      <h2 style={{ fontSize: '14px', margin: '8px 0 4px' }}>Known sites</h2>
      {status.knownSites.length === 0 ? (
        <p>None yet: visit a site’s admin page with Relink installed.</p>
      ) : (
        <ul>
          {status.knownSites.map((site) => (
            <li key={site}>{site}</li>
          ))}
        </ul>
      )}
    </main>
  );
}

async function defaultLoadStatus(): Promise<StatusReply> {
  return sendToBackground({ type: 'status/get', tabUrl: await activeTabUrl() });
}
