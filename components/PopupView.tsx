import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { STATE_MESSAGES, type UserState } from '@/utils/engine/classify';
import { messageOf } from '@/utils/error-message';
import { around, formatNumber, formatSince, plural, SLOT, t } from '@/utils/i18n';
import { sendToBackground } from '@/utils/messaging/send';
import { onSiteEvents } from '@/utils/messaging/site-events';
import type { SiteStatus, StatusReply } from '@/utils/background/site-status';
import { adminUserListPage } from '@/utils/page/admin-pages';
import { checkPage, describeReport, parsePage, type PageFacts, type PageReport } from '@/utils/page/page-check';
import { sanitizeSkeleton } from '@/utils/page/skeleton';

/** The page check of the active tab: what Relink found there, and its sanitized skeleton on request. */
interface PageCheck {
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
  // Rescan reads every user afresh; a page load only checks the audit log for changes (utils/background/scans.ts).
  rescan: (site) => sendToBackground({ type: 'site/scan', site, full: true }),
  checkPage: async () => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined || !tab.url || !adminUserListPage(tab.url)) return null;
    const url = tab.url;
    const facts = await browser.tabs.sendMessage<unknown, PageFacts | undefined>(tab.id, { relink: 'inspect' });
    if (!facts?.html) throw new Error(t('popup.pageCheckNotStarted'));
    const { doc, shown } = parsePage(facts.html);
    const sites = facts.sites ?? [];
    // Which of the sites' hidden users the page lists itself: from the scans, not from the page.
    const scans = await Promise.all(
      sites.map((site) => sendToBackground({ type: 'site/get', site }).catch(() => null)),
    );
    const hidden = scans.flatMap((scan) => scan?.hidden.map((u) => u.accountId) ?? []);
    const report = checkPage(doc, url, { sites, shown, hidden });
    return { report, skeleton: () => sanitizeSkeleton(doc, url, report) };
  },
  copy: (text) => navigator.clipboard.writeText(text),
  watch: (onChange, signal) => {
    onSiteEvents(onChange, signal);
  },
};

function lastScan(iso: string, now = Date.now()): string {
  return now - Date.parse(iso) < 60_000
    ? t('popup.lastScanJustNow')
    : t('popup.lastScan', { when: formatSince(iso, now) });
}

const hiddenCount = (n: number | null) => (n === null ? t('popup.notScannedYet') : plural('popup.hiddenUsers', n));

function SiteCard({ site, onRescan }: { site: SiteStatus; onRescan: (host: string) => void }) {
  const running = site.scan?.status === 'running';
  const counts = site.counts;
  return (
    // Named by its heading; a host is a name, not words (translate="no": left alone by page translators).
    <section aria-labelledby={`site-${site.host}`} class="card">
      <h2 id={`site-${site.host}`} translate={false}>
        {site.host}
      </h2>
      <p class="big" data-testid="hidden-count">
        {hiddenCount(site.hiddenCount)}
      </p>
      {counts && (
        <ul aria-label={t('popup.usersByState')}>
          {(Object.keys(STATE_MESSAGES) as UserState[])
            .filter((s) => counts[s])
            .map((s) => (
              <li key={s}>
                {t('common.labelValue', { label: t(STATE_MESSAGES[s]), value: formatNumber(counts[s] ?? 0) })}
              </li>
            ))}
        </ul>
      )}
      {/* Always in the page, so that screen readers announce each change of the scan. */}
      <p role="status" class="subtle">
        {running
          ? site.scan?.detail
            ? t('popup.scanningDetail', { detail: site.scan.detail })
            : t('popup.scanning')
          : site.scan?.status === 'failed' || site.scan?.status === 'interrupted'
            ? site.scan.detail
            : site.lastScan
              ? lastScan(site.lastScan)
              : ''}
      </p>
      <p>
        {/* aria-disabled, not disabled: a disabled button would drop the keyboard focus while it scans. */}
        <button
          type="button"
          aria-disabled={running}
          onClick={() => {
            if (!running) onRescan(site.host);
          }}
        >
          {running ? t('popup.scanning') : site.lastScan ? t('popup.rescan') : t('popup.scanNow')}
        </button>{' '}
        <a href={`https://${site.host}/admin/users`} target="_blank" rel="noreferrer">
          {t('popup.openUserList')}
        </a>
      </p>
    </section>
  );
}

/** "acme.atlassian.net: 3 hidden users", the host a link to the site's user list. */
function OtherSite({ site }: { site: SiteStatus }) {
  const [before, after] = around(
    t('popup.otherSite', {
      site: SLOT,
      status: site.hiddenCount === null ? t('popup.notScanned') : plural('popup.hiddenUsers', site.hiddenCount),
    }),
  );
  return (
    <li>
      {before}
      <a href={`https://${site.host}/admin/users`} target="_blank" rel="noreferrer" translate={false}>
        {site.host}
      </a>
      {after}
    </li>
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
          setError(messageOf(e).includes('Receiving end') ? t('popup.pageCheckNotRunning') : messageOf(e)),
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
      <h2 id="page-check-heading">{t('popup.pageCheckHeading')}</h2>
      <p data-testid="page-check-sentence">{error ?? (check ? describeReport(check.report) : '')}</p>
      <p>
        <button type="button" onClick={() => void run()}>
          {t('popup.pageCheckAgain')}
        </button>{' '}
        {check && (
          <button type="button" onClick={copySkeleton}>
            {t('popup.copySkeleton')}
          </button>
        )}
      </p>
      {skeleton !== null && (
        <>
          <p class="subtle">{t('popup.skeletonCopied')}</p>
          <textarea readOnly aria-label={t('popup.skeletonLabel')} rows={4} value={skeleton} style="width:100%" />
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
      <h1>{t('extName')}</h1>
      <p role="alert" class="live">
        {error}
      </p>
      {access === false && (
        <section class="card" aria-labelledby="access-heading" data-testid="access">
          <h2 id="access-heading">{t('popup.accessHeading')}</h2>
          <p>{t('popup.accessBody')}</p>
          <button type="button" onClick={() => void askAccess()}>
            {t('popup.allowAccess')}
          </button>
        </section>
      )}
      {!status ? (
        <p aria-busy="true">{t('common.loading')}</p>
      ) : status.tabSites.length === 0 ? (
        <p data-testid="no-site">{t('popup.noSite')}</p>
      ) : (
        status.tabSites.map((s) => <SiteCard key={s.host} site={s} onRescan={rescan} />)
      )}
      <PageCheckCard deps={deps} />
      {status && status.otherSites.length > 0 && (
        <section aria-labelledby="others">
          <h2 id="others">{t('popup.otherSites')}</h2>
          <ul>
            {status.otherSites.map((s) => (
              <OtherSite key={s.host} site={s} />
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
