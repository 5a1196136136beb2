/**
 * Runs a plan step by step: each step is logged before it runs and after, its failure explained,
 * and the result read back. Outcome per user: done, partly done (what failed, what is left), or
 * not done. Ambiguous answers are read back before they conclude (docs/atlassian.md §6): a re-add
 * that answers 500 or never may have worked; a group add right after a re-add may meet a directory
 * that has not caught up; a read right after a write may show the state before it.
 */
import { messageOf } from '../error-message';
import { formatList, plural, t } from '../i18n';
import type { JiraClient } from '../atlassian/jira-client';
import type { OrgClient } from '../atlassian/org-client';
import { AtlassianError, isAtlassianError } from '../atlassian/errors';
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
  /** What the admin can do where Relink cannot: invite the address with Atlassian's own invite. */
  followUp?: { kind: 'invite'; email: string };
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
/** [assumed] How long reads lag writes: seconds, not minutes (no public figure). */
const LAG_WAITS_MS = [1000, 2000, 4000];
const LAG_SECONDS = LAG_WAITS_MS.reduce((a, b) => a + b, 0) / 1000;
const timer = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** An existing account Atlassian will not re-add through the API: the admin invites the address instead. */
class NeedsInvite extends Error {
  constructor(
    message: string,
    readonly email: string,
  ) {
    super(message);
    this.name = 'NeedsInvite';
  }
}

/** The same failure in other words: its kind and Atlassian's own words stay, for the audit log. */
function restated(error: unknown, message: string): Error {
  return isAtlassianError(error)
    ? new AtlassianError(error.kind, message, error.status, error.serverSaid)
    : new Error(message, { cause: error });
}

/** A write whose failure does not say whether it happened: a 500, no answer, a dropped connection. */
const ambiguous = (error: unknown) =>
  isAtlassianError(error) && (error.kind === 'server-error' || error.kind === 'timeout' || error.kind === 'offline');

/** A step whose failure means nothing after it can work. */
const blocking = (step: Step) =>
  step.kind === 'add-to-site' || step.kind === 'org-restore' || step.kind === 'enable-account';

export async function executePlan(plan: Extract<Plan, { kind: 'plan' }>, deps: ExecuteDeps): Promise<ActionResult> {
  const { subject } = plan;
  const results: StepResult[] = plan.steps.map((s) => ({ summary: s.summary, status: 'not-run', message: null }));
  let stopped = false;
  let followUp: ActionResult['followUp'];
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
      if (error instanceof NeedsInvite) followUp = { kind: 'invite', email: error.email };
      result = { summary: planned.summary, status: 'failed', message };
      seen.failed = true;
      if (blocking(planned.step)) stopped = true;
    }
    await deps.audit.finish(auditId, result.status === 'ok' ? 'ok' : 'failed', result.message, serverSaid);
    results[index] = result;
  }
  return {
    ...summarise(subject.accountId, subject.displayName, results),
    observed: seen.observed,
    ...(followUp ? { followUp } : {}),
  };
}

