import { createServer } from 'node:http';
import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';
import { toNodeHandler } from '@modelcontextprotocol/node';
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { z } from 'zod';
const handler = toNodeHandler(createMcpHandler(() => {
  const s = new McpServer({ name: 'bare', version: '1' });
  s.registerTool('ask', { inputSchema: z.object({ prompt: z.string() }) }, async (a) => ({ content: [{ type: 'text', text: a.prompt }] }));
  return s;
}, { legacy: 'reject' }));
const server = createServer(async (req, res) => {
  const chunks: Buffer[] = []; for await (const c of req) chunks.push(c as Buffer);
  const body = Buffer.concat(chunks).toString();
  console.log('REQ', req.method, req.url, JSON.stringify(req.headers), body);
  const w = res.write.bind(res); res.write = ((c: unknown) => { console.log('WRITE', String(c)); return w(c as string); }) as typeof res.write; const wh = res.writeHead.bind(res); res.writeHead = ((...a: unknown[]) => { console.log('HEAD', JSON.stringify(a)); return (wh as (...x: unknown[]) => typeof res)(...a); }) as typeof res.writeHead;
  const origWrite = res.end.bind(res);
  res.end = ((c: unknown) => { console.log('RES', res.statusCode, JSON.stringify(res.getHeaders()), String(c ?? '')); return origWrite(c as string); }) as typeof res.end;
  await handler(req as never, res, JSON.parse(body || 'null'));
});
server.listen(0, '127.0.0.1', async () => {
  const port = (server.address() as { port: number }).port;
  const client = new Client({ name: 'cap', version: '1' }, { versionNegotiation: { mode: { pin: '2026-07-28' } } });
  await client.connect(new StreamableHTTPClientTransport(new URL(`http://127.0.0.1:${port}/mcp`)));
  const r = await client.callTool({ name: 'ask', arguments: { prompt: 'hi' } });
  console.log('RESULT', JSON.stringify(r));
  await client.close(); server.close();
});
