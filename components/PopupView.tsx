import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { STATE_LABELS, type UserState } from '@/utils/engine/classify';
import { messageOf } from '@/utils/error-message';
import { sendToBackground } from '@/utils/messaging/send';
import { onSiteEvents } from '@/utils/messaging/site-events';
import type { SiteStatus, StatusReply } from '@/utils/background/site-status';
import { adminUserListPage } from '@/utils/page/admin-pages';
import { checkPage, describeReport, parsePage, type PageFacts, type PageReport } from '@/utils/page/page-check';
import { sanitizeSkeleton } from '@/utils/page/skeleton';

/** The page check of the active tab: what Relink found there, and its sanitized skeleton on request. */
export interface PageCheck {
  report: PageReport;
  skeleton(): string;
}

export interface PopupDeps {
  loadStatus(): Promise<StatusReply>;
  /** Calls back whenever something about a site changed, until the signal aborts. */
  watch(onChange: () => void, signal: AbortSignal): void;
  rescan(site: string): Promise<unknown>;
  hasHostAccess(): Promise<boolean>;
  requestHostAccess(): Promise<boolean>;
  /** null when the active tab is not an admin user list; rejects when Relink is not running there. */
  checkPage(): Promise<PageCheck | null>;
  copy(text: string): Promise<void>;
}

/** Firefox lets users withhold host permissions an MV3 add-on asks for at install. */
const HOST_ACCESS = { origins: ['https://*.atlassian.net/*', 'https://admin.atlassian.com/*'] };

