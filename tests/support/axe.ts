/**
 * axe-core in the e2e browser: its script (node_modules/axe-core/axe.min.js) evaluated in the page (through the DevTools protocol,
 * which the extension pages' CSP does not stop), `axe.run` on the whole page or on `include`, the
 * WCAG 2.x A/AA rules and axe's best practices. Each audit is kept on its test (`task.meta.axe`), and
 * the summary reporter prints them all in one line at the end of `npm test`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

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

/** Runs axe on `page` (or only inside the elements `include` selects) and returns what it found. */
export async function runAxe(page: Page, target: string, include?: string[]): Promise<AxeAudit> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE_SOURCE);
  const results = (await page.evaluate(
    async ({ include }) => {
      const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<unknown> } }).axe;
      return axe.run(include ? { include: include.map((s) => [s]) } : document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
        resultTypes: ['violations'],
      });
    },
    { include },
  )) as AxeResults;
  return {
    target,
    passes: results.passes.length,
    violations: results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.map(String).join(' ')),
    })),
  };
}

/** Serious and critical violations: the ones a test fails on. */
export const blocking = (audit: AxeAudit) =>
  audit.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
