/**
 * Prints the fault and variation matrices' summaries and the accessibility audits' (axe-core, kept
 * on each test's `meta.axe` by tests/support/axe.ts), then the closing line CI reads: `vitest: N passed, N failed, N skipped`.
 * A test file that fails without a failed test (it did not load, or a beforeAll failed) counts as one failure.
 */
import type { Reporter, TestModule } from 'vitest/node';
import type { AxeAudit } from './axe';

/** "axe: 4 audits (popup › light, …): 0 serious or critical violations, 1 moderate or minor (region)". */
function axeLine(audits: AxeAudit[]): string {
  const violations = audits.flatMap((a) => a.violations.map((v) => ({ ...v, target: a.target })));
  const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const other = violations.filter((v) => !blocking.includes(v));
  const list = (vs: typeof violations) => [...new Set(vs.map((v) => `${v.id} in ${v.target}`))].join(', ');
  return (
    `axe: ${audits.length} audits (${audits.map((a) => a.target).join(', ')}): ` +
    `${blocking.length} serious or critical violations${blocking.length ? ` (${list(blocking)})` : ''}, ` +
    `${other.length} moderate or minor${other.length ? ` (${list(other)})` : ''}`
  );
}

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    let skipped = 0;
    const matrix = { cells: 0, passing: 0 };
    const variations = { cells: 0, passing: 0 };
    const audits: AxeAudit[] = [];
    for (const module of testModules) {
      let failedHere = 0;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (test.fullName.startsWith('fault matrix')) {
          matrix.cells++;
          if (state === 'passed') matrix.passing++;
        }
        if (test.fullName.startsWith('variation matrix')) {
          variations.cells++;
          if (state === 'passed') variations.passing++;
        }
        audits.push(...(test.meta().axe ?? []));
        if (state === 'passed') passed++;
        else if (state === 'failed') failedHere++;
        else skipped++;
      }
      // A file that failed with no failed test (an import error, a failing beforeAll whose tests
      // were then skipped) is one failure: it must never read as a green run.
      failed += failedHere > 0 ? failedHere : module.state() === 'failed' ? 1 : 0;
    }
    if (matrix.cells > 0)
      console.log(
        `\nfault matrix: ${matrix.passing} of ${matrix.cells} cells pass (faults × operations, tests/integration/fault-matrix.test.ts)`,
      );
    if (variations.cells > 0)
      console.log(
        `variation matrix: ${variations.passing} of ${variations.cells} cells pass (Atlassian's answer variations × operations, tests/integration/variation-matrix.test.ts)`,
      );
    if (audits.length > 0) console.log(axeLine(audits));
    console.log(`\nvitest: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  }
}
