/**
 * The isolated world Relink's content script runs in on a tab, reached over CDP: what a hostile
 * page that compromised its renderer could do with the content script's own privileges.
 */
import type { CDPSession, Page } from 'playwright-core';

interface ContextDescription {
  id: number;
  origin: string;
  name: string;
  auxData?: { isDefault?: boolean; type?: string; frameId?: string };
}

export interface ContentScriptWorld {
  /** Evaluates `expression` (awaiting a promise) in the content script's world; the value must be JSON-able. */
  evaluate<T>(expression: string): Promise<T>;
  detach(): Promise<void>;
}

/**
 * Finds the isolated world of the extension `extensionId` in the top frame of `page`. The extension
 * must have injected its content script already (wait for something it renders first).
 */
export async function contentScriptWorld(page: Page, extensionId: string): Promise<ContentScriptWorld> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const contexts = new Map<number, ContextDescription>();
  cdp.on('Runtime.executionContextCreated', ({ context }: { context: ContextDescription }) => {
    contexts.set(context.id, context);
  });
  cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }: { executionContextId: number }) => {
    contexts.delete(executionContextId);
  });
  cdp.on('Runtime.executionContextsCleared', () => {
    contexts.clear();
  });
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  // Runtime.enable reports every existing context as an event before it returns.
  await cdp.send('Runtime.enable');
  const origin = `chrome-extension://${extensionId}`;
  const ours = [...contexts.values()].filter(
    (c) =>
      c.auxData?.type === 'isolated' &&
      c.auxData.frameId === frameTree.frame.id &&
      (c.origin === origin || c.name === 'Relink'),
  );
  const context = ours.at(-1);
  if (!context)
    throw new Error(
      `No isolated world of ${extensionId} in the top frame; contexts: ${JSON.stringify([...contexts.values()])}`,
    );
  return {
    async evaluate<T>(expression: string): Promise<T> {
      const reply = (await cdp.send('Runtime.evaluate', {
        expression,
        contextId: context.id,
        awaitPromise: true,
        returnByValue: true,
      })) as { result: { value?: unknown }; exceptionDetails?: { text: string; exception?: { description?: string } } };
      if (reply.exceptionDetails)
        throw new Error(reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text);
      return reply.result.value as T;
    },
    detach: () => cdp.detach(),
  };
}
