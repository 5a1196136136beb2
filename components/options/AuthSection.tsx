import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { sendToBackground } from '@/utils/messaging/send';
import type { AuthCheckReply } from '@/utils/background/auth-check';
import type { AuthPublic } from '@/utils/domain/records';
import { messageOf } from '@/utils/error-message';

const API_ORIGIN = 'https://api.atlassian.com/*';
const yesNo = (v: boolean) => (v ? 'yes' : 'no');

function describeCheck(c: AuthCheckReply): string {
  return `Signed in as ${c.displayName} on ${c.site} (${c.mode === 'session' ? 'browser session' : 'API token'}) — site admin: ${yesNo(c.siteAdmin)}, Administer Jira: ${yesNo(c.administerJira)}.`;
}

export function AuthSection({ sites }: { sites: string[] }) {
  const [auth, setAuth] = useState<AuthPublic | null>(null);
  const [mode, setMode] = useState<'session' | 'api-token'>('session');
  const [email, setEmail] = useState('');
  const [token, setToken] = useState('');
  const [orgId, setOrgId] = useState('');
  const [orgKey, setOrgKey] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [checkSite, setCheckSite] = useState('');
  const [tokenSites, setTokenSites] = useState<string[]>([]);
  const toggleTokenSite = (site: string, on: boolean) =>
    setTokenSites((current) => (on ? [...new Set([...current, site])].sort() : current.filter((s) => s !== site)));

  const show = (a: AuthPublic) => {
    setAuth(a);
    setMode(a.mode);
    setEmail(a.email ?? '');
    setOrgId(a.orgId ?? '');
    setTokenSites(a.tokenSites);
  };
  useEffect(() => {
    sendToBackground({ type: 'auth/get' }).then(show, (e: unknown) => setMessage(messageOf(e)));
  }, []);

  const save = async (event: Event) => {
    event.preventDefault();
    try {
      // The org API host is optional: asked for only when a key is entered, on this click.
      if (orgKey && !(await browser.permissions.request({ origins: [API_ORIGIN] }))) {
        setMessage('Without access to api.atlassian.com the org API key cannot be used. Nothing was saved.');
        return;
      }
      const saved = await sendToBackground({
        type: 'auth/set',
        auth: {
          mode,
          email: email.trim() || null,
          apiToken: token ? token : undefined,
          tokenSites,
          orgId: orgId.trim() || null,
          orgKey: orgKey ? orgKey : undefined,
        },
      });
      setToken('');
      setOrgKey('');
      show(saved);
      setMessage('Saved.');
    } catch (e) {
      setMessage(messageOf(e));
    }
  };

  const check = async () => {
    const site = checkSite || sites[0];
    if (!site) {
      setMessage('Add a site first, then check.');
      return;
    }
    setMessage(`Checking ${site}…`);
    try {
      setMessage(describeCheck(await sendToBackground({ type: 'auth/check', site })));
    } catch (e) {
      setMessage(messageOf(e));
    }
  };

  if (!auth) return <p aria-busy="true">Loading…</p>;
  return (
    <section aria-labelledby="auth-heading">
      <h2 id="auth-heading">Sign-in</h2>
      <form onSubmit={(event) => void save(event)}>
        <fieldset>
          <legend>How Relink signs in to your sites</legend>
          <label>
            <input type="radio" name="mode" checked={mode === 'session'} onChange={() => setMode('session')} /> Your
            browser session (nothing stored)
          </label>
          <label>
            <input type="radio" name="mode" checked={mode === 'api-token'} onChange={() => setMode('api-token')} /> An
            API token
          </label>
        </fieldset>
        {mode === 'api-token' && (
          <fieldset>
            <legend>API token</legend>
            <label>
              Email{' '}
              <input
                type="email"
                value={email}
                onInput={(e) => setEmail(e.currentTarget.value)}
                autoComplete="username"
              />
            </label>
            <label>
              Token{' '}
              <input
                type="password"
                value={token}
                onInput={(e) => setToken(e.currentTarget.value)}
                placeholder={auth.hasApiToken ? 'saved — type to replace' : ''}
                autoComplete="off"
              />
            </label>
            <fieldset>
              <legend>Send the token only to these sites (others use your browser session)</legend>
              {sites.length === 0 && <p>Add your sites below first.</p>}
              {sites.map((site) => (
                <label key={site}>
                  <input
                    type="checkbox"
                    checked={tokenSites.includes(site)}
                    onChange={(e) => toggleTokenSite(site, e.currentTarget.checked)}
                  />{' '}
                  {site}
                </label>
              ))}
            </fieldset>
          </fieldset>
        )}
        <fieldset>
          <legend>Organization API key (optional)</legend>
          <label>
            Organization id <input value={orgId} onInput={(e) => setOrgId(e.currentTarget.value)} />
          </label>
          <label>
            API key{' '}
            <input
              type="password"
              value={orgKey}
              onInput={(e) => setOrgKey(e.currentTarget.value)}
              placeholder={auth.hasOrgKey ? 'saved — type to replace' : ''}
              autoComplete="off"
            />
          </label>
        </fieldset>
        <button type="submit">Save sign-in</button>
      </form>
      <p>
        <label>
          Check on{' '}
          <select value={checkSite || sites[0] || ''} onChange={(e) => setCheckSite(e.currentTarget.value)}>
            {sites.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="button" onClick={() => void check()}>
          Check sign-in
        </button>
      </p>
      {message && (
        <p role="status" data-testid="auth-status">
          {message}
        </p>
      )}
    </section>
  );
}
