import { describe, expect, it } from 'vitest';
import { trustedSender } from '@/utils/messaging/sender';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const ADMIN_PAGE = 'https://acme.atlassian.net/admin/users';

describe('trustedSender', () => {
  it('trusts Relink’s own pages', () => {
    expect(trustedSender({ id: ID, url: `${ORIGIN}popup.html` }, ID, ORIGIN)).toEqual({ kind: 'extension-page' });
    expect(trustedSender({ id: ID, url: `${ORIGIN}options.html`, tab: { id: 3 }, frameId: 0 }, ID, ORIGIN)).toEqual({
      kind: 'extension-page',
    });
  });

  it('trusts the content script only in the top frame of a tab on an admin user list', () => {
    expect(trustedSender({ id: ID, url: ADMIN_PAGE, tab: { id: 7 }, frameId: 0 }, ID, ORIGIN)).toEqual({
      kind: 'content-script',
      page: { kind: 'legacy', siteHost: 'acme.atlassian.net' },
      tabId: 7,
      url: ADMIN_PAGE,
    });
  });

  it.each([
    ['another extension', { id: 'someoneelse', url: `chrome-extension://someoneelse/page.html` }],
    ['a sender without id', { url: `${ORIGIN}popup.html` }],
    [
      'a content script on a non-admin page',
      { id: ID, url: 'https://acme.atlassian.net/jira/your-work', tab: { id: 1 }, frameId: 0 },
    ],
    ['a content script in a frame', { id: ID, url: ADMIN_PAGE, tab: { id: 1 }, frameId: 4 }],
    ['a content script without a tab', { id: ID, url: ADMIN_PAGE, frameId: 0 }],
    [
      'a look-alike extension origin',
      { id: ID, url: `chrome-extension://${ID}x/popup.html`, tab: { id: 1 }, frameId: 0 },
    ],
  ])('refuses %s', (_name, sender) => {
    expect(trustedSender(sender, ID, ORIGIN)).toBeNull();
  });
});
