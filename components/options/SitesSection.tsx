import { useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '@/utils/messaging/send';
import { hiddenUsersCsv } from '@/utils/engine/csv';
import { download } from './download';
import { messageOf } from '@/utils/error-message';

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
      setMessage('Saved.');
    } catch (e) {
      setMessage(messageOf(e));
    }
  };
  const exportHidden = async (site: string) => {
    try {
      const scan = await sendToBackground({ type: 'site/get', site });
      if (!scan) {
        setMessage(`${site} has not been scanned yet: open its user list or scan it from the toolbar button.`);
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
      setMessage(`“${draft}” is not an Atlassian Cloud site. Use a name like acme.atlassian.net.`);
      return;
    }
    setDraft('');
    void save([...(sites ?? []), host]);
  };

  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">Sites</h2>
      {sites === null ? (
        <p aria-busy="true">Loading…</p>
      ) : (
        <ul aria-label="Known sites">
          {sites.map((site) => (
            <li key={site}>
              {site}{' '}
              <button
                type="button"
                onClick={() => void exportHidden(site)}
                aria-label={`Export hidden users of ${site} as CSV`}
              >
                Export hidden users (CSV)
              </button>{' '}
              <button
                type="button"
                onClick={() => void save(sites.filter((s) => s !== site))}
                aria-label={`Remove ${site}`}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add}>
        <label>
          Add a site{' '}
          <input value={draft} onInput={(e) => setDraft(e.currentTarget.value)} placeholder="acme.atlassian.net" />
        </label>{' '}
        <button type="submit">Add</button>
      </form>
      {message && <p role="status">{message}</p>}
    </section>
  );
}
