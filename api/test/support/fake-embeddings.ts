// A stand-in OpenAI-compatible embeddings server on loopback: answers POST /v1/embeddings with the
// echo embedding of each input (so searches rank like the echo provider), and records every
// request so tests can check what the API sent. It can also be told to fail.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { echoEmbedding } from '@lmo/contracts';

/** One request the server received. */
export interface EmbeddingsRequest {
  readonly authorization: string | undefined;
  readonly body: { model: string; input: string[]; dimensions?: number; encoding_format?: string };
}

/** The running server. */
export interface FakeEmbeddings {
  readonly baseUrl: string;
  readonly requests: EmbeddingsRequest[];
  /** Answer every request with this status (and an OpenAI error body) until cleared. */
  failWith: number | undefined;
  /** Answer vectors of this width instead of the requested one. */
  dimensions: number | undefined;
  close(): Promise<void>;
}

/** Starts the server on 127.0.0.1 and an ephemeral port. */
export async function startFakeEmbeddings(): Promise<FakeEmbeddings> {
  const fake: Omit<FakeEmbeddings, 'baseUrl' | 'close'> = {
    requests: [],
    failWith: undefined,
    dimensions: undefined,
  };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as EmbeddingsRequest['body'];
      fake.requests.push({ authorization: request.headers.authorization, body });
      response.setHeader('content-type', 'application/json');
      if (fake.failWith !== undefined) {
        response.statusCode = fake.failWith;
        response.end(
          JSON.stringify({ error: { message: 'Incorrect API key provided: sk-sec***', type: 'x' } }),
        );
        return;
      }
      const width = fake.dimensions ?? body.dimensions ?? 1536;
      response.end(
        JSON.stringify({
          object: 'list',
          model: body.model,
          data: body.input.map((text, index) => ({
            object: 'embedding',
            index,
            embedding: echoEmbedding(text, width),
          })),
          usage: { prompt_tokens: body.input.length, total_tokens: body.input.length },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    baseUrl: `http://127.0.0.1:${String(port)}/v1`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => {
          if (error === undefined) resolve();
          else reject(error);
        });
      }),
  });
}
