import { adminUserListPage, type AdminUserListPage } from '../page/admin-pages';

/** The parts of runtime.MessageSender that decide trust. */
export interface SenderFacts {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number };
}

export type TrustedSender =
  { kind: 'extension-page' } | { kind: 'content-script'; page: AdminUserListPage; tabId: number; url: string };

/**
 * Who sent a message, or null if nobody we trust did. Other extensions have another id;
 * page scripts cannot reach runtime messaging (no externally_connectable). A content script
 * counts only from the top frame of a tab that is on an admin user-list page right now.
 */
export function trustedSender(sender: SenderFacts, extensionId: string, extensionOrigin: string): TrustedSender | null {
  if (sender.id !== extensionId || !sender.url) return null;
  if (sender.url.startsWith(extensionOrigin)) return { kind: 'extension-page' };
  if (sender.tab?.id === undefined || sender.frameId !== 0) return null;
  const page = adminUserListPage(sender.url);
  return page ? { kind: 'content-script', page, tabId: sender.tab.id, url: sender.url } : null;
}
