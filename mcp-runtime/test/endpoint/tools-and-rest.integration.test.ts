// What a tenant's endpoint offers, through a real runtime with the harness's Redis: the tools
// (ask with progress, chat with inline or server-kept history, embed, prompt tools, isError
// results), prompts with completion, the REST API (JSON and SSE), configuration reload, and the
// usage event and metrics each call leaves.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { parseUsageEvent } from '@lmo/contracts';
import { eventually, post } from '../support/http.ts';
import { startTestRuntime, type TestRuntime } from '../support/runtime-fixture.ts';

const SPEC = {
  model: { systemPrompt: 'Be brief.' },
  promptTemplates: [
    {
      name: 'translate',
      description: 'Translate a text',
      template: 'Translate into {{language}}: {{text}}',
      arguments: [
        { name: 'language', required: true },
        { name: 'text', required: true },
      ],
    },
  ],
};

let rt: TestRuntime;
let client: Client;

beforeAll(async () => {
  rt = await startTestRuntime({ spec: SPEC });
  client = new Client({ name: 'tools', version: '1.0.0' }, { versionNegotiation: { mode: 'legacy' } });
  await client.connect(
    new StreamableHTTPClientTransport(rt.mcpUrl, {
      requestInit: { headers: { authorization: `Bearer ${rt.key}` } },
    }),
  );
}, 30_000);

afterAll(async () => {
  await client.close();
  await rt.stop();
}, 30_000);

function text(result: unknown): string {
  return (result as { content: { text?: string }[] }).content[0]?.text ?? '';
}

describe('tools', () => {
  it('ask answers with structured content and streams progress to a client that asks', async () => {
    const progress: string[] = [];
    const result = await client.callTool(
      { name: 'ask', arguments: { prompt: 'stream me some words' } },
      { onprogress: (p) => progress.push(p.message ?? '') },
    );
    expect(text(result)).toContain('stream me some words');
    const structured = result.structuredContent as {
      usage: { tokensOut: number };
      model: string;
      requestId: string;
    };
    expect(structured.model).toBe('echo-1');
    expect(structured.usage.tokensOut).toBeGreaterThan(0);
    expect(progress.join('')).toBe(text(result));
  });

  it('answers unknown or mistyped tool arguments with an isError result naming the problem', async () => {
    const unknown = await client.callTool({ name: 'ask', arguments: { prompt: 'x', bogus: 1 } });
    expect(unknown.isError).toBe(true);
    expect(text(unknown)).toMatch(/bogus|unrecognized/i);
    const mistyped = await client.callTool({ name: 'ask', arguments: { prompt: 42 } });
    expect(mistyped.isError).toBe(true);
  });

  it('answers a call to a tool that does not exist with an error', async () => {
    const missing = await client
      .callTool({ name: 'no_such_tool', arguments: {} })
      .catch((error: unknown) => error);
    expect(missing instanceof Error || (missing as { isError?: boolean }).isError === true).toBe(true);
  });

  it('chat keeps a server-side conversation per key, and takes inline history too', async () => {
    await client.callTool({
      name: 'chat',
      arguments: { conversation: 'c1', messages: [{ role: 'user', content: 'first turn' }] },
    });
    const second = await client.callTool({
      name: 'chat',
      arguments: { conversation: 'c1', messages: [{ role: 'user', content: 'second turn' }] },
    });
    expect(text(second)).toContain('second turn');
    // The echo provider reports the conversation length in its token count: history was sent.
    const usage = (second.structuredContent as { usage: { tokensIn: number } }).usage;
    expect(usage.tokensIn).toBeGreaterThan(6);
    const inline = await client.callTool({
      name: 'chat',
      arguments: {
        context: {
          previousMessages: [
            { role: 'user', content: 'earlier' },
            { role: 'assistant', content: 'ok' },
          ],
        },
        messages: [{ role: 'user', content: 'now' }],
      },
    });
    expect(text(inline)).toContain('now');
  });

  it('chat refuses both kinds of history at once with an isError result the model can read', async () => {
    const result = await client.callTool({
      name: 'chat',
      arguments: {
        conversation: 'c2',
        context: { previousMessages: [] },
        messages: [{ role: 'user', content: 'x' }],
      },
    });
    expect(result.isError).toBe(true);
    expect(text(result)).toContain('LMO_TOOL_INPUT_INVALID');
  });

  it('embed returns 256-dimension echo vectors', async () => {
    const result = await client.callTool({ name: 'embed', arguments: { input: ['alpha beta', 'gamma'] } });
    const structured = result.structuredContent as { dimensions: number; vectors: number[][] };
    expect(structured.dimensions).toBe(256);
    expect(structured.vectors).toHaveLength(2);
  });

  it('runs a prompt template as a tool', async () => {
    const result = await client.callTool({
      name: 'prompt_translate',
      arguments: { language: 'French', text: 'cheese' },
    });
    expect(text(result)).toContain('Translate into French: cheese');
  });
});

