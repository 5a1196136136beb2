import type { HiddenUser } from '@/utils/domain/records';

/** One hidden user as the page shows them. */
export interface HiddenRow {
  key: string;
  site: string;
  user: HiddenUser;
  /** On org pages, rows from several sites: say which. */
  showSite: boolean;
}

export interface RowResult {
  kind: 'working' | 'done' | 'partly' | 'failed' | 'info';
  text: string;
  /** An address Atlassian will only take through its own invite: the row offers it, copied. */
  invite?: string;
}
