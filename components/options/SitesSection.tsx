import { useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '@/utils/messaging/send';
import { hiddenUsersCsv } from '@/utils/engine/csv';
import { download } from './download';
import { messageOf } from '@/utils/error-message';
import { t } from '@/utils/i18n';

const SITE_HOST = /^[a-z0-9][a-z0-9-]{0,62}\.atlassian\.net$/;

/** Turns what an admin types ("acme", "https://acme.atlassian.net/jira") into a site host, or null. */
export function siteHostFromInput(input: string): string | null {
  const trimmed = input.trim().toLowerCase();
  if (!trimmed) return null;
  const withScheme = trimmed.includes('://')
    ? trimmed
    : `https://${trimmed.includes('.') ? trimmed : `${trimmed}.atlassian.net`}`;
  try {
    const { hostname } = new URL(withScheme);
    return SITE_HOST.test(hostname) ? hostname : null;
  } catch {
    return null;
  }
}

export function SitesSection({ onSites }: { onSites?: (sites: string[]) => void }) {
  const [sites, setSites] = useState<string[] | null>(null);
  const [draft, setDraft] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  const show = setSites;
  useEffect(() => {
    if (sites) onSites?.(sites);
  }, [sites, onSites]);
  useEffect(() => {
    sendToBackground({ type: 'settings/get' }).then(
      (s) => setSites(s.knownSites),
      (e: unknown) => setMessage(messageOf(e)),
    );
  }, []);

  const save = async (next: string[]) => {
    try {
      show((await sendToBackground({ type: 'settings/set', settings: { knownSites: next } })).knownSites);
      setMessage(t('common.saved'));
    } catch (e) {
      setMessage(messageOf(e));
    }
  };
  const exportHidden = async (site: string) => {
    try {
      const scan = await sendToBackground({ type: 'site/get', site });
      if (!scan) {
        setMessage(t('options.sites.notScanned', { site }));
        return;
      }
      download(`relink-hidden-users-${site}.csv`, hiddenUsersCsv(site, scan.hidden));
    } catch (e) {
      setMessage(messageOf(e));
    }
  };
  const add = (event: Event) => {
    event.preventDefault();
    const host = siteHostFromInput(draft);
    if (!host) {
      setMessage(t('options.sites.notASite', { input: draft }));
      return;
    }
    setDraft('');
    void save([...(sites ?? []), host]);
  };

  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">{t('options.sites.heading')}</h2>
      {sites === null ? (
        <p aria-busy="true">{t('common.loading')}</p>
      ) : (
        <ul aria-label={t('options.sites.known')}>
          {sites.map((site) => (
            <li key={site}>
              <span translate={false}>{site}</span>{' '}
              <button
                type="button"
                onClick={() => void exportHidden(site)}
                aria-label={t('options.sites.exportLabel', { site })}
              >
                {t('options.sites.export')}
              </button>{' '}
              <button
                type="button"
                onClick={() => void save(sites.filter((s) => s !== site))}
                aria-label={t('options.sites.removeLabel', { site })}
              >
                {t('options.sites.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add}>
        <label>
          {t('options.sites.add')}{' '}
          <input
            value={draft}
            onInput={(e) => setDraft(e.currentTarget.value)}
            placeholder={t('options.sites.placeholder')}
          />
        </label>{' '}
        <button type="submit">{t('options.sites.addButton')}</button>
      </form>
      <p role="status" class="live" data-testid="sites-status">
        {message}
      </p>
    </section>
  );
}
