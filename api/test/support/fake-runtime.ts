// A stand-in for mcp-runtime's main.ts in supervisor tests: takes the same flags, answers /readyz
// on --port, and misbehaves as FAKE_RUNTIME_MODE asks: `crash` exits 1 soon after starting,
// `ignore-sigterm` keeps running on SIGTERM (so only SIGKILL stops it), anything else behaves.
import { createServer } from 'node:http';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => args[args.indexOf(`--${name}`) + 1];
const mode = process.env['FAKE_RUNTIME_MODE'] ?? 'ok';

const server = createServer((request, response) => {
  response.writeHead(request.url === '/readyz' ? 200 : 404).end();
});
server.listen(Number(flag('port')), '127.0.0.1');
process.stdout.write(`fake runtime ${mode} on ${flag('port') ?? '?'} for ${flag('config') ?? '?'}\n`);

if (mode === 'crash') setTimeout(() => process.exit(1), 100);
if (mode === 'ignore-sigterm') {
  process.on('SIGTERM', () => {
    process.stdout.write('ignoring SIGTERM\n');
  });
} else {
  process.on('SIGTERM', () => {
    server.close();
    process.exit(0);
  });
}
