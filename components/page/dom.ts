/**
 * A tiny element builder for Relink's in-page UI: text only, never HTML, so Atlassian data
 * (display names can contain markup) is always rendered as text.
 *
 * The page may be hostile (anyone can own an `*.atlassian.net` site), and its scripts can reach
 * Relink's rows in its own table. So Relink's controls answer people only: every listener wired
 * here ignores events a script made (`isTrusted` false), and a scripted `click()` on a button or
 * input is cancelled — the browser would otherwise turn it into a trusted `change` (checkboxes) or
 * `submit` (submit buttons). Relink's dialogs and panel are in closed shadow roots besides.
 */
type Child = Node | string | null | undefined | false;
type Props = Record<string, string | number | boolean | EventListener | undefined> & { style?: string };

/** `listener`, for events a person caused; a script's events are ignored, and their default action cancelled. */
function trusted<E extends Event>(listener: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted) listener(event);
    else event.preventDefault();
  };
}

/** `addEventListener` for Relink's controls: trusted events only. */
export function on<K extends keyof HTMLElementEventMap>(
  target: HTMLElement,
  type: K,
  listener: (event: HTMLElementEventMap[K]) => void,
): void {
  target.addEventListener(type, trusted(listener));
}

const ignore = () => undefined;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  children: Child[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  // A script's click() on a button or checkbox is cancelled: no change or submit follows it.
  if (tag === 'button' || tag === 'input') on(node, 'click', ignore);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') node.addEventListener(key.replace(/^on/, '').toLowerCase(), trusted(value));
    else if (key === 'style') node.style.cssText = String(value);
    else if (value === true) node.setAttribute(key, '');
    else node.setAttribute(key, String(value));
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

const BUTTON =
  'font:inherit;font-size:14px;font-weight:500;padding:2px 10px;margin:0 4px 0 0;border:none;border-radius:3px;cursor:pointer;';

/** Styles in Atlassian design tokens, with the light-theme values as fallbacks (docs/atlassian.md §7). */
export const css = {
  text: 'color:var(--ds-text,#172B4D)',
  font: 'font:14px/20px -apple-system,system-ui,"Segoe UI",Roboto,sans-serif',
  subtle: 'color:var(--ds-text-subtle,#44546F);font-size:12px',
  button: `${BUTTON}color:var(--ds-text,#172B4D);background:var(--ds-background-neutral,#091E420F)`,
  primary: `${BUTTON}color:var(--ds-text-inverse,#FFFFFF);background:var(--ds-background-brand-bold,#0C66E4)`,
  lozenge: (kind: 'removed' | 'success' | 'warning' | 'danger') =>
    `display:inline-block;white-space:nowrap;padding:0 4px;border-radius:3px;font-size:11px;font-weight:700;line-height:16px;text-transform:uppercase;color:var(--ds-text,#172B4D);background:${
      {
        removed: 'var(--ds-background-discovery,#F3F0FF)',
        success: 'var(--ds-background-success,#DCFFF1)',
        warning: 'var(--ds-background-warning,#FFF7D6)',
        danger: 'var(--ds-background-danger,#FFECEB)',
      }[kind]
    }`,
  tag: 'display:inline-block;margin-left:6px;padding:0 4px;border-radius:3px;font-size:11px;line-height:16px;color:var(--ds-text-discovery,#5E4DB2);border:1px solid var(--ds-border-discovery,#8F7EE7)',
  avatar:
    'display:inline-block;flex:none;width:24px;height:24px;border-radius:50%;background:var(--ds-background-neutral,#091E420F)',
  visuallyHidden: 'position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap',
};

export function button(label: string, onClick: () => void, props: Props = {}, primary = false): HTMLButtonElement {
  return el(
    'button',
    { type: 'button', style: primary ? css.primary : css.button, onclick: () => onClick(), ...props },
    [label],
  );
}
