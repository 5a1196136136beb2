import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { sendToBackground } from '@/utils/messaging/send';
import type { AuthCheckReply } from '@/utils/background/auth-check';
import type { AuthPublic } from '@/utils/domain/records';
import { messageOf } from '@/utils/error-message';
import { t } from '@/utils/i18n';

const API_ORIGIN = 'https://api.atlassian.com/*';
const yesNo = (v: boolean) => (v ? t('common.answerYes') : t('common.answerNo'));

function describeCheck(c: AuthCheckReply): string {
  return t('options.auth.signedIn', {
    name: c.displayName,
    site: c.site,
    mode: c.mode === 'session' ? t('options.auth.sessionMode') : t('options.auth.tokenMode'),
    siteAdmin: yesNo(c.siteAdmin),
    administerJira: yesNo(c.administerJira),
  });
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
        setMessage(t('options.auth.noApiAccess'));
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
      setMessage(t('common.saved'));
    } catch (e) {
      setMessage(messageOf(e));
    }
  };

  const check = async () => {
    const site = checkSite || sites[0];
    if (!site) {
      setMessage(t('options.auth.addSiteFirst'));
      return;
    }
    setMessage(t('options.auth.checking', { site }));
    try {
      setMessage(describeCheck(await sendToBackground({ type: 'auth/check', site })));
    } catch (e) {
      setMessage(messageOf(e));
    }
  };

  // The status is in the page before anything is said in it, so that screen readers announce each message.
  const status = (
    <p role="status" class="live" data-testid="auth-status">
      {message}
    </p>
  );
  if (!auth)
    return (
      <section aria-labelledby="auth-heading">
        <h2 id="auth-heading">{t('options.auth.heading')}</h2>
        <p aria-busy="true">{t('common.loading')}</p>
        {status}
      </section>
    );
  return (
    <section aria-labelledby="auth-heading">
      <h2 id="auth-heading">{t('options.auth.heading')}</h2>
      <form onSubmit={(event) => void save(event)}>
        <fieldset>
          <legend>{t('options.auth.modeLegend')}</legend>
          <label>
            <input type="radio" name="mode" checked={mode === 'session'} onChange={() => setMode('session')} />{' '}
            {t('options.auth.modeSession')}
          </label>
          <label>
            <input type="radio" name="mode" checked={mode === 'api-token'} onChange={() => setMode('api-token')} />{' '}
            {t('options.auth.modeToken')}
          </label>
        </fieldset>
        {mode === 'api-token' && (
          <fieldset>
            <legend>{t('options.auth.tokenLegend')}</legend>
            <label>
              {t('options.auth.email')}{' '}
              <input
                type="email"
                value={email}
                onInput={(e) => setEmail(e.currentTarget.value)}
                autoComplete="username"
              />
            </label>
            <label>
              {t('options.auth.token')}{' '}
              <input
                type="password"
                value={token}
                onInput={(e) => setToken(e.currentTarget.value)}
                placeholder={auth.hasApiToken ? t('options.auth.savedPlaceholder') : ''}
                autoComplete="off"
              />
            </label>
            <fieldset>
              <legend>{t('options.auth.tokenSitesLegend')}</legend>
              {sites.length === 0 && <p>{t('options.auth.addSitesBelow')}</p>}
              {sites.map((site) => (
                <label key={site}>
                  <input
                    type="checkbox"
                    checked={tokenSites.includes(site)}
                    onChange={(e) => toggleTokenSite(site, e.currentTarget.checked)}
                  />{' '}
                  <span translate={false}>{site}</span>
                </label>
              ))}
            </fieldset>
          </fieldset>
        )}
        <fieldset>
          <legend>{t('options.auth.orgLegend')}</legend>
          <label>
            {t('options.auth.orgId')} <input value={orgId} onInput={(e) => setOrgId(e.currentTarget.value)} />
          </label>
          <label>
            {t('options.auth.orgKey')}{' '}
            <input
              type="password"
              value={orgKey}
              onInput={(e) => setOrgKey(e.currentTarget.value)}
              placeholder={auth.hasOrgKey ? t('options.auth.savedPlaceholder') : ''}
              autoComplete="off"
            />
          </label>
        </fieldset>
        <button type="submit">{t('options.auth.save')}</button>
      </form>
      <p>
        <label>
          {t('options.auth.checkOn')}{' '}
          <select value={checkSite || sites[0] || ''} onChange={(e) => setCheckSite(e.currentTarget.value)}>
            {sites.map((s) => (
              <option key={s} value={s} translate={false}>
                {s}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="button" onClick={() => void check()}>
          {t('options.auth.check')}
        </button>
      </p>
      {status}
    </section>
  );
}
