/**
 * A modal dialog of Relink's own, in a shadow root so the page's styles cannot reach it.
 * Native <dialog>: focus moves in and is trapped, Escape closes, focus returns to the opener.
 */
import { messagesLocale } from '@/utils/i18n';
import { css, el } from './dom';

export interface RelinkDialog {
  body: HTMLElement;
  close(): void;
  closed: Promise<void>;
}

export function openDialog(title: string, opener: HTMLElement | null): RelinkDialog {
  const host = document.createElement('relink-dialog');
  // Relink's words are in the browser's language, which the admin page's need not be: screen readers read them in theirs.
  host.lang = messagesLocale();
  const root = host.attachShadow({ mode: 'closed' });
  const heading = el('h2', { id: 'relink-dialog-title', style: 'margin:0 0 12px;font-size:20px;line-height:24px' }, [
    title,
  ]);
  const body = el('div');
  const dialog = el(
    'dialog',
    {
      'aria-labelledby': 'relink-dialog-title',
      style:
        `max-width:34rem;width:calc(100% - 32px);border:none;border-radius:3px;padding:24px;${css.font};` +
        'color:var(--ds-text,#172B4D);background:var(--ds-surface-overlay,#FFFFFF);box-shadow:var(--ds-shadow-overlay,0 8px 12px #091E4226,0 0 1px #091E424F)',
    },
    [heading, body],
  );
  root.append(
    el('style', {}, [
      'dialog::backdrop{background:var(--ds-blanket,#091E427D)} code{font-size:12px;word-break:break-all} ul{padding-left:20px} h3{font-size:16px;margin:8px 0 4px}',
    ]),
    dialog,
  );
  document.body.append(host);
  let resolveClosed!: () => void;
  const closed = new Promise<void>((r) => (resolveClosed = r));
  dialog.addEventListener('close', () => {
    host.remove();
    opener?.focus();
    resolveClosed();
  });
  dialog.showModal();
  return { body, close: () => dialog.close(), closed };
}
