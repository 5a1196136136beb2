/** The group editor of one user: current and remembered groups, add and remove, results in place. */
import { t } from '@/utils/i18n';
import { sendToBackground } from '@/utils/messaging/send';
import type { GroupTarget, Subject } from '@/utils/engine/plan';
import { openDialog } from './dialog';
import { button, css, el } from './dom';
import { messageOf } from '@/utils/error-message';
import type { HiddenRow } from './hidden-model';

export async function groupDialog(row: HiddenRow, opener: HTMLElement): Promise<void> {
  const dialog = openDialog(t('row.groupsOf', { name: row.user.displayName }), opener);
  const status = el('p', { role: 'status', 'aria-live': 'polite', style: css.subtle }, [t('groups.loading')]);
  const content = el('div');
  dialog.body.append(
    content,
    status,
    button(t('dialog.close'), () => dialog.close(), { 'data-relink-close': '' }),
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
    status.textContent = t(op === 'add' ? 'groups.adding' : 'groups.removing', { groupName: group.name });
    try {
      const { plan, result } = await sendToBackground({
        type: 'group/change',
        site: row.site,
        accountId: row.user.accountId,
        group,
        op,
        dryRun: false,
      });
      const message = result ? result.message : plan.kind === 'refused' ? plan.reason : t('row.nothingDone');
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
      { 'aria-label': t('groups.groupToAdd') },
      all
        .filter((g) => !current.has(g.groupId))
        .map((g) => el('option', { value: g.groupId, translate: 'no' }, [g.name])),
    );
    content.replaceChildren(
      el('h3', {}, [t('groups.current')]),
      subject.currentGroups.length === 0
        ? el('p', { style: css.subtle }, [t(subject.state === 'hidden' ? 'groups.noneRemoved' : 'groups.none')])
        : el(
            'ul',
            {},
            subject.currentGroups.map((g) =>
              el('li', {}, [
                el('span', { translate: 'no' }, [g.name]),
                ' ',
                button(t('groups.remove'), () => void change(g, 'remove'), {
                  'aria-label': t('groups.removeFrom', { groupName: g.name }),
                }),
              ]),
            ),
          ),
      el('h3', {}, [t('groups.remembered')]),
      subject.rememberedGroups.length === 0
        ? el('p', { style: css.subtle }, [t('groups.notSeen')])
        : el(
            'ul',
            {},
            subject.rememberedGroups.map((g) => el('li', { translate: 'no' }, [g.name])),
          ),
      el('p', { style: css.subtle }, [subject.state === 'hidden' ? t('groups.restores') : '']),
      el('p', {}, [
        el('label', {}, [`${t('groups.addTo')} `, select]),
        ' ',
        button(
          t('groups.add'),
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