const defaultDeps: PopupDeps = {
  hasHostAccess: () => browser.permissions.contains(HOST_ACCESS),
  requestHostAccess: () => browser.permissions.request(HOST_ACCESS),
  loadStatus: async () => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return sendToBackground({ type: 'status/get', tabUrl: tab?.url });
  },
  rescan: (site) => sendToBackground({ type: 'site/scan', site }),
  checkPage: async () => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined || !tab.url || !adminUserListPage(tab.url)) return null;
    const url = tab.url;
    const facts = await browser.tabs.sendMessage<unknown, PageFacts | undefined>(tab.id, { relink: 'inspect' });
    if (!facts?.html) throw new Error('Relink has not started on this page yet.');
    const doc = parsePage(facts.html);
    const report = checkPage(doc, url, facts);
    return { report, skeleton: () => sanitizeSkeleton(doc, url, report) };
  },
  copy: (text) => navigator.clipboard.writeText(text),
  watch: (onChange, signal) => {
    onSiteEvents(onChange, signal);
  },
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function since(iso: string, now = Date.now()): string {
  const minutes = Math.round((now - Date.parse(iso)) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${plural(minutes, 'minute')} ago`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${plural(hours, 'hour')} ago` : `${plural(Math.round(hours / 24), 'day')} ago`;
}

function SiteCard({ site, onRescan }: { site: SiteStatus; onRescan: (host: string) => void }) {
  const running = site.scan?.status === 'running';
  const counts = site.counts;
  return (
    <section aria-label={site.host} class="card">
      <h2>{site.host}</h2>
      <p class="big" data-testid="hidden-count">
        {site.hiddenCount === null ? 'Not scanned yet' : plural(site.hiddenCount, 'hidden user')}
      </p>
      {counts && (
        <ul aria-label="Users by state">
          {(Object.keys(STATE_LABELS) as UserState[])
            .filter((s) => counts[s])
            .map((s) => (
              <li key={s}>
                {STATE_LABELS[s]}: {counts[s]}
              </li>
            ))}
        </ul>
      )}
      <p role="status" class="subtle">
        {running
          ? `Scanning… ${site.scan?.detail ?? ''}`
          : site.scan?.status === 'failed' || site.scan?.status === 'interrupted'
            ? site.scan.detail
            : site.lastScan
              ? `Last scan ${since(site.lastScan)}`
              : ''}
      </p>
      <p>
        <button type="button" disabled={running} onClick={() => onRescan(site.host)}>
          {running ? 'Scanning…' : site.lastScan ? 'Rescan' : 'Scan now'}
        </button>{' '}
        <a href={`https://${site.host}/admin/users`} target="_blank" rel="noreferrer">
          Open the user list
        </a>
      </p>
    </section>
  );
}

/** The active tab's admin page: what Relink found, or could not find, and a skeleton to attach to a report. */
function PageCheckCard({ deps }: { deps: PopupDeps }) {
  const [check, setCheck] = useState<PageCheck | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [skeleton, setSkeleton] = useState<string | null>(null);
  const run = useCallback(
    () =>
      deps.checkPage().then(
        (c) => {
          setCheck(c);
          setError(null);
        },
        (e: unknown) =>
          setError(
            messageOf(e).includes('Receiving end') ? 'Relink is not running on this tab: reload it.' : messageOf(e),
          ),
      ),
    [deps],
  );
  useEffect(() => {
    void run();
  }, [run]);
  if (check === null || (check === undefined && !error)) return null;
  const copySkeleton = () => {
    if (!check) return;
    const text = check.skeleton();
    setSkeleton(text);
    deps.copy(text).catch(() => undefined);
  };
  return (
    <section class="card" aria-labelledby="page-check-heading" data-testid="page-check">
      <h2 id="page-check-heading">This page</h2>
      <p data-testid="page-check-sentence">{error ?? (check ? describeReport(check.report) : '')}</p>
      <p>
        <button type="button" onClick={() => void run()}>
          Check again
        </button>{' '}
        {check && (
          <button type="button" onClick={copySkeleton}>
            Copy page skeleton
          </button>
        )}
      </p>
      {skeleton !== null && (
        <>
          <p class="subtle">
            Copied: the page’s structure with every name, email, id and free text replaced. Attach it to a bug report.
          </p>
          <textarea readOnly aria-label="Page skeleton" rows={4} value={skeleton} style="width:100%" />
        </>
      )}
    </section>
  );
}

export function PopupView({ deps = defaultDeps }: { deps?: PopupDeps }) {
  const [status, setStatus] = useState<StatusReply | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [access, setAccess] = useState<boolean | null>(null);
  const refresh = useCallback(() => deps.loadStatus().then(setStatus, (e: unknown) => setError(messageOf(e))), [deps]);
  useEffect(() => {
    void refresh();
    deps.hasHostAccess().then(setAccess, () => setAccess(true));
  }, [deps, refresh]);
  const askAccess = () =>
    deps.requestHostAccess().then(
      (granted) => {
        setAccess(granted);
        void refresh();
      },
      (e: unknown) => setError(messageOf(e)),
    );
  // Scans, bulk steps and reactivations are pushed by the background: the popup shows each as it happens.
  useEffect(() => {
    const watching = new AbortController();
    deps.watch(() => void refresh(), watching.signal);
    return () => watching.abort();
  }, [deps, refresh]);

  const rescan = (host: string) => {
    setError(null);
    deps.rescan(host).catch((e: unknown) => setError(messageOf(e)));
  };

  return (
    <main>
      <h1>Relink</h1>
      {error && <p role="alert">{error}</p>}
      {access === false && (
        <section class="card" aria-labelledby="access-heading" data-testid="access">
          <h2 id="access-heading">Relink needs access to your Atlassian sites</h2>
          <p>
            Without it, Relink cannot read your sites’ users or show the hidden ones on the admin pages. It only ever
            talks to *.atlassian.net and admin.atlassian.com.
          </p>
          <button type="button" onClick={() => void askAccess()}>
            Allow access to Atlassian sites
          </button>
        </section>
      )}
      {!status ? (
        <p aria-busy="true">Loading…</p>
      ) : status.tabSites.length === 0 ? (
        <p data-testid="no-site">Open a Jira Cloud site or its admin user list to see its hidden users.</p>
      ) : (
        status.tabSites.map((s) => <SiteCard key={s.host} site={s} onRescan={rescan} />)
      )}
      <PageCheckCard deps={deps} />
      {status && status.otherSites.length > 0 && (
        <section aria-labelledby="others">
          <h2 id="others">Other sites</h2>
          <ul>
            {status.otherSites.map((s) => (
              <li key={s.host}>
                <a href={`https://${s.host}/admin/users`} target="_blank" rel="noreferrer">
                  {s.host}
                </a>
                : {s.hiddenCount === null ? 'not scanned' : plural(s.hiddenCount, 'hidden user')}
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
