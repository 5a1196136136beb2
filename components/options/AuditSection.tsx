import { useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '@/utils/messaging/send';
import type { AuditEntry } from '@/utils/engine/audit';
import { download } from './download';
import { messageOf } from '@/utils/error-message';

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
      <h2 id="audit-heading">Audit log</h2>
      <button type="button" onClick={() => void exportCsv()}>
        Export as CSV
      </button>
      {message && <p role="alert">{message}</p>}
      {entries === null ? null : entries.length === 0 ? (
        <p>Nothing yet: every step Relink takes is recorded here.</p>
      ) : (
        <table aria-label="Audit log">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Site</th>
              <th scope="col">User</th>
              <th scope="col">Step</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {entries
              .slice(-200)
              .reverse()
              .map((e) => (
                <tr key={e.id}>
                  <td>{new Date(e.at).toLocaleString()}</td>
                  <td>{e.site}</td>
                  <td>{e.displayName}</td>
                  <td>{e.step}</td>
                  <td>
                    {e.status}
                    {e.message ? ` — ${e.message}` : ''}
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
