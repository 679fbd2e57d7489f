/** Nearest-rank percentile of numbers (p in 0..100); NaN for an empty list. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function median(values) {
  return percentile(values, 50);
}

/** Median with min and max of one figure over repeats. */
export function summarize(values) {
  const finite = values.filter((v) => Number.isFinite(v));
  return { median: median(finite), min: Math.min(...finite), max: Math.max(...finite), runs: values };
}

/** Wall-clock milliseconds with sub-millisecond resolution, comparable across processes on one machine. */
export function now() {
  return performance.timeOrigin + performance.now();
}
