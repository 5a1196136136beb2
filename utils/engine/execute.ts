/**
 * Runs a plan step by step: each step is logged before it runs and after, its failure explained,
 * and the result read back. Outcome per user: done, partly done (what failed, what is left), or
 * not done.
 */
import { messageOf } from '../error-message';
import type { JiraClient } from '../atlassian/jira-client';
import type { OrgClient } from '../atlassian/org-client';
import { isAtlassianError } from '../atlassian/errors';
import type { GroupRef } from '../atlassian/schemas';
import type { AuditLog } from './audit';
import type { Plan, PlannedStep, Step } from './plan';

type StepStatus = 'ok' | 'failed' | 'not-run';
interface StepResult {
  summary: string;
  status: StepStatus;
  message: string | null;
}
export interface ActionResult {
  outcome: 'done' | 'partly-done' | 'not-done';
  accountId: string;
  message: string;
  steps: StepResult[];
  /** What the read-back step saw, when it ran. */
  observed: { active: boolean; groups: GroupRef[] } | null;
}

export interface ExecuteDeps {
  jira: JiraClient;
  org: OrgClient | null;
  audit: AuditLog;
  runId: string;
  /** How to wait before reading again what a write changed (default: a timer). */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Reads may lag writes (docs/atlassian.md §8): a user just re-added may not be in the site's
 * directory yet, and a read-back may show the state before the write. Relink tries again after
 * these waits before it reports a failure.
 */
const LAG_WAITS_MS = [1000, 2000, 4000];
const timer = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A step whose failure means nothing after it can work. */
const blocking = (step: Step) =>
  step.kind === 'add-to-site' || step.kind === 'org-restore' || step.kind === 'enable-account';

export async function executePlan(plan: Extract<Plan, { kind: 'plan' }>, deps: ExecuteDeps): Promise<ActionResult> {
  const { subject } = plan;
  const results: StepResult[] = plan.steps.map((s) => ({ summary: s.summary, status: 'not-run', message: null }));
  let stopped = false;
  const seen: Seen = { observed: null, failed: false };

  for (const [index, planned] of plan.steps.entries()) {
    if (stopped) break;
    const auditId = await deps.audit.begin({
      runId: deps.runId,
      site: subject.site,
      accountId: subject.accountId,
      displayName: subject.displayName,
      action: plan.action,
      step: planned.summary,
      call: planned.call,
    });
    let result: StepResult;
    let serverSaid: string | null = null;
    try {
      const note = await runStep(planned, plan, deps, seen);
      result = { summary: planned.summary, status: 'ok', message: note };
    } catch (error) {
      const message = messageOf(error);
      if (isAtlassianError(error)) serverSaid = error.serverSaid;
      result = { summary: planned.summary, status: 'failed', message };
      seen.failed = true;
      if (blocking(planned.step)) stopped = true;
    }
    await deps.audit.finish(auditId, result.status === 'ok' ? 'ok' : 'failed', result.message, serverSaid);
    results[index] = result;
  }
  return { ...summarise(subject.accountId, subject.displayName, results), observed: seen.observed };
}

interface Seen {
  observed: ActionResult['observed'];
  /** A step before failed: a read-back that differs is that failure, not a lag. */
  failed: boolean;
}

async function runStep(
  planned: PlannedStep,
  plan: Extract<Plan, { kind: 'plan' }>,
  deps: ExecuteDeps,
  seen: Seen,
): Promise<string | null> {
  const { step } = planned;
  const { subject } = plan;
  const who = subject.displayName;
  const sleep = deps.sleep ?? timer;
  const reAdded = plan.steps.some((s) => s.step.kind === 'add-to-site');
  switch (step.kind) {
    case 'add-to-site':
      await deps.jira.addUserToSite(step.email, step.products, `re-add ${who}`);
      return null;
    case 'add-to-group':
      for (let attempt = 0; ; attempt++) {
        try {
          await deps.jira.addToGroup(step.group, subject.accountId, `add ${who} to ${step.group.name}`);
          return null;
        } catch (error) {
          if (isAtlassianError(error) && error.kind === 'already-member') return 'already a member';
          // Just re-added, the user may not be in the site's directory yet.
          const lag = LAG_WAITS_MS[attempt];
          if (reAdded && lag !== undefined && isAtlassianError(error) && error.kind === 'not-in-directory') {
            await sleep(lag);
            continue;
          }
          throw error;
        }
      }
    case 'remove-from-group':
      try {
        await deps.jira.removeFromGroup(step.group, subject.accountId, `remove ${who} from ${step.group.name}`);
        return null;
      } catch (error) {
        if (isAtlassianError(error) && error.kind === 'not-member') return 'was not a member';
        throw error;
      }
    case 'org-restore':
    case 'enable-account': {
      if (!deps.org) throw new Error('This step needs an org API key: add one in Relink’s options.');
      if (step.kind === 'org-restore' && step.orgId !== deps.org.orgId)
        throw new Error(`The org API key in Relink’s options is not for the organization that owns ${subject.site}.`);
      if (step.kind === 'org-restore') await deps.org.restore(subject.accountId, `restore ${who}`);
      else await deps.org.enableAccount(subject.accountId, `activate ${who}’s account`);
      return null;
    }
    case 'verify': {
      for (let attempt = 0; ; attempt++) {
        const user = await deps.jira.user(subject.accountId, ['groups']);
        const groups = user.groups?.items ?? [];
        seen.observed = { active: user.active, groups };
        // A group Atlassian gave without an id is matched by name (docs/atlassian.md §8).
        const isIn = (g: GroupRef) =>
          groups.some((h) => (h.groupId === null ? h.name === g.name : h.groupId === g.groupId));
        const problems: string[] = [];
        if (step.active !== null && user.active !== step.active)
          problems.push(step.active ? 'the user is still inactive' : 'the user is still active');
        const missing = step.inGroups.filter((g) => !isIn(g)).map((g) => g.name);
        const extra = step.notInGroups.filter(isIn).map((g) => g.name);
        if (missing.length) problems.push(`not in ${missing.join(', ')}`);
        if (extra.length) problems.push(`still in ${extra.join(', ')}`);
        if (problems.length === 0)
          return `active: ${user.active ? 'yes' : 'no'}; ${groups.length} group${groups.length === 1 ? '' : 's'}`;
        // Every write worked: the read may lag them. Read again before calling it a failure.
        const lag = LAG_WAITS_MS[attempt];
        if (seen.failed || lag === undefined)
          throw new Error(`Read back from ${subject.site}: ${problems.join('; ')}.`);
        await sleep(lag);
      }
    }
  }
}

function summarise(accountId: string, who: string, steps: StepResult[]): Omit<ActionResult, 'observed'> {
  const failed = steps.filter((s) => s.status === 'failed');
  const notRun = steps.filter((s) => s.status === 'not-run');
  if (failed.length === 0 && notRun.length === 0)
    return { outcome: 'done', accountId, message: `Done: ${who}.`, steps };
  const [first] = steps;
  if (first?.status === 'failed')
    return { outcome: 'not-done', accountId, message: `Not done: ${first.message}`, steps };
  const left = [...failed, ...notRun].map((s) => s.summary.charAt(0).toLowerCase() + s.summary.slice(1));
  return {
    outcome: 'partly-done',
    accountId,
    message: `Partly done for ${who}: ${failed.map((s) => s.message).join(' ')} Left to do: ${left.join('; ')}.`,
    steps,
  };
}
