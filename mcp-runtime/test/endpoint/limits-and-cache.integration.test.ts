// Limits, cache and cancellation through a real runtime: the request rate limit and the monthly
// token quota shared by two runtime processes over the harness's Redis; exact-match cache hits
// served without the provider; a client that goes away cancels the provider call.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { harnessEnv } from '@lmo/harness';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../support/fake-openai-server.ts';
import { eventually, initializeBody, post, rpcHeaders } from '../support/http.ts';
import { startTestRuntime, type TestRuntime } from '../support/runtime-fixture.ts';
import { startRuntimeProcess, type RuntimeProcess } from '../support/runtime-process.ts';
import { makeTenantFiles, uniqueTenant } from '../support/tenant-files.ts';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
}, 90_000);

function query(base: string, key: string, body: Record<string, unknown>): Promise<Response> {
  return post(new URL('v1/query', base), body, {
    'content-type': 'application/json',
    authorization: `Bearer ${key}`,
  });
}

async function twoReplicas(
  spec: Record<string, unknown>,
): Promise<{ one: TestRuntime; two: RuntimeProcess; twoBase: string }> {
  const tenant = await makeTenantFiles(uniqueTenant('lim'), spec);
  const one = await startTestRuntime({ tenant });
  const two = await startRuntimeProcess({ config: tenant.dir, 'redis-url': harnessEnv('REDIS_URL') });
  cleanups.push(async () => {
    await Promise.all([one.stop(), two.stop()]);
    await tenant.remove();
  });
  return { one, two, twoBase: `http://127.0.0.1:${String(two.port)}/t/${tenant.name}/` };
}

describe('limits shared by two runtime processes', () => {
  it('refuses the request past the per-minute limit with 429, Retry-After and RateLimit headers', async () => {
    const { one, twoBase } = await twoReplicas({ limits: { requestsPerMinute: 4 } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const response = await query(i % 2 === 0 ? one.base : twoBase, one.key, { prompt: `hi ${String(i)}` });
      statuses.push(response.status);
      expect(response.headers.get('ratelimit-limit')).toBe('4');
    }
    expect(statuses).toEqual([200, 200, 200, 200]);
    const refused = await query(twoBase, one.key, { prompt: 'one too many' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('LMO_RATE_LIMITED');
  }, 60_000);

  it('sends the RateLimit headers on MCP answers and REST streams too, whose transports write the raw response', async () => {
    const tenant = await makeTenantFiles(uniqueTenant('rlh'), { limits: { requestsPerMinute: 7 } });
    const runtime = await startTestRuntime({ tenant });
    cleanups.push(async () => {
      await runtime.stop();
      await tenant.remove();
    });
    const answer = await post(runtime.mcpUrl, initializeBody(), rpcHeaders(runtime.key));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('ratelimit-limit')).toBe('7');
    expect(Number(answer.headers.get('ratelimit-remaining'))).toBeLessThan(7);
    expect(answer.headers.get('mcp-session-id')).toBeTruthy();
    const stream = await post(new URL('v1/stream', runtime.base), { prompt: 'hi' }, rpcHeaders(runtime.key));
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    expect(stream.headers.get('ratelimit-limit')).toBe('7');
    expect(await stream.text()).toContain('event: usage');
  }, 60_000);

  it('refuses calls once the month’s tokens are used, on every replica, before the provider', async () => {
    const { one, twoBase } = await twoReplicas({ limits: { tokensPerMonth: 30 } });
    let used = 0;
    for (let i = 0; i < 20 && used < 30; i++) {
      const response = await query(i % 2 === 0 ? one.base : twoBase, one.key, {
        prompt: 'count my tokens please',
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { usage: { tokensIn: number; tokensOut: number } };
      used += body.usage.tokensIn + body.usage.tokensOut;
    }
    for (const base of [one.base, twoBase]) {
      const refused = await query(base, one.key, { prompt: 'more' });
      expect(refused.status).toBe(402);
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('LMO_QUOTA_EXCEEDED');
    }
  }, 60_000);
});

describe('the response cache and cancellation (an OpenAI-compatible provider)', () => {
  let provider: FakeOpenAiServer;
  let rt: TestRuntime;

  it('serves a repeated deterministic request from the cache without calling the provider', async () => {
    provider = await startFakeOpenAiServer({ reply: 'cached answer' });
    cleanups.push(() => provider.close());
    rt = await startTestRuntime({
      spec: {
        model: { provider: 'openai-compatible', model: 'llama-3', baseUrl: provider.url, temperature: 0 },
      },
    });
    cleanups.push(() => rt.stop());
    const first = (await (await query(rt.base, rt.key, { prompt: 'same question' })).json()) as Record<
      string,
      unknown
    >;
    const second = (await (await query(rt.base, rt.key, { prompt: 'same question' })).json()) as Record<
      string,
      unknown
    >;
    expect(first['answer']).toBe('cached answer');
    expect(first['cached']).toBe(false);
    expect(second['answer']).toBe('cached answer');
    expect(second['cached']).toBe(true);
    expect(provider.requests.filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(1);
    // Warmer: a different question misses.
    await query(rt.base, rt.key, { prompt: 'another question' });
    expect(provider.requests.filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(2);
    // The client's token never reaches the provider; the provider gets none (no key configured).
    expect(provider.requests.every((r) => !(r.authorization ?? '').includes(rt.key))).toBe(true);
    const metrics = await (await fetch(`http://127.0.0.1:${String(rt.runtime.metricsPort)}/metrics`)).text();
    expect(metrics).toMatch(
      new RegExp(`lmo_cache_hits_total\\{tenant="${rt.tenant.name}",model="llama-3"\\} 1`),
    );
    expect(metrics).toMatch(
      new RegExp(`lmo_cache_misses_total\\{tenant="${rt.tenant.name}",model="llama-3"\\} 2`),
    );
  }, 30_000);

  it('cancels the provider call when the client goes away mid-stream', async () => {
    provider.configure({ hang: 'mid-stream' });
    const controller = new AbortController();
    const response = await fetch(new URL('v1/stream', rt.base), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${rt.key}` },
      body: JSON.stringify({ prompt: 'a long story', temperature: 0.5 }),
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toContain('event: delta');
    controller.abort();
    const aborted = await provider.clientAborted();
    expect(aborted.abortedAt).toBeDefined();
    const events = join(rt.tenant.dir, 'usage-events.jsonl');
    await eventually('a cancelled usage event', async () =>
      (await readFile(events, 'utf8').catch(() => '')).includes('"status":"cancelled"'),
    );
  }, 30_000);
});
