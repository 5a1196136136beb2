import { useState } from 'preact/hooks';
import type { FieldCheck, FieldReport } from '@/utils/domain/field-report';
import { messageOf } from '@/utils/error-message';
import { formatList, plural, t, type MessageKey } from '@/utils/i18n';
import { sendToBackground } from '@/utils/messaging/send';

const OUTCOME: Record<FieldCheck['outcome'], MessageKey> = {
  'as-expected': 'options.fieldCheck.outcomeAsExpected',
  differs: 'options.fieldCheck.outcomeDiffers',
  tolerated: 'options.fieldCheck.outcomeTolerated',
  failed: 'options.fieldCheck.outcomeFailed',
};

const RATE_HEADERS = /^(retry-after|beta-|x-ratelimit-|x-beta-ratelimit-|ratelimit)/;

const rateHeaders = (headers: Record<string, string>) =>
  formatList(
    Object.entries(headers)
      .filter(([name]) => RATE_HEADERS.test(name))
      .map(([name, format]) => `${name} (${format})`),
  );

/**
 * What came back, in a few lines: records, paging, rate-limit headers, and what Relink noticed.
 * Field names, header formats and the report's own notes (`lang: 'en'`) stay as the report has
 * them: it is shared as it is.
 */
function cameBack(c: FieldCheck): { text: string; lang?: 'en' }[] {
  const lines: string[] = [];
  if (c.records) {
    const records = plural('options.fieldCheck.records', c.records.count);
    lines.push(
      c.records.rejected ? t('options.fieldCheck.recordsRejected', { records, rejected: c.records.rejected }) : records,
    );
  }
  const paging = Object.entries(c.paging);
  if (paging.length)
    lines.push(t('options.fieldCheck.paging', { list: formatList(paging.map(([k, v]) => `${k} ${String(v)}`)) }));
  if (Object.keys(c.headers).some((name) => RATE_HEADERS.test(name)))
    lines.push(t('options.fieldCheck.headers', { list: rateHeaders(c.headers) }));
  for (const refusal of c.refused)
    lines.push(t('options.fieldCheck.refused', { status: String(refusal.status), list: rateHeaders(refusal.headers) }));
  return [
    ...lines.map((text) => ({ text })),
    ...[...c.shape.issues.slice(0, 3), ...c.unexpected].map((text) => ({ text, lang: 'en' as const })),
  ];
}

/**
 * Options › Field check: runs the reads Relink depends on against a site (operation
 * `site/field-check`, which writes nothing) and shows each answer against what Relink expects.
 * "Copy report" copies the sanitized report, which names no one.
 */
export function FieldCheckSection({
  sites,
  run = (site) => sendToBackground({ type: 'site/field-check', site }),
}: {
  sites: string[];
  run?: (site: string) => Promise<FieldReport>;
}) {
  const [site, setSite] = useState('');
  const [report, setReport] = useState<FieldReport | null>(null);
  const [running, setRunning] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const chosen = site || sites[0] || '';
  const text = report ? JSON.stringify(report, null, 2) : '';

  const check = async () => {
    if (!chosen) {
      setMessage(t('options.fieldCheck.addSiteFirst'));
      return;
    }
    setRunning(true);
    setMessage(null);
    try {
      setReport(await run(chosen));
    } catch (e) {
      setMessage(messageOf(e));
    } finally {
      setRunning(false);
    }
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setMessage(t('options.fieldCheck.copied'));
    } catch {
      setMessage(t('options.fieldCheck.copyFailed'));
    }
  };

  return (
    <section aria-labelledby="field-check-heading">
      <h2 id="field-check-heading">{t('options.fieldCheck.heading')}</h2>
      <p>{t('options.fieldCheck.intro')}</p>
      <p>
        <label>
          {t('options.fieldCheck.site')}{' '}
          <select value={chosen} onChange={(e) => setSite(e.currentTarget.value)}>
            {sites.map((s) => (
              <option key={s} value={s} translate={false}>
                {s}
              </option>
            ))}
          </select>
        </label>{' '}
        {/* aria-disabled, not disabled: a disabled button would drop the keyboard focus while it runs. */}
        <button
          type="button"
          aria-disabled={running}
          onClick={() => {
            if (!running) void check();
          }}
        >
          {t('options.fieldCheck.run')}
        </button>
      </p>
      {running && <p aria-busy="true">{t('options.fieldCheck.checking', { site: chosen })}</p>}
      {report && !running && (
        <>
          <table aria-label={t('options.fieldCheck.table')}>
            <thead>
              <tr>
                <th scope="col">{t('options.fieldCheck.colCheck')}</th>
                <th scope="col">{t('options.fieldCheck.colRequest')}</th>
                <th scope="col">{t('options.fieldCheck.colStatus')}</th>
                <th scope="col">{t('options.fieldCheck.colResult')}</th>
                <th scope="col" style={{ minWidth: '18rem' }}>
                  {t('options.fieldCheck.colCameBack')}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.checks.map((c) => (
                <tr key={c.id} data-outcome={c.outcome}>
                  <td title={t('options.fieldCheck.expects', { expected: c.expected })} translate={false}>
                    {c.id}
                  </td>
                  <td>
                    <code style={{ wordBreak: 'break-all' }} translate={false}>
                      {c.request}
                    </code>
                  </td>
                  <td translate={false}>{c.status ?? '—'}</td>
                  <td>{t(OUTCOME[c.outcome])}</td>
                  <td>
                    <ul>
                      {cameBack(c).map((line, i) => (
                        <li key={i} lang={line.lang}>
                          {line.text}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            <button type="button" onClick={() => void copy()}>
              {t('options.fieldCheck.copy')}
            </button>
          </p>
          <details>
            <summary>{plural('options.fieldCheck.reportSize', text.length)}</summary>
            <pre data-testid="field-report" translate={false}>
              {text}
            </pre>
          </details>
        </>
      )}
      <p role="status" class="live" data-testid="field-check-status">
        {message}
      </p>
    </section>
  );
}
