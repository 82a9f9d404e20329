import { spawnJsonChild } from './child.ts';
import { startRuntimeChild } from './runtime-child.ts';
import { prepareServices } from './services.ts';
import { closedLoop, createPool } from './load-generator.ts';
import { mcpAnswered, mcpAsk, restAnswered, restQuery } from './wire.ts';
import { processUsage } from '../operator-scale/proc-usage.ts';
const runId = Date.now().toString(36);
const services = await prepareServices(runId);
const { child: prov, ready } = await spawnJsonChild<{ url: string }>('bench/mcp-runtime/provider-process.ts', []);
const rt = await startRuntimeChild({ providerUrl: ready.url, services, logFile: '/tmp/bench-rt.log', cpuProfileDir: '/tmp/lmo-prof' });
const pr = createPool(rt.origin, 200);
const w = { durationMs: 8000, warmupMs: 1000 };
const p = (i: number) => `bench ${runId} ${i}`;
const mode = process.argv[2];
const c0 = processUsage(rt.child.pid).cpuSeconds, p0 = processUsage(prov.pid).cpuSeconds;
const r = mode === 'mcp' ? await closedLoop(pr, (i) => mcpAsk(`${rt.path}mcp`, rt.key, i, p(i)), { ...w, concurrency: 200, check: mcpAnswered })
 : await closedLoop(pr, (i) => restQuery(rt.path, rt.key, p(i)), { ...w, concurrency: Number(process.argv[3] ?? 200), check: restAnswered });
console.log(r.requestsPerSecond, r.latency, 'rt cpu', processUsage(rt.child.pid).cpuSeconds - c0, 'prov cpu', processUsage(prov.pid).cpuSeconds - p0);
await pr.close(); await rt.stop(); await prov.stop(); await services.close();
