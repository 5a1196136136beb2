/**
 * The simulator in a process of its own, for the org measurement: ten sites answering 500 requests
 * a second would otherwise share one thread with the client being measured, and the bench would
 * time the simulator. Started by bench.ts with fork(); talks over the IPC channel: it is sent the
 * sites to build and the faults, answers with its port, the credential and each site's ground
 * truth; then 'limiter' (its counters) and 'close'.
 */
import type { FaultsInput } from '../sim/http/faults-schema';
import { startSimulator } from '../sim/server';
import { buildWorld } from '../sim/world/build';
import { benchScenario, minimumRequests } from './truth';

export interface SimProcessStart {
  users: number;
  sites: number;
  faults: FaultsInput;
}

export interface SimProcessReady {
  port: number;
  email: string;
  token: string;
  sites: { host: string; minimum: number; hidden: string[] }[];
}

const send = (message: unknown) => process.send?.(message);

process.once('message', (start: SimProcessStart) => {
  void (async () => {
    const sim = await startSimulator({ scenario: 'tiny' });
    sim.state.world = buildWorld(benchScenario(start.users, start.sites));
    sim.state.setFaults(start.faults);
    const { world } = sim.state;
    const credential = world.credentials[0]!;
    const ready: SimProcessReady = {
      port: sim.port,
      email: credential.email,
      token: credential.apiToken!,
      sites: [...world.sites.values()].map((site) => {
        const truth = minimumRequests(world, site);
        return { host: site.host, minimum: truth.minimum, hidden: truth.hidden };
      }),
    };
    send(ready);
    process.on('message', (message: 'limiter' | 'close') => {
      if (message === 'limiter')
        send({ earlyRetries: sim.state.limiter?.earlyRetries ?? 0, rejected: sim.state.limiter?.rejected ?? 0 });
      else void sim.close().then(() => process.exit(0));
    });
  })();
});
