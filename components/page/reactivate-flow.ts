/**
 * One click on Reactivate: the plan as a dry run (asking for the email or products if needed),
 * then, on confirm, the run, with progress and the result in the row.
 */
import { sendToBackground } from '@/utils/messaging/send';
import type { ActionResult } from '@/utils/engine/execute';
import { grantsAdmin } from '@/utils/engine/admin-groups';
import type { Plan } from '@/utils/engine/plan';
import { openDialog } from './dialog';
import { button, css, el, on } from './dom';
import { messageOf } from '@/utils/error-message';
import type { HiddenRow, RowResult } from './hidden-model';

type Choice =
  { go: false } | { go: true; email?: string; products?: string[]; adminGroups?: string[]; confirmed: boolean };

function showPlan(plan: Plan, opener: HTMLElement, changed: boolean): Promise<Choice> {
  const who = plan.subject.displayName;
  const dialog = openDialog(`Reactivate ${who}`, opener);
  return new Promise<Choice>((resolve) => {
    const finish = (choice: Choice) => {
      resolve(choice);
      dialog.close();
    };
    void dialog.closed.then(() => resolve({ go: false }));
    const cancel = button('Cancel', () => finish({ go: false }));
    if (plan.kind === 'refused') {
      dialog.body.append(
        el('p', { role: 'alert' }, [plan.reason]),
        button('Close', () => finish({ go: false }), {}, true),
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
          'aria-label': `Email address of ${who}`,
          style: 'font:inherit;padding:4px',
        });
        form.append(el('label', {}, ['Email address ', input]));
        on(form, 'submit', (e) => {
          e.preventDefault();
          finish({ go: true, email: input.value.trim(), confirmed: false });
        });
        queueMicrotask(() => input.focus());
      } else {
        const boxes = (plan.products ?? []).map((p) => ({
          product: p,
          box: el('input', { type: 'checkbox', value: p.key, 'aria-label': p.name }),
        }));
        form.append(
          el('fieldset', {}, [
            el('legend', {}, ['Products']),
            ...boxes.map(({ product, box }) => el('label', { style: 'display:block' }, [box, ` ${product.name}`])),
          ]),
        );
        on(form, 'submit', (e) => {
          e.preventDefault();
          const products = boxes.filter(({ box }) => box.checked).map(({ box }) => box.value);
          if (products.length > 0) finish({ go: true, products, confirmed: false });
        });
      }
      form.append(el('div', {}, [el('button', { type: 'submit', style: css.primary }, ['Continue']), cancel]));
      dialog.body.append(form);
      return;
    }
    if (changed)
      dialog.body.append(
        el('p', { role: 'alert' }, [
          'Nothing was done: what Relink would do changed since you confirmed (the user’s groups or state changed). Check the new plan.',
        ]),
      );
    dialog.body.append(
      el('p', {}, [`Relink will make these calls on ${plan.subject.site}, in order, and check each one:`]),
      el(
        'ol',
        {},
        plan.steps.map((s) => el('li', {}, [s.summary, el('br'), el('code', { style: css.subtle }, [s.call])])),
      ),
      ...plan.notes.map((n) => el('p', { style: css.subtle }, [n])),
      ...groupsSection(plan, (adminGroups) => finish({ go: true, adminGroups, confirmed: false })),
      el('div', {}, [
        button('Reactivate', () => finish({ go: true, confirmed: true }), { 'data-relink-confirm': '' }, true),
        cancel,
      ]),
    );
  });
}

/** Every group the plan gives back, and the admin groups it withholds unless ticked (ticking re-plans). */
function groupsSection(plan: Extract<Plan, { kind: 'plan' }>, replan: (adminGroups: string[]) => void): HTMLElement[] {
  if (plan.action !== 'reactivate') return [];
  const withheld = new Set(plan.withheld.map((g) => g.groupId));
  const given = plan.subject.rememberedGroups.filter((g) => !withheld.has(g.groupId));
  const givenAdmin = given.filter((g) => grantsAdmin(g)).map((g) => g.groupId);
  const parts: HTMLElement[] = [
    el('p', {}, [
      given.length === 0
        ? 'No remembered groups are given back.'
        : `Groups given back: ${given.map((g) => g.name).join(', ')}.`,
    ]),
  ];
  const admin = [...plan.withheld, ...given.filter((g) => grantsAdmin(g))];
  if (admin.length === 0) return parts;
  const boxes = admin.map((group) => ({
    group,
    box: el('input', {
      type: 'checkbox',
      checked: givenAdmin.includes(group.groupId),
      'aria-label': `Also give back ${group.name}`,
    }),
  }));
  const onChange = () => replan(boxes.filter(({ box }) => box.checked).map(({ group }) => group.groupId));
  for (const { box } of boxes)
    box.addEventListener('change', (event) => {
      if (event.isTrusted) onChange();
    });
  parts.push(
    el('fieldset', {}, [
      el('legend', {}, ['Groups that grant admin rights: given back only if you tick them']),
      ...boxes.map(({ group, box }) => el('label', { style: 'display:block' }, [box, ` ${group.name}`])),
    ]),
  );
  return parts;
}

export async function reactivateFlow(
  row: HiddenRow,
  opener: HTMLElement,
  setResult: (r: RowResult | null) => void,
): Promise<void> {
  const input: { email?: string; products?: string[]; adminGroups?: string[] } = {};
  const base = { site: row.site, accountId: row.user.accountId };
  try {
    setResult({ kind: 'working', text: 'Preparing the plan…' });
    let shown = await sendToBackground({ type: 'user/plan', ...base, ...input });
    let changed = false;
    for (;;) {
      setResult(null);
      const choice = await showPlan(shown.plan, opener, changed);
      if (!choice.go) return;
      if (choice.email) input.email = choice.email;
      if (choice.products) input.products = choice.products;
      if (choice.adminGroups) input.adminGroups = choice.adminGroups;
      setResult({ kind: 'working', text: choice.confirmed ? 'Reactivating…' : 'Preparing the plan…' });
      if (!choice.confirmed) {
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
      text: plan.kind === 'refused' ? plan.reason : plan.kind === 'needs-input' ? plan.message : 'Nothing was done.',
    };
  const kind = result.outcome === 'done' ? 'done' : result.outcome === 'partly-done' ? 'partly' : 'failed';
  const groups = result.observed?.groups.length;
  const text =
    result.outcome === 'done'
      ? `Back on ${row.site}${groups === undefined ? '' : ` with ${groups} group${groups === 1 ? '' : 's'}`}. Reload the list to see them in place.`
      : result.message;
  return { kind, text };
}
