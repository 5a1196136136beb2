/**
 * Warm-page latency in Chromium: with a cached scan, how long after the page's own user list
 * renders do Relink's rows appear? Measured in the page by a MutationObserver, over 20 loads; and
 * what each load costs: the requests Relink sent to the site's REST API for it (the simulator's
 * request log; the page's own list loads from the gateway API), once they stopped.
 */
import type { FaultsInput } from '../sim/http/faults-schema';
import type { ScenarioInput } from '../sim/scenarios/schema';
import { startSimulator } from '../sim/server';
import { buildWorld } from '../sim/world/build';
import { launchWithExtension, signIn } from '../support/chromium';

type Marks = { __marks?: { native?: number; relink?: number } };
type Ext = {
  chrome: { storage: { local: { get(k: string): Promise<Record<string, { status?: string } | undefined>> } } };
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return (sorted[Math.floor((sorted.length - 1) / 2)]! + sorted[Math.ceil((sorted.length - 1) / 2)]!) / 2;
}

export async function warmPageLatency(
  data: ScenarioInput,
  faults: FaultsInput,
  loads = 20,
): Promise<{ medianMs: number; samples: number[]; requestsMedian: number; requests: number[] }> {
  const sim = await startSimulator({ scenario: 'tiny' });
  sim.state.world = buildWorld(data);
  sim.state.setFaults(faults);
  const browser = await launchWithExtension(sim);
  try {
    const page = await browser.context.newPage();
    await page.addInitScript(() => {
      const marks: NonNullable<Marks['__marks']> = {};
      (window as Marks).__marks = marks;
      new MutationObserver(() => {
        marks.native ??= document.querySelector('table tbody:not([data-relink]) tr') ? performance.now() : undefined;
        marks.relink ??= document.querySelector('tbody[data-relink] tr[data-relink-row]')
          ? performance.now()
          : undefined;
      }).observe(document, { childList: true, subtree: true });
    });
    const admin = sim.state.world.credentials[0]!;
    const site = `https://${[...sim.state.world.sites.keys()][0]}`;
    await signIn(page, site, '/admin/users', admin.email, admin.password);
    const ext = await browser.context.newPage();
    await ext.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const scanSettled = async () => {
      for (let i = 0; i < 600; i++) {
        const state = await ext.evaluate(
          async (key) => (await (globalThis as unknown as Ext).chrome.storage.local.get(key))[key]?.status,
          `scan-state:${new URL(site).host}`,
        );
        if (state && state !== 'running') return;
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    const host = new URL(site).host;
    const relinkRequests = () =>
      sim.state.requests.filter((r) => r.host === host && (r.path.startsWith('/rest/') || r.path.startsWith('/_edge/')))
        .length;
    /** Relink's requests once none has come for a while (its check for changes runs after the rows show). */
    const quiet = async () => {
      let count = relinkRequests();
      for (let still = 0; still < 6;) {
        await new Promise((r) => setTimeout(r, 100));
        const now = relinkRequests();
        still = now === count ? still + 1 : 0;
        count = now;
      }
      return count;
    };
    /**
     * Both marks of the page now loading. Polled rather than waited for with a locator: a page with
     * thousands of Relink's rows can keep its main thread busy long after they show.
     */
    const shown = async (timeoutMs: number) => {
      for (const until = Date.now() + timeoutMs; ; await new Promise((r) => setTimeout(r, 50))) {
        const marks = await page.evaluate(() => (window as Marks).__marks).catch(() => undefined);
        if (marks?.native !== undefined && marks.relink !== undefined) return marks as Required<typeof marks>;
        if (Date.now() > until) throw new Error(`Relink's rows did not show within ${timeoutMs / 1000} s.`);
      }
    };
    await shown(300_000);
    await scanSettled();
    let before = await quiet();
    const samples: number[] = [];
    const requests: number[] = [];
    for (let i = 0; i < loads; i++) {
      await page.reload({ waitUntil: 'commit' });
      const marks = await shown(60_000);
      samples.push(marks.relink - marks.native);
      await scanSettled();
      const after = await quiet();
      requests.push(after - before);
      before = after;
    }
    return { medianMs: median(samples), samples, requestsMedian: median(requests), requests };
  } finally {
    await browser.close();
    await sim.close();
  }
}
