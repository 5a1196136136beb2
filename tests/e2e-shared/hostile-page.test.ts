/**
 * A hostile site against Relink, in Chromium and in Firefox: anyone can own evil.atlassian.net.
 * - Its admin page's scripts find Relink's controls in the page's table, but their clicks, events
 *   and submissions do nothing, and Relink's dialog is a closed shadow root: not one request.
 * - Its SharedWorker POSTs to the admin's site while Relink writes there: Relink's Origin rule
 *   (utils/background/xsrf-origin.ts) is for Relink's own requests, so the worker keeps its Origin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoggedRequest } from '../sim/http/state';
import { simRequest } from '../support/sim-http';
import { TINY, useSimulator } from '../support/with-sim';
import { chromiumUnderTest } from './chromium-driver';
import { until, type BrowserUnderTest, type PageUnderTest } from './driver';
import { firefoxUnderTest } from './firefox-driver';
import { driveRelinkFromThePage, probeOpenDialog } from './page-attack';

const EVIL = 'https://evil.atlassian.net';
const DIALOG = 'relink-dialog >>> dialog';
/** Reactivating Rae: the plan to confirm, or (where no record tells what she had) the products to choose. */
const STEP = `${DIALOG} >>> button[data-relink-confirm], input[aria-label="Jira Software"]`;
const rowOf = (name: string) => `tr[data-relink-row]:has(input[aria-label="Select ${name}"])`;
/** Long enough that a worker throttled to one request a second (a background tab) still sends during the write. */
const LATENCY_MS = 3000;

type Attacker = { worker?: SharedWorker; stop?: () => void };

describe.each([
  ['chromium', chromiumUnderTest],
  ['firefox', () => firefoxUnderTest()],
] as const)('a hostile site against Relink in %s', (_name, launch) => {
  // Firefox cannot remap ports: the simulator listens on 443 for both browsers.
  const sim = useSimulator('tiny', { port: 443 });
  let browser: BrowserUnderTest | undefined;
  let page: PageUnderTest;
  const membership = async (accountId: string) =>
    (
      (await simRequest(sim(), `${sim().controlUrl}/__sim/sites/tiny.atlassian.net/users/${accountId}`).then((r) =>
        r.json(),
      )) as { membership: { status: string } }
    ).membership.status;
  /** Waits until Relink's own loading is over, then gives the log from that point. */
  async function quietLog(): Promise<() => LoggedRequest[]> {
    let count = -1;
    while (count !== sim().state.requests.length) {
      count = sim().state.requests.length;
      await new Promise((r) => setTimeout(r, 1000));
    }
    return () => sim().state.requests.slice(count);
  }

  beforeAll(async () => {
    browser = await launch(sim());
    page = await browser.newPage();
    await page.goto(`${TINY.site}/login?continue=${encodeURIComponent('/admin/users')}`);
    await page.fill('input[name=email]', TINY.admin.email);
    await page.fill('input[name=password]', 'relink-demo');
    await page.click('#login-submit');
    await page.waitFor(rowOf('Rae Removed'), 20_000);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lets the page’s scripts drive none of Relink’s controls', async () => {
    const since = await quietLog();
    const report = await page.evaluate(driveRelinkFromThePage, { name: 'Rae Removed', product: 'Jira Software' });
    expect(report.reached).toEqual(['row: Reactivate button', 'row: checkbox']);
    expect(await page.count('relink-dialog')).toBe(0);
    expect(await page.count('button[data-relink-bulk]')).toBe(0);
    expect(since()).toEqual([]);
    expect(await membership(TINY.ids.rae)).toBe('removed');
  });

  it('shows the page nothing of a dialog the admin opened, and takes no orders from it', async () => {
    await page.click(`${rowOf('Rae Removed')} button[aria-label="Reactivate Rae Removed"]`);
    await page.waitFor(STEP);
    const shown = await page.text(DIALOG);
    const since = await quietLog();
    expect(await page.evaluate(probeOpenDialog, undefined)).toMatchObject({
      host: true,
      shadowRoot: 'null',
      relinkControlsInDocument: 0,
    });
    expect(await page.text(DIALOG)).toBe(shown);
    expect(since()).toEqual([]);
    await page.click(`${DIALOG} >>> button[type=button]:not([data-relink-confirm])`);
    await until(
      () => page.count('relink-dialog'),
      (n) => n === 0,
    );
  });

  it('lets a SharedWorker of another site keep its own Origin while Relink writes', async () => {
    const evil = await browser!.newPage();
    await evil.goto(`${EVIL}/wiki/spaces`);
    // The worker POSTs to the admin's site every 100 ms until told to stop.
    await evil.evaluate((target) => {
      const code = `onconnect = (e) => {
        const port = e.ports[0];
        let timer;
        port.onmessage = ({ data }) => {
          clearInterval(timer);
          let n = 0;
          if (data === 'start')
            timer = setInterval(() => void fetch('${target}' + n++, {
              method: 'POST', mode: 'no-cors', credentials: 'include', body: '{}',
            }).catch(() => undefined), 100);
        };
      };`;
      const w = window as unknown as Attacker;
      w.worker = new SharedWorker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
      w.worker.port.start();
      w.worker.port.postMessage('start');
      w.stop = () => w.worker!.port.postMessage('stop');
    }, `${TINY.site}/rest/api/3/user?relinkAttack=`);

    // The worker is running before Relink writes…
    await until(
      async () => sim().state.requests.filter((r) => r.query.startsWith('?relinkAttack=')).length,
      (n) => n >= 3,
      10_000,
    );
    // …and meanwhile the admin reactivates Rae, slowly: Relink's rule is in place for seconds.
    sim().state.setFaults({ latencyMs: LATENCY_MS });
    await page.click(`${rowOf('Rae Removed')} button[aria-label="Reactivate Rae Removed"]`);
    await page.waitFor(STEP);
    if ((await page.count(`${DIALOG} >>> button[type=submit]`)) > 0) {
      await page.check(`${DIALOG} >>> input[aria-label="Jira Software"]`);
      await page.click(`${DIALOG} >>> button[type=submit]`);
    }
    await page.click(`${DIALOG} >>> button[data-relink-confirm]`);
    await until(
      () => page.text(`${rowOf('Rae Removed')} [data-relink-status]`),
      (t) => /^Back on|^Not done|^Partly/.test(t ?? ''),
      30_000,
    );
    await evil.evaluate(() => (window as unknown as Attacker).stop!(), undefined);
    sim().state.setFaults({});
    await new Promise((r) => setTimeout(r, 2 * LATENCY_MS));

    const log = sim().state.requests;
    const write = log.find((r) => r.method === 'POST' && r.path === '/rest/api/3/user' && r.query === '');
    // Relink's own write passed the strict XSRF check as the site itself…
    expect(write).toMatchObject({ status: 201, origin: TINY.site });
    const attacks = log.filter((r) => r.query.startsWith('?relinkAttack='));
    // …while the worker's requests, some sent as Relink's write was being answered, kept their own Origin.
    const duringWrite = attacks.filter((r) => r.at > write!.at + 50 && r.at < write!.at + LATENCY_MS - 50);
    expect(duringWrite.length).toBeGreaterThan(0);
    expect(attacks.filter((r) => r.origin !== EVIL)).toEqual([]);
    expect(attacks.every((r) => r.status === 403)).toBe(true);
  });
});
