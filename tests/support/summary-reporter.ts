/**
 * Prints the fault and variation matrices' summaries, then the closing line CI reads: `vitest: N passed, N failed, N skipped`.
 * A test file that fails without a failed test (it did not load, or a beforeAll failed) counts as one failure.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    let skipped = 0;
    const matrix = { cells: 0, passing: 0 };
    const variations = { cells: 0, passing: 0 };
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
    console.log(`\nvitest: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  }
}
