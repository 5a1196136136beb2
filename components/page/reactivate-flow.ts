/**
 * One click on Reactivate: the plan as a dry run — the products and groups the user had,
 * preselected, each with its source, changeable (a change re-plans) — asking only for what no
 * source gives (a hidden email, products nobody recorded); then, on confirm, the run, with progress
 * and the result in the row.
 */
import { plural, t } from '@/utils/i18n';
import { sendToBackground } from '@/utils/messaging/send';
import type { ActionResult } from '@/utils/engine/execute';
import type { Plan } from '@/utils/engine/plan';
import { openDialog } from './dialog';
import { button, css, el, on } from './dom';
import { messageOf } from '@/utils/error-message';
import type { HiddenRow, RowResult } from './hidden-model';

interface Changes {
  email?: string;
  products?: string[];
  adminGroups?: string[];
  skipGroups?: string[];
}
type Choice = { go: false } | ({ go: true; confirmed: boolean } & Changes);

function showPlan(plan: Plan, row: HiddenRow, opener: HTMLElement, changed: boolean): Promise<Choice> {
  const who = plan.subject.displayName;
  const dialog = openDialog(t('row.reactivateName', { name: who }), opener);
  return new Promise<Choice>((resolve) => {
    const finish = (choice: Choice) => {
      resolve(choice);
      dialog.close();
    };
    void dialog.closed.then(() => resolve({ go: false }));
    const cancel = button(t('dialog.cancel'), () => finish({ go: false }));
    if (plan.kind === 'refused') {
      dialog.body.append(
        el('p', { role: 'alert' }, [plan.reason]),
        button(t('dialog.close'), () => finish({ go: false }), {}, true),
      );
      return;
    }
    if (plan.kind === 'needs-input') {
      const form = el('form', { style: 'display:flex;flex-direction:column;gap:8px' }, [el('p', {}, [plan.message])]);
      if (plan.missing === 'email') {
        const input = el('input', {
          type: 'email',
          required: true,
          autocomplete: 'off',
          'aria-label': t('dialog.emailOf', { name: who }),
          style: 'font:inherit;padding:4px',
        });
        form.append(el('label', {}, [`${t('dialog.email')} `, input]));
        on(form, 'submit', (e) => {
          e.preventDefault();
          finish({ go: true, email: input.value.trim(), confirmed: false });
        });
        queueMicrotask(() => input.focus());
      } else {
        const boxes = (plan.products ?? []).map((p) => ({
          product: p,
          box: el('input', { type: 'checkbox', value: p.key, 'aria-label': p.name, translate: 'no' }),
        }));
        form.append(
          el('fieldset', {}, [
            el('legend', {}, [t('dialog.products')]),
            ...boxes.map(({ product, box }) =>
              el('label', { style: 'display:block' }, [box, ' ', el('span', { translate: 'no' }, [product.name])]),
            ),
          ]),
        );
        on(form, 'submit', (e) => {
          e.preventDefault();
          const products = boxes.filter(({ box }) => box.checked).map(({ box }) => box.value);
          if (products.length > 0) finish({ go: true, products, confirmed: false });
        });
      }
      form.append(
        ...notes(plan.choices?.notes ?? []),
        el('div', {}, [el('button', { type: 'submit', style: css.primary }, [t('dialog.continue')]), cancel]),
      );
      dialog.body.append(form);
      return;
    }
    if (changed) dialog.body.append(el('p', { role: 'alert' }, [t('dialog.changed')]));
    const removal = row.user.removal;
    dialog.body.append(
      removal
        ? el('p', {}, [
            removedBy(removal.by, removal.via),
            el('span', { style: css.subtle }, [` — ${removal.source.label}`]),
          ])
        : '',
      ...choicesSection(plan, (changes) => finish({ go: true, confirmed: false, ...changes })),
      el('p', {}, [t('dialog.calls', { site: plan.subject.site })]),
      el(
        'ol',
        {},
        plan.steps.map((s) =>
          el('li', {}, [s.summary, el('br'), el('code', { style: css.subtle, translate: 'no' }, [s.call])]),
        ),
      ),
      ...notes(plan.notes),
      el('div', {}, [
        button(t('row.reactivate'), () => finish({ go: true, confirmed: true }), { 'data-relink-confirm': '' }, true),
        cancel,
      ]),
    );
  });
}

const notes = (lines: string[]) => lines.map((n) => el('p', { style: css.subtle }, [n]));

/** "Removed by Jira Automation (REST API)": who and how, as the records name them. */
const removedBy = (by: string | null | undefined, via: string | null | undefined) =>
  by && via
    ? t('dialog.removedByVia', { by, via })
    : by
      ? t('dialog.removedBy', { by })
      : via
        ? t('dialog.removedVia', { via })
        : t('dialog.removed');

