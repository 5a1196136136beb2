/** `npm run sim -- [--scenario demo] [--port 8443]`: runs the simulator until interrupted. */
import { parseArgs } from 'node:util';
import { startSimulator } from './server';

const { values } = parseArgs({
  options: { scenario: { type: 'string', default: 'demo' }, port: { type: 'string', default: '8443' } },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, not “${values.port}”.`);
  process.exit(2);
}
try {
  const sim = await startSimulator({ scenario: values.scenario, port });
  const info = sim.state.world;
  console.log(`Atlassian Cloud simulator (scenario “${info.scenario.name}”) on https://127.0.0.1:${sim.port}`);
  console.log(`Sites: ${[...info.sites.keys()].join(', ')}; admin.atlassian.com; api.atlassian.com`);
  console.log(`Sign in as ${info.credentials[0]!.email} / ${info.credentials[0]!.password}`);
  console.log(
    `Chromium: --host-resolver-rules="MAP *.atlassian.net 127.0.0.1:${sim.port}, MAP admin.atlassian.com 127.0.0.1:${sim.port}, MAP api.atlassian.com 127.0.0.1:${sim.port}, MAP * ~NOTFOUND" --ignore-certificate-errors`,
  );
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
