import { spawnJsonChild } from './child.ts';
import { startRuntimeChild } from './runtime-child.ts';
import { prepareServices } from './services.ts';
import { closedLoop, createPool } from './load-generator.ts';
import { providerAnswered, providerChat, restAnswered, restQuery, mcpAsk, mcpAnswered } from './wire.ts';
const runId = Date.now().toString(36);
const services = await prepareServices(runId);
const { child: prov, ready } = await spawnJsonChild<{ url: string }>('bench/mcp-runtime/provider-process.ts', []);
const rt = await startRuntimeChild({ providerUrl: ready.url, services, logFile: '/tmp/bench-rt.log' });
const pd = createPool(new URL(ready.url).origin, 200), pr = createPool(rt.origin, 200);
const w = { durationMs: 5000, warmupMs: 1000 };
const p = (i: number) => `bench ${runId} ${i}`;
for (const c of [1, 4]) {
console.log(c, 'direct', (await closedLoop(pd, (i) => providerChat(p(i)), { ...w, concurrency: c, check: providerAnswered })).latency);
console.log(c, 'rest', (await closedLoop(pr, (i) => restQuery(rt.path, rt.key, p(i)), { ...w, concurrency: c, check: restAnswered })).latency);
console.log(c, 'mcp', (await closedLoop(pr, (i) => mcpAsk(`${rt.path}mcp`, rt.key, i, p(i)), { ...w, concurrency: c, check: mcpAnswered })).latency);
}
await pd.close(); await pr.close(); await rt.stop(); await prov.stop(); await services.close();