/** A choice with where it comes from: "team-alpha — Jira audit log, Mar 4, 2026". */
const choice = (box: HTMLInputElement, name: string, source: { label: string } | null) =>
  el('label', { style: 'display:block' }, [
    box,
    ' ',
    el('span', { translate: 'no' }, [name]),
    source ? el('span', { style: css.subtle }, [` — ${source.label}`]) : '',
  ]);

/**
 * The products and groups a reactivation gives, preselected with their sources; any change re-plans.
 * Groups that grant admin rights are given back only when ticked.
 */
function choicesSection(plan: Extract<Plan, { kind: 'plan' }>, replan: (changes: Changes) => void): HTMLElement[] {
  const choices = plan.choices;
  if (!choices) return [];
  const products = choices.products.map((p) => ({
    p,
    box: el('input', { type: 'checkbox', checked: p.chosen, 'aria-label': p.name, translate: 'no' }),
  }));
  const groups = choices.groups.map((g) => ({
    g,
    box: el('input', {
      type: 'checkbox',
      checked: g.given,
      'aria-label': t(g.admin ? 'dialog.alsoGiveBack' : 'dialog.giveBack', { groupName: g.name }),
    }),
  }));
  const changed = () =>
    replan({
      products: products.filter(({ box }) => box.checked).map(({ p }) => p.key),
      adminGroups: groups.filter(({ g, box }) => g.admin && box.checked).map(({ g }) => g.groupId),
      skipGroups: groups.filter(({ g, box }) => !g.admin && !box.checked).map(({ g }) => g.groupId),
    });
  for (const { box } of [...products, ...groups]) on(box, 'change', changed);
  const fieldset = (legend: string, lines: HTMLElement[]) =>
    lines.length ? el('fieldset', {}, [el('legend', {}, [legend]), ...lines]) : '';
  const admin = groups.filter(({ g }) => g.admin);
  return [
    el('div', {}, [
      fieldset(
        t('dialog.products'),
        products.map(({ p, box }) => choice(box, p.name, p.source)),
      ),
      groups.length > admin.length
        ? fieldset(
            t('dialog.groupsGiven'),
            groups.filter(({ g }) => !g.admin).map(({ g, box }) => choice(box, g.name, g.source)),
          )
        : el('p', {}, [t('dialog.noGroupsGiven')]),
      fieldset(
        t('dialog.adminGroups'),
        admin.map(({ g, box }) => choice(box, g.name, g.source)),
      ),
      ...notes(choices.notes),
    ]),
  ];
}

export async function reactivateFlow(
  row: HiddenRow,
  opener: HTMLElement,
  setResult: (r: RowResult | null) => void,
): Promise<void> {
  const input: Changes = {};
  // `resume`: a user already back on the site (an earlier, partly done run) gets the groups still missing.
  const base = { site: row.site, accountId: row.user.accountId, resume: true };
  try {
    setResult({ kind: 'working', text: t('row.working') });
    let shown = await sendToBackground({ type: 'user/plan', ...base, ...input });
    let changed = false;
    for (;;) {
      setResult(null);
      const choice = await showPlan(shown.plan, row, opener, changed);
      if (!choice.go) return;
      const { confirmed, email, products, adminGroups, skipGroups } = choice;
      Object.assign(input, email === undefined ? {} : { email }, products ? { products } : {});
      if (adminGroups) Object.assign(input, { adminGroups, skipGroups });
      setResult({ kind: 'working', text: t(confirmed ? 'row.reactivating' : 'row.working') });
      if (!confirmed) {
        shown = await sendToBackground({ type: 'user/plan', ...base, ...input });
        changed = false;
        continue;
      }
      const reply = await sendToBackground({
        type: 'user/reactivate',
        ...base,
        ...input,
        confirmed: shown.fingerprint,
      });
      if (!reply.changed) {
        setResult(outcome(row, reply.plan, reply.result));
        return;
      }
      // What Relink would do now differs from what the admin confirmed: nothing ran; show the new plan.
      shown = reply;
      changed = true;
    }
  } catch (error) {
    setResult({ kind: 'failed', text: messageOf(error) });
  }
}

function outcome(row: HiddenRow, plan: Plan, result: ActionResult | null): RowResult {
  if (!result)
    return {
      kind: 'failed',
      text: plan.kind === 'refused' ? plan.reason : plan.kind === 'needs-input' ? plan.message : t('row.nothingDone'),
    };
  const kind = result.outcome === 'done' ? 'done' : result.outcome === 'partly-done' ? 'partly' : 'failed';
  const groups = result.observed?.groups.length;
  const text =
    result.outcome === 'done'
      ? groups === undefined
        ? t('row.back', { site: row.site })
        : plural('row.backWithGroups', groups, { site: row.site })
      : result.message;
  return { kind, text, ...(result.followUp ? { invite: result.followUp.email } : {}) };
}
