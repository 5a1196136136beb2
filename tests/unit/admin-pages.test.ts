import { describe, expect, it } from 'vitest';
import { adminUserListPage, siteHostOf } from '@/utils/page/admin-pages';

describe('adminUserListPage', () => {
  it.each([
    [
      'https://admin.atlassian.com/o/0f1e2d3c-4b5a-4697-8877-665544332211/users',
      { kind: 'org', orgId: '0f1e2d3c-4b5a-4697-8877-665544332211' },
    ],
    [
      'https://admin.atlassian.com/o/0f1e2d3c-4b5a-4697-8877-665544332211/users?status=active#top',
      { kind: 'org', orgId: '0f1e2d3c-4b5a-4697-8877-665544332211' },
    ],
    [
      'https://admin.atlassian.com/s/11111111-2222-4333-8444-555555555555/users/',
      { kind: 'site-admin', cloudId: '11111111-2222-4333-8444-555555555555' },
    ],
    ['https://acme.atlassian.net/admin/users', { kind: 'legacy', siteHost: 'acme.atlassian.net' }],
    ['https://acme-eu.atlassian.net/admin/users?page=2', { kind: 'legacy', siteHost: 'acme-eu.atlassian.net' }],
  ])('recognises %s', (url, expected) => {
    expect(adminUserListPage(url)).toEqual(expected);
  });

  it.each([
    'https://admin.atlassian.com/o/0f1e2d3c/overview',
    'https://admin.atlassian.com/o/0f1e2d3c/users/5b10ac8d82e05b22cc7d4ef5',
    'https://admin.atlassian.com/x/0f1e2d3c/users',
    'https://admin.atlassian.com/users',
    'https://acme.atlassian.net/admin/groups',
    'https://acme.atlassian.net/jira/your-work',
    'https://acme.atlassian.net/wiki/admin/users',
    'http://acme.atlassian.net/admin/users',
    'https://acme.atlassian.net:8443/admin/users',
    'https://evil.example.com/admin/users',
    'https://acme.atlassian.net.evil.example.com/admin/users',
    'https://admin.atlassian.com.evil.example.com/o/x/users',
    'not a url',
  ])('ignores %s', (url) => {
    expect(adminUserListPage(url)).toBeNull();
  });
});

describe('siteHostOf', () => {
  it('names the site of a Jira URL and nothing else', () => {
    expect(siteHostOf('https://acme.atlassian.net/jira/your-work')).toBe('acme.atlassian.net');
    expect(siteHostOf('https://admin.atlassian.com/o/x/users')).toBeNull();
    expect(siteHostOf('https://acme.atlassian.net.example.com/')).toBeNull();
    expect(siteHostOf('chrome://extensions')).toBeNull();
  });
});
