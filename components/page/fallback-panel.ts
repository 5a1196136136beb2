/**
 * When the page's user table cannot be found (its markup changed), Relink shows the hidden users
 * in a panel of its own where the list should be — never nothing.
 */
import { messagesLocale, t } from '@/utils/i18n';
import type { Columns } from '@/utils/page/host-selectors';
import { css, el } from './dom';

export const PANEL_COLUMNS: Columns = { user: 0, status: 1, actions: 2, select: -1, spans: [1, 1, 1] };

export function buildPanel(): { host: HTMLElement; table: HTMLTableElement } {
  const host = document.createElement('relink-panel');
  host.lang = messagesLocale();
  const root = host.attachShadow({ mode: 'closed' });
  const table = el('table', { style: 'width:100%;border-collapse:collapse;text-align:left' }, [
    el('thead', {}, [
      el(
        'tr',
        {},
        [t('panel.user'), t('panel.status'), t('panel.actions')].map((h) =>
          el('th', { scope: 'col', style: 'padding:8px;border-bottom:2px solid var(--ds-border,#091E4224)' }, [h]),
        ),
      ),
    ]),
  ]);
  root.append(
    el(
      'section',
      {
        // The region (a landmark) is named in words, the table in it by its headers.
        'aria-label': t('panel.label'),
        style: `margin:16px 0;padding:12px;border:1px solid var(--ds-border-discovery,#8F7EE7);border-radius:3px;${css.font};${css.text}`,
      },
      [el('p', { style: css.subtle }, [t('panel.intro')]), table],
    ),
  );
  return { host, table };
}