describe('prompts and completion', () => {
  it('renders a template and completes its arguments from earlier values', async () => {
    const prompt = await client.getPrompt({
      name: 'translate',
      arguments: { language: 'German', text: 'bread' },
    });
    expect(JSON.stringify(prompt.messages)).toContain('Translate into German: bread');
    const completion = await client.complete({
      ref: { type: 'ref/prompt', name: 'translate' },
      argument: { name: 'language', value: 'Ge' },
    });
    expect(completion.completion.values).toContain('German');
  });
});

describe('the REST API', () => {
  const headers = (): Record<string, string> => ({
    'content-type': 'application/json',
    authorization: `Bearer ${rt.key}`,
  });

  it('answers /v1/query with JSON and usage, under the caller’s request id', async () => {
    const response = await post(
      new URL('v1/query', rt.base),
      { prompt: 'rest hello' },
      { ...headers(), 'x-request-id': 'req-rest-0001' },
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body['answer']).toContain('rest hello');
    expect(body['requestId']).toBe('req-rest-0001');
    const events = join(rt.tenant.dir, 'usage-events.jsonl');
    await eventually('the usage event', async () =>
      (await readFile(events, 'utf8')).includes('req-rest-0001'),
    );
    const line = (await readFile(events, 'utf8')).split('\n').find((l) => l.includes('req-rest-0001')) ?? '';
    const event = parseUsageEvent(line);
    expect(event.ok && event.value.transport).toBe('rest');
    expect(line).not.toContain('rest hello');
    expect(line).not.toContain(rt.key);
  });

  it('streams /v1/stream as delta events ending with a usage event', async () => {
    const response = await post(
      new URL('v1/stream', rt.base),
      { messages: [{ role: 'user', content: 'stream this' }] },
      headers(),
    );
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const body = await response.text();
    const events = [...body.matchAll(/event: (\w+)\ndata: (.*)\n\n/g)].map(
      (m) => [m[1], JSON.parse(m[2] ?? '{}')] as const,
    );
    expect(events.at(-1)?.[0]).toBe('usage');
    const streamed = events
      .filter(([e]) => e === 'delta')
      .map(([, d]) => (d as { text: string }).text)
      .join('');
    expect(streamed).toContain('stream this');
  });

  it('rejects unknown fields and bad types with LMO_VALIDATION_FAILED', async () => {
    for (const body of [{ prompt: 'x', extra: true }, { prompt: 42 }, {}, { prompt: 'x', temperature: 5 }]) {
      const response = await post(new URL('v1/query', rt.base), body, headers());
      expect(response.status).toBe(422);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'LMO_VALIDATION_FAILED',
      );
    }
  });
});

describe('configuration reload and metrics', () => {
  it('picks up a changed model within seconds, without a restart', async () => {
    await rt.tenant.writeSpec({ ...SPEC, model: { model: 'echo-2', provider: 'echo' } });
    await eventually('the new model', async () => {
      const response = await post(
        new URL('v1/query', rt.base),
        { prompt: 'which model?' },
        {
          'content-type': 'application/json',
          authorization: `Bearer ${rt.key}`,
        },
      );
      return ((await response.json()) as { model?: string }).model === 'echo-2';
    });
  });

  it('counts tokens per tenant and model on the metrics port, with no key or prompt in labels', async () => {
    const metrics = await (await fetch(`http://127.0.0.1:${String(rt.runtime.metricsPort)}/metrics`)).text();
    expect(metrics).toMatch(
      new RegExp(`lmo_tokens_total\\{tenant="${rt.tenant.name}",model="echo-1",direction="out"\\} \\d+`),
    );
    expect(metrics).toContain('lmo_request_duration_seconds_bucket');
    expect(metrics).not.toContain(rt.keyId);
    expect(metrics).not.toContain('stream me some words');
  });
});
