/** Turns scenario data into a World, or refuses it whole with every problem listed. */
import { ScenarioSpec } from '../scenarios/schema';
import { World } from './world';

export class ScenarioError extends Error {
  constructor(
    readonly scenarioName: string,
    readonly problems: string[],
  ) {
    super(`Scenario “${scenarioName}” is invalid:\n- ${problems.join('\n- ')}`);
    this.name = 'ScenarioError';
  }
}

export function buildWorld(input: unknown): World {
  const parsed = ScenarioSpec.safeParse(input);
  const name = typeof input === 'object' && input && 'name' in input ? String(input.name) : '(unnamed)';
  if (!parsed.success) {
    throw new ScenarioError(
      name,
      parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  }
  const problems = referenceProblems(parsed.data);
  if (problems.length > 0) throw new ScenarioError(parsed.data.name, problems);
  return new World(parsed.data);
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}

function referenceProblems(spec: ScenarioSpec): string[] {
  const problems: string[] = [];
  const accountIds = new Set(spec.accounts.map((a) => a.accountId));
  for (const id of duplicates(spec.accounts.map((a) => a.accountId))) problems.push(`account ${id} is defined twice`);
  for (const n of duplicates(spec.sites.map((s) => s.name))) problems.push(`site ${n} is defined twice`);
  for (const c of duplicates(spec.sites.map((s) => s.cloudId))) problems.push(`cloudId ${c} is used by two sites`);

  for (const site of spec.sites) {
    const where = `site ${site.name}`;
    const members = new Map(site.memberships.map((m) => [m.accountId, m]));
    for (const id of duplicates(site.memberships.map((m) => m.accountId)))
      problems.push(`${where}: membership of ${id} is listed twice`);
    for (const m of site.memberships) {
      if (!accountIds.has(m.accountId)) problems.push(`${where}: membership names unknown account ${m.accountId}`);
      if (m.status === 'removed' && m.products.length > 0)
        problems.push(`${where}: removed user ${m.accountId} cannot keep products`);
    }
    for (const n of duplicates(site.groups.map((g) => g.name))) problems.push(`${where}: group ${n} is defined twice`);
    for (const g of site.groups) {
      for (const id of g.members) {
        const m = members.get(id);
        if (!m) problems.push(`${where}: group ${g.name} has member ${id} who has no membership on the site`);
        else if (m.status === 'removed')
          problems.push(`${where}: group ${g.name} has removed user ${id} (removal drops groups)`);
      }
    }
    for (const r of site.pastRemovals) {
      if (members.get(r.accountId)?.status !== 'removed')
        problems.push(`${where}: past removal of ${r.accountId}, who has no removed membership on the site`);
      if (r.by !== null && !accountIds.has(r.by)) problems.push(`${where}: past removal by unknown account ${r.by}`);
      for (const g of r.groups)
        if (!site.groups.some((x) => x.name === g)) problems.push(`${where}: past removal names unknown group ${g}`);
      for (const p of r.products)
        if (!site.products.some((x) => x.key === p)) problems.push(`${where}: past removal names product ${p}`);
    }
    for (const p of site.products) {
      for (const g of p.defaultGroups) {
        if (!site.groups.some((x) => x.name === g))
          problems.push(`${where}: product ${p.key} default group ${g} does not exist`);
      }
    }
  }
  const siteNames = new Set(spec.sites.map((s) => s.name));
  for (const c of spec.credentials) {
    if (!accountIds.has(c.accountId)) problems.push(`credential ${c.email} names unknown account ${c.accountId}`);
    for (const s of [...c.siteAdminOf, ...c.jiraAdminOf]) {
      if (!siteNames.has(s)) problems.push(`credential ${c.email} names unknown site ${s}`);
    }
  }
  return problems;
}
