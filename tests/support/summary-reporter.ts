/**
 * Prints the fault matrix's summary, then the closing line CI reads: `vitest: N passed, N failed, N skipped`.
 * A test file that fails to load counts as one failure, so a broken import is never a green run.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    let skipped = 0;
    const matrix = { cells: 0, passing: 0 };
    for (const module of testModules) {
      let cases = 0;
      for (const test of module.children.allTests()) {
        cases++;
        const state = test.result().state;
        if (test.fullName.startsWith('fault matrix')) {
          matrix.cells++;
          if (state === 'passed') matrix.passing++;
        }
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      if (module.state() === 'failed' && (cases === 0 || module.errors().length > 0)) failed++;
    }
    if (matrix.cells > 0)
      console.log(
        `\nfault matrix: ${matrix.passing} of ${matrix.cells} cells pass (faults × operations, tests/integration/fault-matrix.test.ts)`,
      );
    console.log(`\nvitest: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  }
}
