import { describe, expect, it } from 'vitest';
import { generateScenario } from './scenarios/generate';
import { GENERATED, scenarioData } from './scenarios/presets';
import { buildWorld, ScenarioError } from './world/build';
import type { World } from './world/world';

function countStates(world: World, host: string) {
  const site = world.sites.get(host)!;
  const counts = { active: 0, suspended: 0, deactivated: 0, hidden: 0, former: 0, app: 0, customer: 0 };
  for (const [id, m] of site.memberships) {
    const a = world.accounts.get(id)!;
    if (a.accountType !== 'atlassian') counts[a.accountType]++;
    else if (a.status === 'closed') counts.former++;
    else if (a.status === 'inactive') counts.deactivated++;
    else if (m.status === 'removed') counts.hidden++;
    else counts[m.status]++;
  }
  return counts;
}

describe('scenarios', () => {
  it('generates the same world from the same seed, and another from another seed', () => {
    const params = GENERATED.demo!;
    expect(generateScenario(params)).toEqual(generateScenario(params));
    expect(generateScenario({ ...params, seed: params.seed + 1 })).not.toEqual(generateScenario(params));
  });

  it('demo has a few hundred users and about a dozen removed-but-alive on its main site', () => {
    const counts = countStates(buildWorld(scenarioData('demo')), 'acme.atlassian.net');
    expect(counts.active).toBeGreaterThan(250);
    expect(counts.hidden).toBeGreaterThanOrEqual(8);
    expect(counts.hidden).toBeLessThanOrEqual(18);
    expect(counts.suspended).toBeGreaterThan(0);
    expect(counts.former + counts.app + counts.customer).toBeGreaterThan(0);
  });

  it('large has 50,000 users', () => {
    const world = buildWorld(scenarioData('large'));
    const people = [...world.accounts.values()].filter((a) => a.accountType === 'atlassian').length;
    expect(people).toBe(50_001); // 50,000 generated plus the admin
  });

  it('tiny has one user in every state', () => {
    expect(countStates(buildWorld(scenarioData('tiny')), 'tiny.atlassian.net')).toEqual({
      active: 3,
      suspended: 1,
      deactivated: 1,
      hidden: 2,
      former: 1,
      app: 1,
      customer: 1,
    });
  });

  it('refuses a scenario that references what it does not define, listing every problem', () => {
    const data = structuredClone(scenarioData('tiny')) as {
      sites: { groups: { members: string[] }[]; memberships: { accountId: string; status: string }[] }[];
      credentials: { siteAdminOf: string[] }[];
    };
    data.sites[0]!.groups[0]!.members.push('5b10ac8d82e05b22cc7d4e06'); // a removed user in a group
    data.sites[0]!.memberships.push({ accountId: 'nobody', status: 'active' });
    data.credentials[0]!.siteAdminOf.push('nosuchsite');
    const error = (() => {
      try {
        buildWorld(data);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ScenarioError);
    const { problems } = error as ScenarioError;
    expect(problems.some((p) => p.includes('removed user 5b10ac8d82e05b22cc7d4e06'))).toBe(true);
    expect(problems.some((p) => p.includes('unknown account nobody'))).toBe(true);
    expect(problems.some((p) => p.includes('unknown site nosuchsite'))).toBe(true);
  });

  it('refuses a malformed scenario with the path of each bad field', () => {
    expect(() => buildWorld({ name: 'broken', org: {}, accounts: 'none', sites: [], credentials: [] })).toThrow(
      /org\.orgId.*\n.*|accounts/s,
    );
  });

  it('says which scenarios exist when a name is unknown', () => {
    expect(() => scenarioData('nope')).toThrow(/use one of demo, large, tiny, hostile/);
  });
});
