import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { PopupView } from '@/components/PopupView';
import { siteHostFromInput } from '@/components/OptionsView';
import type { StatusReply } from '@/utils/messaging/protocol';

let host: HTMLElement;
afterEach(() => {
  render(null, host);
  host.remove();
});

async function renderPopup(load: () => Promise<StatusReply>) {
  host = document.createElement('div');
  document.body.append(host);
  await act(async () => {
    render(<PopupView loadStatus={load} />, host);
  });
  await act(async () => {});
  return host;
}

describe('PopupView', () => {
  it('shows the site of the tab and the known sites, as text', async () => {
    const view = await renderPopup(async () => ({ siteHost: 'acme.atlassian.net', hiddenCount: null, knownSites: ['<img src=x onerror=alert(1)>.atlassian.net'] }));
    expect(view.querySelector('[data-testid=site-status]')!.textContent).toBe('acme.atlassian.net: not scanned yet');
    expect(view.querySelector('li')!.textContent).toBe('<img src=x onerror=alert(1)>.atlassian.net');
    expect(view.querySelector('img')).toBeNull();
  });

  it('shows the hidden-user count once known', async () => {
    const view = await renderPopup(async () => ({ siteHost: 'acme.atlassian.net', hiddenCount: 12, knownSites: [] }));
    expect(view.querySelector('[data-testid=site-status]')!.textContent).toBe('acme.atlassian.net: 12 hidden users');
  });

  it('says what went wrong when the background fails', async () => {
    const view = await renderPopup(async () => {
      throw new Error('Relink’s background did not answer. Reload the page and try again.');
    });
    expect(view.querySelector('[role=alert]')!.textContent).toBe('Relink’s background did not answer. Reload the page and try again.');
  });
});

describe('siteHostFromInput', () => {
  it.each([
    ['acme', 'acme.atlassian.net'],
    [' ACME.atlassian.net ', 'acme.atlassian.net'],
    ['https://acme.atlassian.net/jira/your-work', 'acme.atlassian.net'],
    ['acme.example.com', null],
    ['', null],
    ['https://', null],
  ])('%s → %s', (input, expected) => {
    expect(siteHostFromInput(input)).toBe(expected);
  });
});
