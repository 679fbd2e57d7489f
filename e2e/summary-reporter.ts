import type { FullConfig, FullResult, Reporter, Suite, TestError } from '@playwright/test/reporter';

/**
 * Prints `N passed, N failed[, N skipped]` as the last line of the run, the same line the vitest
 * reporter prints, so `tools/run-all-tests.mjs` and the CI log reader count e2e results too.
 */
export default class SummaryReporter implements Reporter {
  private root: Suite | undefined;
  private errors = 0;

  onBegin(_config: FullConfig, suite: Suite): void {
    this.root = suite;
  }

  onError(_error: TestError): void {
    this.errors += 1;
  }

  onEnd(result: FullResult): void {
    let passed = 0;
    let failed = this.errors;
    let skipped = 0;
    for (const test of this.root?.allTests() ?? []) {
      const outcome = test.outcome();
      // 'flaky' passed on its retry: it counts as passed, and the first attempt's trace is kept.
      if (outcome === 'expected' || outcome === 'flaky') passed += 1;
      else if (outcome === 'unexpected') failed += 1;
      else skipped += 1;
    }
    // A run that failed without a failing test (worker crash, web server never ready) is still a failure.
    if (result.status !== 'passed' && failed === 0) failed = 1;
    console.log(`\n${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
  }
}
