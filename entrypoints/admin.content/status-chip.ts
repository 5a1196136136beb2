import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';

/** A small Relink-owned chip in its own shadow root; text only, never HTML. */
export async function mountStatusChip(ctx: ContentScriptContext, initialText: string) {
  let label: HTMLElement | null = null;
  const ui = await createShadowRootUi(ctx, {
    name: 'relink-status',
    position: 'inline',
    anchor: 'body',
    append: 'first',
    onMount(container) {
      label = document.createElement('p');
      label.setAttribute('role', 'status');
      label.style.cssText =
        'margin:8px;padding:4px 8px;border-radius:3px;font:14px/20px system-ui,sans-serif;' +
        'color:var(--ds-text,#172B4D);background:var(--ds-background-neutral,#091E420F);display:inline-block';
      label.textContent = initialText;
      container.append(label);
      return label;
    },
  });
  ui.mount();
  return {
    setText(text: string) {
      if (label) label.textContent = text;
    },
    remove: () => ui.remove(),
  };
}
