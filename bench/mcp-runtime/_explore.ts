import { spawnJsonChild } from './child.ts';
import { startRuntimeChild } from './runtime-child.ts';
import { prepareServices } from './services.ts';
import { closedLoop, createPool, openLoop } from './load-generator.ts';
import { mcpAnswered, mcpAsk, providerAnswered, providerChat, restAnswered, restQuery } from './wire.ts';
const runId = Date.now().toString(36);
const services = await prepareServices(runId);
const { child: prov, ready } = await spawnJsonChild<{ url: string }>('bench/mcp-runtime/provider-process.ts', []);
const rt = await startRuntimeChild({ providerUrl: ready.url, services, logFile: '/tmp/bench-rt.log' });
const { child: bare, ready: bareReady } = await spawnJsonChild<{ port: number }>('bench/mcp-runtime/bare-mcp-server.ts', ['--provider-url', ready.url]);
const provOrigin = new URL(ready.url).origin;
const pd = createPool(provOrigin, 200), pr = createPool(rt.origin, 200), pb = createPool(`http://127.0.0.1:${bareReady.port}`, 200);
const w = { durationMs: Number(process.argv[2] ?? 5000), warmupMs: 1000 };
const p = (i: number) => `bench ${runId} ${i}`;
const mode = process.argv[3] ?? 'closed';
const rates = [50, 100, 200];
if (mode === 'closed') {
  console.log('direct', await closedLoop(pd, (i) => providerChat(p(i)), { ...w, concurrency: 200, check: providerAnswered }));
  console.log('rest', await closedLoop(pr, (i) => restQuery(rt.path, rt.key, p(i)), { ...w, concurrency: 200, check: restAnswered }));
  console.log('mcp', await closedLoop(pr, (i) => mcpAsk(`${rt.path}mcp`, rt.key, i, p(i)), { ...w, concurrency: 200, check: mcpAnswered }));
  console.log('bare', await closedLoop(pb, (i) => mcpAsk('/mcp', undefined, i, p(i)), { ...w, concurrency: 200, check: mcpAnswered }));
} else {
  for (const rate of rates) {
    console.log(rate, 'direct', (await openLoop(pd, (i) => providerChat(p(i)), { ...w, rate, check: providerAnswered })));
    console.log(rate, 'rest', (await openLoop(pr, (i) => restQuery(rt.path, rt.key, p(i)), { ...w, rate, check: restAnswered })));
  }
}
console.log('events', await services.countEvents());
await Promise.all([pd.close(), pr.close(), pb.close()]);
await rt.stop(); await prov.stop(); await bare.stop(); await services.close();
