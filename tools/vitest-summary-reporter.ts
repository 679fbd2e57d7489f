import { appendFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints `N passed, N failed, N skipped` as the last line of a vitest run, the line the CI
 * reader counts. With PAIRBOARD_TEST_SUMMARY set it also appends the counts as one JSON line to
 * that file, so `tools/run-all-tests.mjs` can print one total over every suite.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const testModule of testModules) {
      let failedInModule = 0;
      for (const test of testModule.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed += 1;
        else if (state === 'failed') failedInModule += 1;
        else skipped += 1;
      }
      failed += failedInModule;
      // A file that fails to import, or whose beforeAll/afterAll hook fails while every test
      // passed, is a failure too, not nothing.
      if (failedInModule === 0 && testModule.state() === 'failed') failed += 1;
    }
    failed += unhandledErrors.length;
    const line = `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
    console.log(`\n${line}`);
    const summaryFile = process.env.PAIRBOARD_TEST_SUMMARY;
    if (summaryFile) {
      appendFileSync(summaryFile, `${JSON.stringify({ suite: process.cwd(), passed, failed, skipped })}\n`);
    }
  }
}
