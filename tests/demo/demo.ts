/**
 * `npm run demo`: the simulator with the demo scenario, and Chromium with Relink's production
 * build, signed in and on the admin user list. Headed where a display exists; otherwise it says
 * so, saves screenshots, and stops.
 */
import { launchWithExtension, screenshot, signIn } from '../support/chromium';
import { ensureAdminApp } from '../sim/admin-app/build';
import { startSimulator } from '../sim/server';

// The simulated admin pages are React and Atlassian's design-system packages, bundled once (built if stale).
await ensureAdminApp();
const sim = await startSimulator({ scenario: 'demo' });
const { world } = sim.state;
const admin = world.credentials[0]!;
const [site] = world.sites.values();
const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

console.log(
  `Simulator (scenario “demo”) on https://127.0.0.1:${sim.port}: ${[...world.sites.keys()].join(', ')}, admin.atlassian.com, api.atlassian.com`,
);
const browser = await launchWithExtension(sim, { headless: !headed });
const page = await browser.context.newPage();
await signIn(page, `https://${site!.host}`, '/admin/users', admin.email, admin.password);
await page.locator('tr[data-relink-row]').first().waitFor({ timeout: 30_000 });
const orgPage = await browser.context.newPage();
await signIn(orgPage, 'https://admin.atlassian.com', `/o/${world.org.orgId}/users`, admin.email, admin.password);
await orgPage.locator('tr[data-relink-row]').first().waitFor({ timeout: 30_000 });

if (headed) {
  console.log(
    `Chromium is open on https://${site!.host}/admin/users and the org user list, signed in as ${admin.email}. Ctrl-C to stop.`,
  );
  const stop = async () => {
    await browser.close();
    await sim.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
} else {
  const shots = [await screenshot(page, 'demo-site-users'), await screenshot(orgPage, 'demo-org-users')];
  console.log(`No display here, so Chromium ran headless. Screenshots of what it showed:\n  ${shots.join('\n  ')}`);
  await browser.close();
  await sim.close();
}
