// Runs every benchmark suite in bench/ (files named *.bench.ts) and writes
// each one's figures to bench/results/<suite>.json, with the machine they
// ran on, so numbers are compared like for like.
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { Bench } from 'tinybench';

/** A benchmark suite: adds its tasks to the bench it is given. */
export type Suite = (bench: Bench) => void | Promise<void>;

const dir = import.meta.dirname;
const only = process.argv[2];

async function main(): Promise<void> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)));
  await mkdir(join(dir, 'results'), { recursive: true });
  for (const file of files) {
    const suite = (await import(join(dir, file))) as { default: Suite };
    const bench = new Bench({ time: 1000, warmupTime: 200 });
    await suite.default(bench);
    await bench.run();
    const name = file.replace(/\.bench\.ts$/, '');
    const tasks = bench.tasks.map((task) => {
      const r = task.result;
      const ok = r.state === 'completed';
      return {
        name: task.name,
        opsPerSecond: ok ? Math.round(r.throughput.mean) : null,
        meanMicroseconds: ok ? Number((r.latency.mean * 1000).toFixed(3)) : null,
        p99Microseconds: ok ? Number((r.latency.p99 * 1000).toFixed(3)) : null,
        samples: ok ? r.latency.samplesCount : 0,
      };
    });
    const machine = {
      node: process.version,
      cpus: availableParallelism(),
      cpu: cpus()[0]?.model,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
    };
    const out = join(dir, 'results', `${name}.json`);
    await writeFile(
      out,
      `${JSON.stringify({ suite: name, date: new Date().toISOString(), machine, tasks }, null, 2)}\n`,
    );
    console.table(tasks);
    console.log(`bench: wrote ${out}`);
  }
}

await main();
