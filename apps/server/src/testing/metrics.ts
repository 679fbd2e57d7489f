import type { TestServer } from './start-test-server.ts';

/** The sum of a Prometheus metric over its labels, read from a test server's registry. */
export async function metricTotal(server: TestServer, name: string): Promise<number> {
  const metric = await server.server.metrics.registry.getSingleMetric(name)?.get();
  return metric?.values.reduce((sum, value) => sum + value.value, 0) ?? 0;
}
