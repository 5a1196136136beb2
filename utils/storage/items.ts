/** Every value Relink keeps, defined once. `local:` only: nothing goes to sync storage. */
import { storage } from 'wxt/utils/storage';

export interface Settings {
  /** Site hosts the admin added or visited with Relink installed (`acme.atlassian.net`). */
  knownSites: string[];
}

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: { knownSites: [] },
  version: 1,
});

/**
 * How Relink authenticates. Secrets live here (local storage, background only) and are never
 * sent to a page: the options page gets `AuthPublic` back.
 */
export interface AuthSettings {
  mode: 'session' | 'api-token';
  email: string | null;
  apiToken: string | null;
  orgId: string | null;
  orgKey: string | null;
}

export interface AuthPublic {
  mode: AuthSettings['mode'];
  email: string | null;
  hasApiToken: boolean;
  orgId: string | null;
  hasOrgKey: boolean;
}

export const authItem = storage.defineItem<AuthSettings>('local:auth', {
  fallback: { mode: 'session', email: null, apiToken: null, orgId: null, orgKey: null },
  version: 1,
});

export function publicAuth(auth: AuthSettings): AuthPublic {
  return {
    mode: auth.mode,
    email: auth.email,
    hasApiToken: Boolean(auth.apiToken),
    orgId: auth.orgId,
    hasOrgKey: Boolean(auth.orgKey),
  };
}

/** Raw audit entries; AuditLog validates them when it reads. */
export const auditItem = storage.defineItem<unknown[]>('local:audit', { fallback: [] });
