/** The element an extension page renders into; its absence is a build mistake, said plainly. */
export function mountPoint(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (!element) throw new Error(`Relink: this page has no #${id} to render into.`);
  return element;
}
