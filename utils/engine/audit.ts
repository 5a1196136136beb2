/**
 * The audit log: every step is written before it runs and updated after, so a service worker
 * stopped mid-step leaves a "running" entry that the next start marks "interrupted".
 * Writes are serialised: the log is read-modify-written in one place only.
 */
import { z } from 'zod';
import { t, type MessageKey } from '../i18n';
import { toCsv } from './csv';

const AuditEntrySchema = z.object({
  id: z.string(),
  runId: z.string(),
  at: z.string(),
  finishedAt: z.string().nullable(),
  site: z.string(),
  accountId: z.string(),
  displayName: z.string(),
  action: z.string(),
  step: z.string(),
  call: z.string(),
  status: z.enum(['running', 'ok', 'failed', 'interrupted']),
  message: z.string().nullable(),
  /** Atlassian's own words when a step failed, beside Relink's sentence (entries from before it: null). */
  serverSaid: z.string().nullable().default(null),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export interface AuditStore {
  read(): Promise<unknown>;
  write(entries: AuditEntry[]): Promise<void>;
}

const AUDIT_CAP = 5000;

export class AuditLog {
  /** Changes waiting for the next read-modify-write, each with its caller. */
  private queue: {
    change: (entries: AuditEntry[]) => unknown;
    done: (error: Error | null, result?: unknown) => void;
  }[] = [];
  private draining = false;
  private counter = 0;

  constructor(
    private readonly store: AuditStore,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Applies `change` and resolves once it is written. The changes that arrive while one write is
   * under way go together into the next: a bulk job's users write their steps at once, and a log of
   * thousands of entries is read and written once for all of them, not once each.
   */
  private update<T>(change: (entries: AuditEntry[]) => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ change, done: (error, result) => (error ? reject(error) : resolve(result as T)) });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0);
        try {
          const entries = await this.entries();
          const results = batch.map(({ change }) => change(entries));
          await this.store.write(entries.slice(-AUDIT_CAP));
          batch.forEach(({ done }, i) => done(null, results[i]));
        } catch (error) {
          const failure = error instanceof Error ? error : new Error(String(error));
          for (const { done } of batch) done(failure);
        }
      }
    } finally {
      this.draining = false;
    }
  }

  async entries(): Promise<AuditEntry[]> {
    const parsed = z.array(AuditEntrySchema).safeParse(await this.store.read());
    return parsed.success ? parsed.data : [];
  }

  begin(entry: Omit<AuditEntry, 'id' | 'at' | 'finishedAt' | 'status' | 'message' | 'serverSaid'>): Promise<string> {
    const id = `${this.now().toString(36)}-${(++this.counter).toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
    return this.update((entries) => {
      entries.push({
        ...entry,
        id,
        at: new Date(this.now()).toISOString(),
        finishedAt: null,
        status: 'running',
        message: null,
        serverSaid: null,
      });
      return id;
    });
  }

  finish(id: string, status: 'ok' | 'failed', message: string | null, serverSaid: string | null = null): Promise<void> {
    return this.update((entries) => {
      const entry = entries.find((e) => e.id === id);
      if (entry) Object.assign(entry, { status, message, serverSaid, finishedAt: new Date(this.now()).toISOString() });
    });
  }

  /** At start-up: steps that were running when the worker stopped. */
  markInterrupted(): Promise<number> {
    return this.update((entries) => {
      let n = 0;
      for (const e of entries) {
        if (e.status !== 'running') continue;
        Object.assign(e, {
          status: 'interrupted',
          message: t('background.auditInterrupted'),
        });
        n++;
      }
      return n;
    });
  }
}

/** The columns of the audit CSV, each with its header in the admin's language; the values stay as recorded. */
const CSV_COLUMNS = [
  ['at', 'csv.startedAt'],
  ['finishedAt', 'csv.finishedAt'],
  ['site', 'csv.site'],
  ['accountId', 'csv.accountId'],
  ['displayName', 'csv.displayName'],
  ['action', 'csv.action'],
  ['step', 'csv.step'],
  ['status', 'csv.status'],
  ['message', 'csv.message'],
  ['serverSaid', 'csv.serverSaid'],
  ['call', 'csv.call'],
] as const satisfies readonly (readonly [keyof AuditEntry, MessageKey])[];

export function auditCsv(entries: AuditEntry[]): string {
  return toCsv(
    CSV_COLUMNS.map(([, header]) => t(header)),
    entries.map((e) => CSV_COLUMNS.map(([column]) => e[column])),
  );
}
