import { useState } from 'preact/hooks';
import type { FieldCheck, FieldReport } from '@/utils/domain/field-report';
import { messageOf } from '@/utils/error-message';
import { sendToBackground } from '@/utils/messaging/send';

const OUTCOME: Record<FieldCheck['outcome'], string> = {
  'as-expected': 'as expected',
  differs: 'differs',
  tolerated: 'refused (Relink does without)',
  failed: 'failed',
};

const RATE_HEADERS = /^(retry-after|beta-|x-ratelimit-|x-beta-ratelimit-|ratelimit)/;

/** What came back, in a few lines: records, paging, rate-limit headers, and what Relink noticed. */
function cameBack(c: FieldCheck): string[] {
  const lines: string[] = [];
  if (c.records)
    lines.push(
      `${c.records.count} record${c.records.count === 1 ? '' : 's'}${c.records.rejected ? `, ${c.records.rejected} in a shape Relink cannot use` : ''}`,
    );
  const paging = Object.entries(c.paging);
  if (paging.length) lines.push(`paging: ${paging.map(([k, v]) => `${k} ${String(v)}`).join(', ')}`);
  const rate = Object.entries(c.headers).filter(([name]) => RATE_HEADERS.test(name));
  if (rate.length) lines.push(`headers: ${rate.map(([name, format]) => `${name} (${format})`).join(', ')}`);
  for (const refusal of c.refused)
    lines.push(
      `refused ${refusal.status}, then retried: ${Object.entries(refusal.headers)
        .filter(([name]) => RATE_HEADERS.test(name))
        .map(([name, format]) => `${name} (${format})`)
        .join(', ')}`,
    );
  lines.push(...c.shape.issues.slice(0, 3), ...c.unexpected);
  return lines;
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
      setMessage('Add a site first, then check it.');
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
      setMessage('Report copied. It names no one: attach it to an issue about this site.');
    } catch {
      setMessage('Relink could not copy the report: open it below, select it and copy it.');
    }
  };

  return (
    <section aria-labelledby="field-check-heading">
      <h2 id="field-check-heading">Field check</h2>
      <p>
        Reads what Relink depends on from a site — users, groups, products, your permissions, the audit log, and the org
        directory when an org key is set — and compares each answer with what Relink expects. It changes nothing. Its
        report names no one: share it when Relink misreads a site.
      </p>
      <p>
        <label>
          Site{' '}
          <select value={chosen} onChange={(e) => setSite(e.currentTarget.value)}>
            {sites.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="button" disabled={running} onClick={() => void check()}>
          Run field check
        </button>
      </p>
      {running && <p aria-busy="true">Checking {chosen}…</p>}
      {report && !running && (
        <>
          <table aria-label="Field check">
            <thead>
              <tr>
                <th scope="col">Check</th>
                <th scope="col">Request</th>
                <th scope="col">Status</th>
                <th scope="col">Result</th>
                <th scope="col" style={{ minWidth: '18rem' }}>
                  What came back
                </th>
              </tr>
            </thead>
            <tbody>
              {report.checks.map((c) => (
                <tr key={c.id} data-outcome={c.outcome}>
                  <td title={`Relink expects ${c.expected}`}>{c.id}</td>
                  <td>
                    <code style={{ wordBreak: 'break-all' }}>{c.request}</code>
                  </td>
                  <td>{c.status ?? '—'}</td>
                  <td>{OUTCOME[c.outcome]}</td>
                  <td>
                    <ul>
                      {cameBack(c).map((line, i) => (
                        <li key={i}>{line}</li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            <button type="button" onClick={() => void copy()}>
              Copy report
            </button>
          </p>
          <details>
            <summary>The report ({text.length.toLocaleString('en')} characters)</summary>
            <pre data-testid="field-report">{text}</pre>
          </details>
        </>
      )}
      {message && (
        <p role="status" data-testid="field-check-status">
          {message}
        </p>
      )}
    </section>
  );
}
