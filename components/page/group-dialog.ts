/** The group editor of one user: current and remembered groups, add and remove, results in place. */
import { sendToBackground } from '@/utils/messaging/send';
import type { GroupTarget, Subject } from '@/utils/engine/plan';
import { openDialog } from './dialog';
import { button, css, el } from './dom';
import { messageOf } from '@/utils/error-message';
import type { HiddenRow } from './hidden-model';

export async function groupDialog(row: HiddenRow, opener: HTMLElement): Promise<void> {
  const dialog = openDialog(`Groups of ${row.user.displayName}`, opener);
  const status = el('p', { role: 'status', 'aria-live': 'polite', style: css.subtle }, ['Loading…']);
  const content = el('div');
  dialog.body.append(
    content,
    status,
    button('Close', () => dialog.close(), { 'data-relink-close': '' }),
  );

  const load = async () => {
    try {
      const [subject, groups] = await Promise.all([
        sendToBackground({ type: 'user/get', site: row.site, accountId: row.user.accountId }),
        sendToBackground({ type: 'site/groups', site: row.site }),
      ]);
      status.textContent = '';
      render(subject, groups);
    } catch (error) {
      status.textContent = messageOf(error);
    }
  };

  const change = async (group: GroupTarget, op: 'add' | 'remove') => {
    status.textContent = `${op === 'add' ? 'Adding to' : 'Removing from'} ${group.name}…`;
    try {
      const { plan, result } = await sendToBackground({
        type: 'group/change',
        site: row.site,
        accountId: row.user.accountId,
        group,
        op,
        dryRun: false,
      });
      const message = result ? result.message : plan.kind === 'refused' ? plan.reason : 'Nothing was done.';
      await load();
      status.textContent = message;
    } catch (error) {
      status.textContent = messageOf(error);
    }
  };

  const render = (subject: Subject, all: GroupTarget[]) => {
    const current = new Set(subject.currentGroups.map((g) => g.groupId));
    const select = el(
      'select',
      { 'aria-label': 'Group to add' },
      all.filter((g) => !current.has(g.groupId)).map((g) => el('option', { value: g.groupId }, [g.name])),
    );
    content.replaceChildren(
      el('h3', { style: 'font-size:16px;margin:8px 0 4px' }, ['Current groups']),
      subject.currentGroups.length === 0
        ? el('p', { style: css.subtle }, [
            subject.state === 'hidden' ? 'None: removal from the site took them all.' : 'None.',
          ])
        : el(
            'ul',
            {},
            subject.currentGroups.map((g) =>
              el('li', {}, [
                g.name,
                ' ',
                button('Remove', () => void change(g, 'remove'), { 'aria-label': `Remove from ${g.name}` }),
              ]),
            ),
          ),
      el('h3', { style: 'font-size:16px;margin:8px 0 4px' }, ['Remembered groups']),
      subject.rememberedGroups.length === 0
        ? el('p', { style: css.subtle }, ['Relink has not seen this user’s groups before.'])
        : el(
            'ul',
            {},
            subject.rememberedGroups.map((g) => el('li', {}, [g.name])),
          ),
      el('p', { style: css.subtle }, [
        subject.state === 'hidden' ? 'Reactivating restores the remembered groups.' : '',
      ]),
      el('p', {}, [
        el('label', {}, ['Add to ', select]),
        ' ',
        button(
          'Add',
          () => {
            const group = all.find((g) => g.groupId === select.value);
            if (group) void change(group, 'add');
          },
          { 'data-relink-add': '' },
        ),
      ]),
    );
  };
  await load();
}
