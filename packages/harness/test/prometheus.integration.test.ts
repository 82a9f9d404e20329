// Smoke: Prometheus scrapes a prom-client endpoint, and the value comes back
// through its HTTP query API — the path billing will read usage from.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from '@jest/globals';
import { Counter, Registry } from 'prom-client';
import { harnessEnv, registerScrapeTarget } from '../src/test-env.ts';

interface QueryResponse {
  status: string;
  data: { result: { metric: Record<string, string>; value: [number, string] }[] };
}

describe('Prometheus (prom-client scraped, HTTP API read)', () => {
  const registry = new Registry();
  const tokens = new Counter({
    name: 'lmo_smoke_tokens_total',
    help: 'Tokens counted by the smoke test.',
    labelNames: ['tenant'],
    registers: [registry],
  });
  const server: Server = createServer((_req, res) => {
    void registry.metrics().then((body) => {
      res.writeHead(200, { 'content-type': registry.contentType }).end(body);
    });
  });
  let unregister: (() => Promise<void>) | undefined;

  afterAll(async () => {
    await unregister?.();
    await new Promise((resolve) => server.close(resolve));
  });

  it('returns the scraped counter value through /api/v1/query', async () => {
    const tenant = `smoke-${process.pid}`;
    tokens.inc({ tenant }, 42);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    unregister = await registerScrapeTarget(tenant, `127.0.0.1:${port}`);

    const query = `lmo_smoke_tokens_total{tenant="${tenant}"}`;
    const url = `${harnessEnv('PROMETHEUS_URL')}/api/v1/query?query=${encodeURIComponent(query)}`;
    let result: QueryResponse['data']['result'] = [];
    const deadline = Date.now() + 30_000;
    while (result.length === 0 && Date.now() < deadline) {
      const response = (await (await fetch(url)).json()) as QueryResponse;
      result = response.data.result;
      if (result.length === 0) await new Promise((resolve) => setTimeout(resolve, 250));
    }

    expect(result).toHaveLength(1);
    expect(result[0]?.metric['tenant']).toBe(tenant);
    expect(Number(result[0]?.value[1])).toBe(42);
  }, 40_000);
});