/** After an ambiguous re-add: true once a read shows the user back, reading again while it may lag. */
async function backOnSite(
  deps: ExecuteDeps,
  accountId: string,
  failure: unknown,
  who: string,
  sleep: (ms: number) => Promise<void>,
): Promise<boolean> {
  for (let attempt = 0; ; attempt++) {
    let active: boolean;
    try {
      active = (await deps.jira.user(accountId, ['groups'])).active;
    } catch (readError) {
      throw restated(
        failure,
        t('outcome.notReadBack', { error: messageOf(failure), name: who, readError: messageOf(readError) }),
      );
    }
    const lag = LAG_WAITS_MS[attempt];
    if (active || lag === undefined) return active;
    await sleep(lag);
  }
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
      try {
        await deps.jira.addUserToSite(step.email, step.products, t('doingFor.reAdd', { name: who }));
        return null;
      } catch (error) {
        if (isAtlassianError(error) && error.kind === 'account-exists')
          throw new NeedsInvite(
            t('outcome.needsInvite', { site: subject.site, email: step.email, name: who }),
            step.email,
          );
        if (!ambiguous(error)) throw error;
        // It may have worked (a re-add was reported to answer 500 yet succeed): read back before concluding.
        if (!(await backOnSite(deps, subject.accountId, error, who, sleep)))
          throw restated(
            error,
            t('outcome.stillNotOnSite', {
              error: messageOf(error),
              tries: LAG_WAITS_MS.length + 1,
              seconds: LAG_SECONDS,
              name: who,
              site: subject.site,
            }),
          );
        return t('outcome.wentOn', { site: subject.site, name: who });
      }
    case 'add-to-group':
      for (let attempt = 0; ; attempt++) {
        try {
          await deps.jira.addToGroup(
            step.group,
            subject.accountId,
            t('doingFor.addToGroup', { name: who, groupName: step.group.name }),
          );
          return attempt === 0 ? null : t('outcome.addedOnTry', { try: attempt + 1 });
        } catch (error) {
          if (isAtlassianError(error) && error.kind === 'already-member') return t('outcome.alreadyMember');
          // Just re-added, the user may not be in the site's directory yet.
          const lagging = reAdded && isAtlassianError(error) && error.kind === 'not-in-directory';
          const lag = LAG_WAITS_MS[attempt];
          if (lagging && lag !== undefined) {
            await sleep(lag);
            continue;
          }
          if (lagging)
            throw restated(
              error,
              t('outcome.directoryLag', {
                site: subject.site,
                name: who,
                tries: attempt + 1,
                seconds: LAG_SECONDS,
                groupName: step.group.name,
              }),
            );
          throw error;
        }
      }
    case 'remove-from-group':
      try {
        await deps.jira.removeFromGroup(
          step.group,
          subject.accountId,
          t('doingFor.removeFromGroup', { name: who, groupName: step.group.name }),
        );
        return null;
      } catch (error) {
        if (isAtlassianError(error) && error.kind === 'not-member') return t('outcome.notMember');
        throw error;
      }
    case 'org-restore':
    case 'enable-account': {
      if (!deps.org) throw new Error(t('outcome.needsOrgKey'));
      if (step.kind === 'org-restore' && step.orgId !== deps.org.orgId)
        throw new Error(t('outcome.otherOrg', { site: subject.site }));
      if (step.kind === 'org-restore') await deps.org.restore(subject.accountId, t('doingFor.restore', { name: who }));
      else await deps.org.enableAccount(subject.accountId, t('doingFor.enable', { name: who }));
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
          problems.push(t(step.active ? 'outcome.stillInactive' : 'outcome.stillActive'));
        const missing = step.inGroups.filter((g) => !isIn(g)).map((g) => g.name);
        const extra = step.notInGroups.filter(isIn).map((g) => g.name);
        if (missing.length) problems.push(t('outcome.notIn', { groupNames: formatList(missing) }));
        if (extra.length) problems.push(t('outcome.stillIn', { groupNames: formatList(extra) }));
        if (problems.length === 0)
          return plural('outcome.verified', groups.length, {
            active: t(user.active ? 'common.answerYes' : 'common.answerNo'),
          });
        // Every write worked: the read may lag them. Read again before calling it a failure.
        const lag = LAG_WAITS_MS[attempt];
        if (seen.failed || lag === undefined)
          throw new Error(t('outcome.readBack', { site: subject.site, problems: problems.join('; ') }));
        await sleep(lag);
      }
    }
  }
}

function summarise(accountId: string, who: string, steps: StepResult[]): Omit<ActionResult, 'observed'> {
  const failed = steps.filter((s) => s.status === 'failed');
  const notRun = steps.filter((s) => s.status === 'not-run');
  if (failed.length === 0 && notRun.length === 0)
    return { outcome: 'done', accountId, message: t('outcome.done', { name: who }), steps };
  const [first] = steps;
  if (first?.status === 'failed')
    return { outcome: 'not-done', accountId, message: t('outcome.notDone', { error: first.message ?? '' }), steps };
  const left = [...failed, ...notRun].map((s) => s.summary);
  return {
    outcome: 'partly-done',
    accountId,
    message: t('outcome.partly', { name: who, errors: failed.map((s) => s.message).join(' '), left: left.join('; ') }),
    steps,
  };
}
