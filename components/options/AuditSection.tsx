import { useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '@/utils/messaging/send';
import type { AuditEntry } from '@/utils/engine/audit';
import { download } from './download';
import { messageOf } from '@/utils/error-message';
import { formatDateTime, t, type MessageKey } from '@/utils/i18n';

const STATUS: Record<AuditEntry['status'], MessageKey> = {
  running: 'options.audit.statusRunning',
  ok: 'options.audit.statusOk',
  failed: 'options.audit.statusFailed',
  interrupted: 'options.audit.statusInterrupted',
};

function result(e: AuditEntry): string {
  const status = t(STATUS[e.status]);
  return e.message ? t('options.audit.resultWithMessage', { status, message: e.message }) : status;
}

export function AuditSection() {
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    sendToBackground({ type: 'audit/get' }).then(setEntries, (e: unknown) => setMessage(messageOf(e)));
  }, []);
  const exportCsv = async () => {
    try {
      download('relink-audit-log.csv', await sendToBackground({ type: 'audit/csv' }));
    } catch (e) {
      setMessage(messageOf(e));
    }
  };
  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading">{t('options.audit.heading')}</h2>
      <button type="button" onClick={() => void exportCsv()}>
        {t('options.audit.export')}
      </button>
      <p role="alert" class="live">
        {message}
      </p>
      {entries === null ? null : entries.length === 0 ? (
        <p>{t('options.audit.empty')}</p>
      ) : (
        <table aria-label={t('options.audit.table')}>
          <thead>
            <tr>
              <th scope="col">{t('options.audit.colWhen')}</th>
              <th scope="col">{t('options.audit.colSite')}</th>
              <th scope="col">{t('options.audit.colUser')}</th>
              <th scope="col">{t('options.audit.colStep')}</th>
              <th scope="col">{t('options.audit.colResult')}</th>
            </tr>
          </thead>
          <tbody>
            {entries
              .slice(-200)
              .reverse()
              .map((e) => (
                <tr key={e.id}>
                  <td>{formatDateTime(e.at)}</td>
                  <td translate={false}>{e.site}</td>
                  <td translate={false}>{e.displayName}</td>
                  <td>{e.step}</td>
                  <td>{result(e)}</td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
