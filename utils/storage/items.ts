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
