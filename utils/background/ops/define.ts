/**
 * An operation of the background: what it takes (zod), who may ask for it, and what it does.
 * The protocol's request and reply types are derived from these, so a handler's reply type is
 * the contract.
 */
import type { z } from 'zod';
import type { TrustedSender } from '../../messaging/sender';

/**
 * - `extension-pages`: Relink's own popup and options only;
 * - `page-sites`: also a content script, but only about the sites its page is about
 *   (the input's `site`, or the reply limited to them);
 * - `content-script`: only a content script (what it says about its own page).
 */
type Policy = 'extension-pages' | 'page-sites' | 'content-script';

export interface Operation<Input, Reply> {
  input: z.ZodType<Input>;
  policy: Policy;
  run(input: Input, sender: TrustedSender): Promise<Reply>;
}

export const defineOperation = <Input, Reply>(op: Operation<Input, Reply>): Operation<Input, Reply> => op;
