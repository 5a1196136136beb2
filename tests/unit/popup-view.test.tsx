import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { PopupView, type PopupDeps } from '@/components/PopupView';
import type { SiteStatus, StatusReply } from '@/utils/background/site-status';

let host: HTMLElement;
afterEach(() => {
  render(null, host);
  host.remove();
});

/** What the background would push: every watcher the popup registered. */
let pushes: (() => void)[] = [];
const push = () => act(async () => pushes.forEach((onChange) => onChange()));

async function renderPopup(
  loadStatus: () => Promise<StatusReply>,
  rescan: (site: string) => Promise<unknown> = async () => undefined,
  access: Partial<PopupDeps> = {},
) {
  host = document.createElement('div');
  document.body.append(host);
  pushes = [];
  const watch = (onChange: () => void) => void pushes.push(onChange);
  await act(async () => {
    render(
      <PopupView
        deps={{
          loadStatus,
          rescan,
          watch,
          hasHostAccess: async () => true,
          requestHostAccess: async () => true,
          checkPage: async () => null,
          copy: async () => undefined,
          ...access,
        }}
      />,
      host,
    );
  });
  await act(async () => {});
  return host;
}

const site = (overrides: Partial<SiteStatus> = {}): SiteStatus => ({
  host: 'acme.atlassian.net',
  hiddenCount: null,
  counts: null,
  lastScan: null,
  scan: null,
  ...overrides,
});

describe('PopupView', () => {
  it('shows the tab’s site, its count by state and the last scan, and other sites as text', async () => {
    const view = await renderPopup(async () => ({
      tabSites: [
        site({
          hiddenCount: 12,
          counts: { active: 280, hidden: 12, suspended: 3 },
          lastScan: new Date(Date.now() - 5 * 60_000).toISOString(),
        }),
      ],
      otherSites: [site({ host: '<img src=x onerror=alert(1)>.atlassian.net' })],
    }));
    expect(view.querySelector('[data-testid=hidden-count]')!.textContent).toBe('12 hidden users');
    expect([...view.querySelectorAll('[aria-label="Users by state"] li')].map((li) => li.textContent)).toEqual([
      'Removed from site (account alive): 12',
      'Active: 280',
      'Suspended: 3',
    ]);
    expect(view.querySelector('[role=status]')!.textContent).toBe('Last scan 5 minutes ago');
    expect(view.querySelector('img')).toBeNull();
    expect(view.textContent).toContain('<img src=x onerror=alert(1)>.atlassian.net: not scanned');
  });

  it('offers a first scan, and shows progress as the background pushes it', async () => {
    let state: SiteStatus = site();
    const rescans: string[] = [];
    const view = await renderPopup(
      async () => ({ tabSites: [state], otherSites: [] }),
      async (s) => {
        rescans.push(s);
        state = site({ scan: { status: 'running', startedAt: new Date().toISOString(), detail: '2000 users listed' } });
      },
    );
    const button = view.querySelector('button')!;
    expect(button.textContent).toBe('Scan now');
    await act(async () => button.click());
    await act(async () => {});
    expect(rescans).toEqual(['acme.atlassian.net']);
    expect(view.querySelector('[role=status]')!.textContent).toBe('');
    await push();
    expect(view.querySelector('[role=status]')!.textContent).toBe('Scanning… 2000 users listed');
    // Still focusable while it scans (a disabled button would drop the keyboard focus), but it does nothing.
    expect(view.querySelector('button')!.getAttribute('aria-disabled')).toBe('true');
    await act(async () => view.querySelector('button')!.click());
    expect(rescans).toEqual(['acme.atlassian.net']);
  });

  it('says what went wrong when the background fails', async () => {
    const view = await renderPopup(async () => {
      throw new Error('Relink’s background did not answer. Reload the page and try again.');
    });
    expect(view.querySelector('[role=alert]')!.textContent).toBe(
      'Relink’s background did not answer. Reload the page and try again.',
    );
  });

  it('asks for host access the user withheld, and says why, instead of doing nothing', async () => {
    let granted = false;
    const asked: string[] = [];
    const view = await renderPopup(async () => ({ tabSites: [], otherSites: [] }), undefined, {
      hasHostAccess: async () => granted,
      requestHostAccess: async () => (asked.push('asked'), (granted = true)),
    });
    const card = view.querySelector('[data-testid=access]')!;
    expect(card.textContent).toContain('Relink needs access to your Atlassian sites');
    await act(async () => card.querySelector('button')!.click());
    await act(async () => {});
    expect(asked).toEqual(['asked']);
    expect(view.querySelector('[data-testid=access]')).toBeNull();
  });

  it('says where to go when the tab is not an Atlassian site', async () => {
    const view = await renderPopup(async () => ({ tabSites: [], otherSites: [] }));
    expect(view.querySelector('[data-testid=no-site]')).not.toBeNull();
  });
});
