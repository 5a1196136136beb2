/**
 * Relink's dialogs and panel live in closed shadow roots, so that the page's scripts cannot reach
 * them — and Playwright's locators, which only enter open shadow roots, cannot either. For tests,
 * this gives Playwright (and only Playwright) the way in: it finds closed shadow roots through the
 * DevTools protocol, which sees every shadow root, and sets `host.shadowRoot` on the hosts in
 * Playwright's own isolated world. The page's world, where page scripts run, still sees `null`
 * (tests/e2e/page-script-attack.test.ts checks it).
 */
import type { CDPSession, Page } from 'playwright-core';

interface DomNode {
  backendNodeId: number;
  localName?: string;
  children?: DomNode[];
  shadowRoots?: (DomNode & { shadowRootType?: string })[];
  contentDocument?: DomNode;
}

const POLL_MS = 50;

function closedHosts(node: DomNode, found: { host: number; root: number }[] = []) {
  for (const root of node.shadowRoots ?? []) {
    if (root.shadowRootType === 'closed') found.push({ host: node.backendNodeId, root: root.backendNodeId });
    closedHosts(root, found);
  }
  for (const child of node.children ?? []) closedHosts(child, found);
  if (node.contentDocument) closedHosts(node.contentDocument, found);
  return found;
}

async function exposeIn(cdp: CDPSession, contextId: number, host: number, root: number): Promise<void> {
  const objectGroup = 'relink-closed-shadow';
  const [hostObject, rootObject] = await Promise.all(
    [host, root].map((backendNodeId) =>
      cdp.send('DOM.resolveNode', { backendNodeId, executionContextId: contextId, objectGroup }),
    ),
  );
  await cdp.send('Runtime.callFunctionOn', {
    objectId: hostObject!.object.objectId!,
    functionDeclaration:
      'function (root) { Object.defineProperty(this, "shadowRoot", { value: root, configurable: true }); }',
    arguments: [{ objectId: rootObject!.object.objectId! }],
  });
  await cdp.send('Runtime.releaseObjectGroup', { objectGroup });
}

/** Lets Playwright's locators on `page` enter closed shadow roots, until the page closes. */
export async function letPlaywrightIntoClosedShadowRoots(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const utilityWorlds = new Set<number>();
  const exposed = new Set<string>();
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    if (context.name.startsWith('__playwright_utility_world_')) utilityWorlds.add(context.id);
  });
  cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) => utilityWorlds.delete(executionContextId));
  cdp.on('Runtime.executionContextsCleared', () => utilityWorlds.clear());
  await cdp.send('Runtime.enable');
  await cdp.send('DOM.enable');
  const tick = async () => {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    for (const { host, root: shadow } of closedHosts(root))
      for (const contextId of utilityWorlds) {
        const key = `${contextId}:${host}`;
        if (exposed.has(key)) continue;
        // A node or world gone since the snapshot: the next tick sees the page as it is now.
        await exposeIn(cdp, contextId, host, shadow).then(
          () => exposed.add(key),
          () => undefined,
        );
      }
  };
  void (async () => {
    while (!page.isClosed()) {
      await tick().catch(() => undefined);
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    await cdp.detach().catch(() => undefined);
  })();
}

/**
 * Evaluates `fn(arg)` (self-contained, as for page.evaluate) in a new isolated world of `page` where
 * every closed shadow root is its host's `shadowRoot`, after `prelude` (a script, e.g. axe's source).
 * For audits of Relink's in-page UI: the page's own world still sees `null`.
 */
export async function evaluateSeeingClosedRoots<A, R>(
  page: Page,
  fn: (arg: A) => R | Promise<R>,
  arg: A,
  prelude?: string,
): Promise<R> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const { executionContextId: contextId } = await cdp.send('Page.createIsolatedWorld', {
      frameId: frameTree.frame.id,
      worldName: 'relink-audit',
    });
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    for (const { host, root: shadow } of closedHosts(root)) await exposeIn(cdp, contextId, host, shadow);
    if (prelude) await cdp.send('Runtime.evaluate', { expression: prelude, contextId });
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression: `(${fn.toString()})(${JSON.stringify(arg)})`,
      contextId,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails)
      throw new Error(`Evaluation failed: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value as R;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
