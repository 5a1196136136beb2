/**
 * axe-core in the e2e browser: its script (node_modules/axe-core/axe.min.js) evaluated in the page (through the DevTools protocol,
 * which the extension pages' CSP does not stop), `axe.run` on the whole page or on `include`, the
 * WCAG 2.x A/AA rules and axe's best practices. Each audit is kept on its test (`task.meta.axe`), and
 * the summary reporter prints them all in one line at the end of `npm test`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { evaluateSeeingClosedRoots } from './closed-shadow';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

type Impact = 'minor' | 'moderate' | 'serious' | 'critical';

export interface AxeAudit {
  /** What was audited: "popup › dark". */
  target: string;
  violations: { id: string; impact: Impact | null; help: string; nodes: string[] }[];
  passes: number;
}

declare module 'vitest' {
  interface TaskMeta {
    axe?: AxeAudit[];
  }
}

interface AxeResults {
  violations: { id: string; impact: Impact | null; help: string; nodes: { target: unknown[] }[] }[];
  passes: unknown[];
}

const RULES = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  resultTypes: ['violations'],
};

/**
 * Runs axe on `page` (or only inside the elements `include` selects) and returns what it found.
 * Relink's in-page UI lives in closed shadow roots, which axe in the page's own world cannot enter:
 * with `closedShadowRoots`, axe runs in an isolated world of its own where each closed root is its
 * host's `shadowRoot` (as Playwright's world gets them, closed-shadow.ts); the page's world still sees null.
 */
export async function runAxe(
  page: Page,
  target: string,
  options: { include?: string[]; closedShadowRoots?: boolean } = {},
): Promise<AxeAudit> {
  const context = options.include ? { include: options.include.map((s) => [s]) } : null;
  const results = options.closedShadowRoots
    ? await evaluateSeeingClosedRoots(page, runAxeHere, { context, rules: RULES }, AXE_SOURCE)
    : await runInPage(page, context);
  return {
    target,
    passes: results.passes.length,
    violations: results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      // A node in a shadow root is a path of selectors, host first.
      nodes: v.nodes.map((n) => n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))).join(' ')),
    })),
  };
}

/** In the page, once axe's script has run there: self-contained, for page.evaluate or another world. */
const runAxeHere = ({ context, rules }: { context: object | null; rules: object }) =>
  (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResults> } }).axe.run(
    context ?? document,
    rules,
  );

async function runInPage(page: Page, context: object | null): Promise<AxeResults> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(runAxeHere, { context, rules: RULES });
}

/** Serious and critical violations: the ones a test fails on. */
export const blocking = (audit: AxeAudit) =>
  audit.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
