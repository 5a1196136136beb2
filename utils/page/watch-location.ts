/**
 * Calls `changed` with the new address whenever the single-page admin app moves to another URL:
 * through the Navigation API where the browser has it (its event comes before location.href
 * changes, so the new URL comes with it), else by looking once a second.
 */
interface NavigateEvent extends Event {
  destination: { url: string };
}

export function watchLocation(changed: (href: string) => void): void {
  let last = location.href;
  const check = (href: string) => {
    if (href === last) return;
    last = href;
    changed(href);
  };
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  if (navigation) navigation.addEventListener('navigate', (e) => check((e as NavigateEvent).destination.url));
  else setInterval(() => check(location.href), 1000);
}
