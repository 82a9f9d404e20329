// `make dev` end to end: `node api/src/dev.ts` started as a person starts it (a fresh data
// directory, any free port), its printed curl run through the API's /t/<tenant>/ proxy, an MCP
// tools/call over Streamable HTTP and over WebSocket with the v2 client, a key created through the
// API working within seconds, a crashed runtime restarted, a suspended tenant refused, and Ctrl-C
// (SIGINT) stopping everything with exit code 0 and no runtime process left behind.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import {
  Client,
  StreamableHTTPClientTransport,
  type JSONRPCMessage,
  type Transport,
} from '@modelcontextprotocol/client';
import { WebSocket } from 'ws';

jest.setTimeout(60_000);

const DEV = fileURLToPath(new URL('../src/dev.ts', import.meta.url));

interface Printed {
  url: string;
  password: string;
  apiKey: string;
}

function parseBanner(output: string): Printed {
  const url = /^\s*URL\s+(http:\/\/\S+)/m.exec(output)?.[1];
  const password = /Admin login\s+\S+\s+password: (\S+)/.exec(output)?.[1];
  const apiKey = /Authorization: Bearer (lmo_[A-Za-z0-9_-]+)/.exec(output)?.[1];
  if (url === undefined || password === undefined || apiKey === undefined) {
    throw new Error(`make dev printed no URL, password or key:\n${output}`);
  }
  return { url, password, apiKey };
}

/** The child processes of `pid` (the runtimes the supervisor started). */
function childrenOf(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map((line) => Number(line.trim()))
      .filter((child) => child > 0);
  } catch {
    return []; // ps exits 1 when there are none
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function eventually<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** One JSON-RPC message per text frame, with the API key on the upgrade request. */
class WsTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  readonly #socket: WebSocket;

  constructor(url: string, apiKey: string) {
    this.#socket = new WebSocket(url, 'mcp', { headers: { authorization: `Bearer ${apiKey}` } });
  }

  start(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#socket.once('open', () => {
        resolve();
      });
      this.#socket.once('unexpected-response', (_request, response) => {
        reject(new Error(`upgrade refused: ${String(response.statusCode)}`));
      });
      this.#socket.once('error', reject);
      this.#socket.on('message', (data: Buffer) => {
        this.onmessage?.(JSON.parse(data.toString('utf8')) as JSONRPCMessage);
      });
      this.#socket.on('close', () => this.onclose?.());
    });
  }

  send(message: JSONRPCMessage): Promise<void> {
    this.#socket.send(JSON.stringify(message));
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.#socket.close();
    return Promise.resolve();
  }
}

const askText = (result: Awaited<ReturnType<Client['callTool']>>): string =>
  (result.content as { type: string; text?: string }[]).map((part) => part.text ?? '').join('');

