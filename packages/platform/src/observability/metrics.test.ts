import { describe, expect, it } from 'vitest';
import { createMetrics } from './metrics.ts';

describe('metrics', () => {
  it('exposes default process metrics and HTTP request duration and count by method, route and status', async () => {
    const metrics = createMetrics();
    metrics.observeHttp({ method: 'get', route: '/v1/listings/:id', status: 200, seconds: 0.012 });
    metrics.observeHttp({ method: 'GET', route: '/v1/listings/:id', status: 200, seconds: 0.3 });
    metrics.observeHttp({ method: 'POST', route: '/v1/listings', status: 422, seconds: 0.004 });

    const text = await metrics.registry.metrics();
    expect(metrics.registry.contentType).toMatch(/^text\/plain/);
    expect(text).toContain('immo_process_cpu_user_seconds_total');
    expect(text).toContain('immo_nodejs_eventloop_lag_seconds');
    expect(text).toContain('immo_http_requests_total{method="GET",route="/v1/listings/:id",status="200"} 2');
    expect(text).toContain('immo_http_requests_total{method="POST",route="/v1/listings",status="422"} 1');
    expect(text).toContain(
      'immo_http_request_duration_seconds_bucket{le="0.025",method="GET",route="/v1/listings/:id",status="200"} 1',
    );
    expect(text).toContain(
      'immo_http_request_duration_seconds_count{method="GET",route="/v1/listings/:id",status="200"} 2',
    );
  });

  it('gives each server its own registry', async () => {
    const a = createMetrics();
    const b = createMetrics();
    a.observeHttp({ method: 'GET', route: '/healthz', status: 200, seconds: 0.001 });
    expect(await b.registry.metrics()).not.toContain('route="/healthz"');
  });
});
