// Child entry: the fake OpenAI server of the runtime's tests as a process of its own, the "local
// provider" every measurement calls. `--options '<json>'` sets its knobs (chunkDelayMs, hang,
// reply, ...). Prints `{"url": "http://127.0.0.1:<port>/v1"}` once listening; stops on SIGTERM.
import { parseArgs } from 'node:util';
import {
  startFakeOpenAiServer,
  type FakeOpenAiOptions,
  type FakeRequest,
} from '../../mcp-runtime/test/support/fake-openai-server.ts';

const { values } = parseArgs({ options: { options: { type: 'string', default: '{}' } } });
const server = await startFakeOpenAiServer(JSON.parse(values.options) as FakeOpenAiOptions);

// The fake server records every request for tests; a benchmark sends millions, so the record is
// cleared now and then (nothing here reads it).
const forget = setInterval(() => {
  (server.requests as FakeRequest[]).length = 0;
}, 2000);

process.once('SIGTERM', () => {
  clearInterval(forget);
  void server.close().then(() => process.exit(0));
});
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