describe('make dev (node api/src/dev.ts)', () => {
  let dataDir: string;
  let dev: ChildProcess;
  let output = '';
  let exit: Promise<number | null>;
  let printed: Printed;
  let session: { cookie: string; csrf: string };

  const query = (apiKey: string, prompt: string): Promise<Response> =>
    fetch(`${printed.url}/t/demo/v1/query`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ prompt }),
    });

  const api = async (method: string, path: string, body?: unknown): Promise<Record<string, unknown>> => {
    const response = await fetch(`${printed.url}${path}`, {
      method,
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.csrf,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await response.json()) as Record<string, unknown>;
    if (!response.ok)
      throw new Error(`${method} ${path}: ${String(response.status)} ${JSON.stringify(json)}`);
    return json;
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'lmo-dev-'));
    // The harness's DATABASE_URL, KAFKA_BROKERS, ... stay in the environment: make dev ignores them.
    dev = spawn(process.execPath, [DEV, '--data-dir', dataDir, '--port', '0'], {
      env: { ...process.env, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    exit = new Promise((resolve) => {
      dev.once('exit', (code) => {
        resolve(code);
      });
    });
    dev.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    dev.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    await eventually(
      () => Promise.resolve(output.includes('Press Ctrl-C') ? true : undefined),
      90_000,
      'the banner',
    );
    printed = parseBanner(output);
    const login = await fetch(`${printed.url}/v1/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@lmo.localhost', password: printed.password }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    session = { cookie, csrf: ((await login.json()) as { csrfToken: string }).csrfToken };
  }, 120_000);

  afterAll(async () => {
    if (dev.exitCode === null && dev.signalCode === null) {
      for (const pid of childrenOf(dev.pid ?? 0)) process.kill(pid, 'SIGKILL');
      dev.kill('SIGKILL');
      await exit;
    }
    await rm(dataDir, { recursive: true, force: true });
  }, 30_000);

  it('prints progress, the URL, the admin login, a curl and an MCP client configuration', () => {
    expect(output).toContain('✓ API listening on');
    expect(output).toContain('✓ demo runtime ready');
    expect(output).toContain(`curl -sS ${printed.url}/t/demo/v1/query`);
    const config = /(\{\n\s+"mcpServers"[\s\S]+?\n {2}\})/.exec(output)?.[1];
    expect(JSON.parse(config ?? '{}')).toEqual({
      mcpServers: {
        'lmo-demo': {
          type: 'http',
          url: `${printed.url}/t/demo/mcp`,
          headers: { Authorization: `Bearer ${printed.apiKey}` },
        },
      },
    });
  });

  it('answers the printed curl through the proxy with the echo provider', async () => {
    const response = await query(printed.apiKey, 'Hello from make dev');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { answer: string; model: string };
    expect(body.model).toBe('echo-1');
    expect(body.answer).toContain('Hello from make dev');
  });

  it('streams SSE through the proxy', async () => {
    const response = await fetch(`${printed.url}/t/demo/v1/stream`, {
      method: 'POST',
      headers: { authorization: `Bearer ${printed.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'streamed words' }),
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const text = await response.text();
    expect(text).toContain('event: delta');
    expect(text).toContain('event: usage');
  });

  it('serves MCP tools/call ask over Streamable HTTP with the v2 client', async () => {
    const client = new Client({ name: 'make-dev-test', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(`${printed.url}/t/demo/mcp`), {
        requestInit: { headers: { authorization: `Bearer ${printed.apiKey}` } },
      }),
    );
    try {
      const result = await client.callTool({ name: 'ask', arguments: { prompt: 'over streamable http' } });
      expect(result.isError).not.toBe(true);
      expect(askText(result)).toContain('over streamable http');
    } finally {
      await client.close();
    }
  });

  it('proxies WebSocket upgrades: MCP over /t/demo/ws', async () => {
    const client = new Client({ name: 'make-dev-ws', version: '1.0.0' });
    await client.connect(new WsTransport(`${printed.url.replace('http:', 'ws:')}/t/demo/ws`, printed.apiKey));
    try {
      const result = await client.callTool({ name: 'ask', arguments: { prompt: 'over a websocket' } });
      expect(askText(result)).toContain('over a websocket');
    } finally {
      await client.close();
    }
  });

  it('answers 404 LMO_NOT_FOUND for a tenant that does not exist', async () => {
    const response = await fetch(`${printed.url}/t/nobody/v1/query`, { method: 'POST' });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('LMO_NOT_FOUND');
  });

  it('shows the supervisor status with the conditions the operator writes', async () => {
    const tenant = await eventually(
      async () => {
        const view = await api('GET', '/v1/tenants/demo');
        const status = view['status'] as { phase: string; observedGeneration?: number };
        return status.phase === 'Ready' ? view : undefined;
      },
      10_000,
      'phase Ready',
    );
    const status = tenant['status'] as {
      observedGeneration: number;
      endpoint: string;
      conditions: { type: string; status: string; reason: string }[];
    };
    expect(status.observedGeneration).toBe(tenant['generation']);
    expect(status.endpoint).toBe(`${printed.url}/t/demo/mcp`);
    expect(Object.fromEntries(status.conditions.map((c) => [c.type, [c.status, c.reason]]))).toEqual({
      Ready: ['True', 'Reconciled'],
      NamespaceReady: ['True', 'NamespaceCreated'],
      RuntimeReady: ['True', 'DeploymentAvailable'],
      Suspended: ['False', 'Reconciled'],
      Degraded: ['False', 'Reconciled'],
    });
  });

  it('accepts a key created through the API within seconds', async () => {
    const created = await api('POST', '/v1/tenants/demo/api-keys', { name: 'integration test' });
    const key = created['key'] as string;
    const started = Date.now();
    await eventually(
      async () => ((await query(key, 'new key')).status === 200 ? true : undefined),
      10_000,
      'key',
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('runs a tenant created through the API within seconds, and stops it when it is deleted', async () => {
    await api('POST', '/v1/tenants', { name: 'acme', displayName: 'Acme' });
    const { key } = (await api('POST', '/v1/tenants/acme/api-keys', { name: 'app' })) as { key: string };
    const ask = (): Promise<Response> =>
      fetch(`${printed.url}/t/acme/v1/query`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ prompt: 'a new tenant' }),
      });
    await eventually(async () => ((await ask()).status === 200 ? true : undefined), 30_000, 'acme serving');
    expect(childrenOf(dev.pid ?? 0)).toHaveLength(2);
    const response = await fetch(`${printed.url}/v1/tenants/acme`, {
      method: 'DELETE',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
    });
    expect(response.status).toBe(204);
    // Its keys stop working at once (revoked before the delete returns); the endpoint goes once the
    // supervisor has stopped the runtime.
    expect([401, 404]).toContain((await ask()).status);
    await eventually(async () => ((await ask()).status === 404 ? true : undefined), 15_000, 'acme 404');
    await eventually(
      () => Promise.resolve(childrenOf(dev.pid ?? 0).length === 1 ? true : undefined),
      15_000,
      'the acme runtime stopped',
    );
  });

  it('restarts a runtime that crashed', async () => {
    const [runtime] = childrenOf(dev.pid ?? 0);
    expect(runtime).toBeDefined();
    process.kill(runtime!, 'SIGKILL');
    await eventually(
      async () => {
        const [next] = childrenOf(dev.pid ?? 0);
        if (next === undefined || next === runtime) return undefined;
        return (await query(printed.apiKey, 'after a crash')).status === 200 ? true : undefined;
      },
      20_000,
      'a restarted runtime',
    );
  });

  it('refuses a suspended tenant (HTTP and WebSocket) and serves it again once resumed', async () => {
    await api('POST', '/v1/tenants/demo/suspend');
    const refused = await eventually(
      async () => {
        const response = await query(printed.apiKey, 'while suspended');
        return response.status === 403 ? ((await response.json()) as { error: { code: string } }) : undefined;
      },
      10_000,
      'a refusal',
    );
    expect(refused.error.code).toBe('LMO_TENANT_SUSPENDED');
    await expect(
      new WsTransport(`${printed.url.replace('http:', 'ws:')}/t/demo/ws`, printed.apiKey).start(),
    ).rejects.toThrow('upgrade refused: 403');
    await eventually(
      () => Promise.resolve(childrenOf(dev.pid ?? 0).length === 0 ? true : undefined),
      15_000,
      'no runtime',
    );
    const view = await api('GET', '/v1/tenants/demo');
    expect((view['status'] as { phase: string }).phase).toBe('Suspended');

    await api('POST', '/v1/tenants/demo/resume');
    await eventually(
      async () => ((await query(printed.apiKey, 'resumed')).status === 200 ? true : undefined),
      20_000,
      'the resumed tenant',
    );
  });

  it('stops everything on SIGINT with exit code 0, leaving no runtime process', async () => {
    const runtimes = childrenOf(dev.pid ?? 0);
    expect(runtimes.length).toBe(1);
    dev.kill('SIGINT');
    expect(await exit).toBe(0);
    expect(output).toContain('Stopped.');
    for (const pid of runtimes) expect(isRunning(pid)).toBe(false);
  }, 30_000);
});
