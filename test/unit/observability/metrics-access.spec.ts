import type { AddressInfo } from 'node:net';
import { metricsAccessFromEnv, metricsAllowed, startMetricsServer } from '../../../src/observability/metrics';

describe(metricsAllowed.name, () => {
  it('answers loopback only by default', () => {
    const access = metricsAccessFromEnv({});
    expect(metricsAllowed(access, '127.0.0.1', undefined)).toBe(true);
    expect(metricsAllowed(access, '::ffff:127.0.0.1', undefined)).toBe(true);
    expect(metricsAllowed(access, '::1', undefined)).toBe(true);
    expect(metricsAllowed(access, '10.0.0.5', undefined)).toBe(false);
    expect(metricsAllowed(access, '2001:db8::1', undefined)).toBe(false);
    expect(metricsAllowed(access, undefined, undefined)).toBe(false);
  });

  it('takes addresses and CIDR ranges from METRICS_ALLOW, a bearer token from METRICS_TOKEN, and METRICS_ENABLED=false', () => {
    const ranges = metricsAccessFromEnv({ METRICS_ALLOW: '10.20.0.0/16, 192.168.1.7' });
    expect(metricsAllowed(ranges, '10.20.3.4', undefined)).toBe(true);
    expect(metricsAllowed(ranges, '10.21.3.4', undefined)).toBe(false);
    expect(metricsAllowed(ranges, '192.168.1.7', undefined)).toBe(true);
    expect(metricsAllowed(ranges, '127.0.0.1', undefined)).toBe(false);

    const token = metricsAccessFromEnv({ METRICS_ALLOW: '*', METRICS_TOKEN: 's3creto' });
    expect(metricsAllowed(token, '203.0.113.9', 'Bearer s3creto')).toBe(true);
    expect(metricsAllowed(token, '203.0.113.9', 'Bearer otro')).toBe(false);
    expect(metricsAllowed(token, '203.0.113.9', undefined)).toBe(false);

    expect(metricsAllowed(metricsAccessFromEnv({ METRICS_ENABLED: 'false' }), '127.0.0.1', undefined)).toBe(false);
    expect(() => metricsAccessFromEnv({ METRICS_ALLOW: 'prometheus.interno' })).toThrow(/METRICS_ALLOW/);
    expect(() => metricsAccessFromEnv({ METRICS_ALLOW: '10.0.0.0/33' })).toThrow(/METRICS_ALLOW/);
  });
});

describe(startMetricsServer.name, () => {
  it('serves GET /metrics in Prometheus text and nothing else; refused callers get 404', async () => {
    const open = await startMetricsServer(0, '127.0.0.1', metricsAccessFromEnv({}));
    const closed = await startMetricsServer(0, '127.0.0.1', metricsAccessFromEnv({ METRICS_ALLOW: '10.0.0.0/8' }));
    try {
      const base = `http://127.0.0.1:${(open.address() as AddressInfo).port}`;
      const res = await fetch(`${base}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/plain; version=0.0.4');
      const text = await res.text();
      expect(text).toContain('# TYPE sej_activity_duration_seconds histogram');
      expect(text).toContain('# TYPE process_cpu_seconds_total counter');
      expect((await fetch(`${base}/otra`)).status).toBe(404);
      expect((await fetch(`${base}/metrics`, { method: 'POST' })).status).toBe(404);
      expect((await fetch(`http://127.0.0.1:${(closed.address() as AddressInfo).port}/metrics`)).status).toBe(404);
    } finally {
      open.close();
      closed.close();
    }
  });
});
