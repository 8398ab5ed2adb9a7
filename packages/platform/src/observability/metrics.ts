import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export interface Metrics {
  /** Served at /metrics in the Prometheus text format: `registry.metrics()`. */
  registry: Registry;
  httpRequestDuration: Histogram<'method' | 'route' | 'status'>;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  /**
   * Records one HTTP request. `route` is the route's pattern
   * ("/v1/listings/:id"), never the raw URL, so the label set stays small.
   */
  observeHttp(request: { method: string; route: string; status: number; seconds: number }): void;
}

/**
 * A registry of its own per server (not prom-client's global one), so tests
 * and several servers in one process do not collide. Holds Node's default
 * metrics (CPU, memory, event loop lag, GC) under the `immo_` prefix.
 */
export function createMetrics(
  options: { prefix?: string; defaultLabels?: Record<string, string> } = {},
): Metrics {
  const prefix = options.prefix ?? 'immo_';
  const registry = new Registry();
  if (options.defaultLabels) registry.setDefaultLabels(options.defaultLabels);
  collectDefaultMetrics({ register: registry, prefix });

  const labelNames = ['method', 'route', 'status'] as const;
  const httpRequestDuration = new Histogram({
    name: `${prefix}http_request_duration_seconds`,
    help: 'Time from request received to response sent, by method, route pattern and status',
    labelNames,
    // From a cached read (a few ms) to a slow search or an upload.
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const httpRequests = new Counter({
    name: `${prefix}http_requests_total`,
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames,
    registers: [registry],
  });

  return {
    registry,
    httpRequestDuration,
    httpRequests,
    observeHttp({ method, route, status, seconds }) {
      const labels = { method: method.toUpperCase(), route, status: String(status) };
      httpRequestDuration.observe(labels, seconds);
      httpRequests.inc(labels);
    },
  };
}
