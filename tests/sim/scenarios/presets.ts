/** Named scenarios: generated ones from parameters, hand-written ones from JSON files beside this module. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateScenario, type GenerateParams } from './generate';
import { hostileScenario } from './hostile';

const here = dirname(fileURLToPath(import.meta.url));

export const GENERATED: Record<string, GenerateParams> = {
  demo: {
    name: 'demo',
    seed: 20261127,
    sites: [
      { name: 'acme', users: 300 },
      { name: 'globex', users: 40, centralizedUserManagement: false, externalUserManagement: true },
    ],
    share: { removed: 0.04, suspended: 0.03, deactivated: 0.02, former: 0.01, hiddenEmail: 0.15 },
    appsPerSite: 4,
    customersPerSite: 6,
    teamGroups: 8,
    products: ['jira-software', 'jira-servicedesk'],
    seats: 400,
  },
  large: {
    name: 'large',
    seed: 50000,
    sites: [{ name: 'bigcorp', users: 50_000 }],
    share: { removed: 0.04, suspended: 0.03, deactivated: 0.02, former: 0.01, hiddenEmail: 0.2 },
    appsPerSite: 30,
    customersPerSite: 200,
    teamGroups: 40,
    products: ['jira-software', 'jira-servicedesk', 'jira-product-discovery'],
    seats: null,
  },
};

const HAND_WRITTEN = ['tiny'];
const BUILT: Record<string, () => unknown> = { hostile: hostileScenario };
const SCENARIO_NAMES = [...Object.keys(GENERATED), ...HAND_WRITTEN, ...Object.keys(BUILT)];

/** Scenario data by preset name or path to a JSON file. Validation happens in buildWorld. */
export function scenarioData(nameOrPath: string): unknown {
  const generated = GENERATED[nameOrPath];
  if (generated) return generateScenario(generated);
  const built = BUILT[nameOrPath];
  if (built) return built();
  const path = HAND_WRITTEN.includes(nameOrPath) ? join(here, `${nameOrPath}.json`) : nameOrPath;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new Error(
      `Unknown scenario “${nameOrPath}”: use one of ${SCENARIO_NAMES.join(', ')} or a path to a scenario JSON file.`,
    );
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`Scenario file ${path} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
}
