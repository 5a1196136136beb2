/**
 * A tiny element builder for Relink's in-page UI: text only, never HTML, so Atlassian data
 * (display names can contain markup) is always rendered as text.
 */
type Child = Node | string | null | undefined | false;
type Props = Record<string, string | number | boolean | EventListener | undefined> & { style?: string };

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  children: Child[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') node.addEventListener(key.replace(/^on/, '').toLowerCase(), value);
    else if (key === 'style') node.style.cssText = String(value);
    else if (value === true) node.setAttribute(key, '');
    else node.setAttribute(key, String(value));
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

/** Styles in Atlassian design tokens, with the light-theme values as fallbacks (docs/atlassian.md §7). */
export const css = {
  text: 'color:var(--ds-text,#172B4D)',
  subtle: 'color:var(--ds-text-subtle,#44546F);font-size:12px',
  button:
    'font:inherit;font-size:14px;font-weight:500;padding:2px 10px;margin:0 4px 0 0;border:none;border-radius:3px;cursor:pointer;' +
    'color:var(--ds-text,#172B4D);background:var(--ds-background-neutral,#091E420F)',
  primary:
    'font:inherit;font-size:14px;font-weight:500;padding:2px 10px;margin:0 4px 0 0;border:none;border-radius:3px;cursor:pointer;color:var(--ds-text-inverse,#FFFFFF);background:var(--ds-background-brand-bold,#0C66E4)',
  lozenge: (kind: 'removed' | 'success' | 'warning' | 'danger') =>
    `display:inline-block;padding:0 4px;border-radius:3px;font-size:11px;font-weight:700;line-height:16px;text-transform:uppercase;color:var(--ds-text,#172B4D);background:${
      {
        removed: 'var(--ds-background-discovery,#F3F0FF)',
        success: 'var(--ds-background-success,#DCFFF1)',
        warning: 'var(--ds-background-warning,#FFF7D6)',
        danger: 'var(--ds-background-danger,#FFECEB)',
      }[kind]
    }`,
  tag: 'display:inline-block;margin-left:6px;padding:0 4px;border-radius:3px;font-size:11px;line-height:16px;color:var(--ds-text-discovery,#5E4DB2);border:1px solid var(--ds-border-discovery,#8F7EE7)',
  visuallyHidden: 'position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap',
};

export function button(label: string, onClick: () => void, props: Props = {}, primary = false): HTMLButtonElement {
  return el(
    'button',
    { type: 'button', style: primary ? css.primary : css.button, onclick: () => onClick(), ...props },
    [label],
  );
}
