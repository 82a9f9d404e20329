// Streamed answers: the time to the first token of an SSE answer (the runtime's `event: delta`,
// the provider's first `chat.completion.chunk` that carries content), and streams held open.
import type { Pool } from 'undici';
import type { LoadRequest, Sender } from './load-generator.ts';

/** The runtime's first text event on `/v1/stream`. */
export const RUNTIME_DELTA = 'event: delta';

/** An OpenAI stream chunk with text (the role chunk before it has `"role"` first, so it never matches). */
export const PROVIDER_CONTENT = '"delta":{"content":"';

/**
 * A sender that reads an SSE answer to its end and reports, as the request's latency, the time
 * until `marker` first appeared in the body (a failure when it never did).
 */
export function firstTokenSender(marker: string): Sender {
  return async (pool, request) => {
    const started = performance.now();
    let firstMs: number | undefined;
    let text = '';
    try {
      const response = await pool.request({
        method: 'POST',
        path: request.path,
        headers: request.headers,
        body: request.body,
      });
      for await (const chunk of response.body) {
        text += (chunk as Buffer).toString('utf8');
        if (firstMs === undefined && text.includes(marker)) firstMs = performance.now() - started;
      }
      if (response.statusCode !== 200 || firstMs === undefined)
        return { outcome: String(response.statusCode), body: text };
      return { outcome: undefined, body: '', ms: firstMs };
    } catch (error) {
      return { outcome: 'error', body: error instanceof Error ? error.message : String(error) };
    }
  };
}

/** A stream held open after its first token. */
export interface HeldStream {
  /** Cuts it (the client goes away). */
  close(): void;
}

/** Opens a stream and resolves once `marker` arrived; the stream stays open until `close()`. */
export async function holdStream(pool: Pool, request: LoadRequest, marker: string): Promise<HeldStream> {
  const controller = new AbortController();
  const response = await pool.request({
    method: 'POST',
    path: request.path,
    headers: request.headers,
    body: request.body,
    signal: controller.signal,
  });
  if (response.statusCode !== 200)
    throw new Error(`stream answered ${String(response.statusCode)}: ${await response.body.text()}`);
  // Read on (the provider hangs, so nothing more comes) until `close()`: a body left unread or
  // destroyed would end the request, and the runtime would rightly cancel the stream.
  let text = '';
  await new Promise<void>((resolve, reject) => {
    response.body.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      if (text.includes(marker)) resolve();
    });
    response.body.on('error', () => undefined);
    response.body.once('end', () => {
      reject(new Error(`the stream ended before ${marker}: ${text.slice(0, 200)}`));
    });
  });
  return {
    close: () => {
      controller.abort();
    },
  };
}
