import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { FaultsInput } from '../sim/http/faults-schema';
import { startSimulator, type Simulator } from '../sim/server';
import { scenarioData } from '../sim/scenarios/presets';
import { buildWorld } from '../sim/world/build';

/**
 * A simulator for a test file. With `fresh: true` the world is rebuilt before each test,
 * so a test's writes never leak into the next one.
 */
export function useSimulator(
  scenario = 'tiny',
  options: { fresh?: boolean; faults?: FaultsInput; port?: number } = {},
): () => Simulator {
  let sim: Simulator | undefined;
  beforeAll(async () => {
    sim = await startSimulator({ scenario, faults: options.faults, port: options.port });
  });
  afterAll(async () => {
    await sim?.close();
  });
  if (options.fresh) {
    beforeEach(() => {
      sim!.state.world = buildWorld(scenarioData(scenario));
      sim!.state.setFaults(options.faults ?? {});
      sim!.state.sessions.clear();
      sim!.state.requests = [];
    });
  }
  return () => {
    if (!sim) throw new Error('The simulator has not started yet.');
    return sim;
  };
}

export const TINY = {
  site: 'https://tiny.atlassian.net',
  ext: 'https://tinyext.atlassian.net',
  api: 'https://api.atlassian.com',
  orgId: '0f1e2d3c-4b5a-4697-8877-665544332211',
  orgKey: 'sim-org-key-tiny-0123456789abcdef',
  admin: { email: 'admin@tiny.example.com', token: 'sim-api-token-tiny-admin', accountId: '5b10ac8d82e05b22cc7d4e01' },
  viewer: {
    email: 'viewer@tiny.example.com',
    token: 'sim-api-token-tiny-viewer',
    accountId: '5b10ac8d82e05b22cc7d4e02',
  },
  ids: {
    ann: '5b10ac8d82e05b22cc7d4e03',
    sue: '5b10ac8d82e05b22cc7d4e04',
    dee: '5b10ac8d82e05b22cc7d4e05',
    rae: '5b10ac8d82e05b22cc7d4e06',
    hal: '5b10ac8d82e05b22cc7d4e07',
    former: '5b10ac8d82e05b22cc7d4e08',
    eve: '5b10ac8d82e05b22cc7d4e09',
    app: '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077',
  },
  groups: {
    software: 'aaaaaaaa-0000-4000-8000-000000000001',
    alpha: 'aaaaaaaa-0000-4000-8000-000000000004',
    idp: 'aaaaaaaa-0000-4000-8000-000000000005',
    extSoftware: 'bbbbbbbb-0000-4000-8000-000000000001',
  },
} as const;
