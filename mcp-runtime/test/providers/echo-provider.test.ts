import { describe, expect, it } from '@jest/globals';
import { ECHO_EMBEDDING_DIMENSIONS, ECHO_EMBEDDING_MODEL, echoEmbedding } from '@lmo/contracts';
import { EchoProvider, echoAnswer, echoDeltas } from '../../src/providers/echo-provider.ts';
import type { CompletionRequest } from '../../src/providers/llm-provider.ts';
import { countTokens } from '../../src/providers/token-count.ts';

function chat(overrides: Partial<CompletionRequest> = {}): CompletionRequest {
  return {
    model: 'echo-1',
    messages: [
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Hi there' },
      { role: 'assistant', content: 'Hello.' },
      { role: 'user', content: 'What is LMO?' },
    ],
    temperature: 0.7,
    maxTokens: 100,
    ...overrides,
  };
}

const cosine = (a: readonly number[], b: readonly number[]): number =>
  a.reduce((sum, value, i) => sum + value * (b[i] ?? 0), 0);

describe('countTokens', () => {
  it.each([
    ['', 0],
    ['Hello, world!', 4],
    ['naïve café 42', 3],
    ['echo-1', 3],
    ['  spaced   out  ', 2],
    ['👍 ok', 2],
  ])('counts %j as %i tokens', (text, tokens) => {
    expect(countTokens(text)).toBe(tokens);
  });
});

describe('EchoProvider, completions', () => {
  it('answers with a labelled echo of the last user message, deterministically', async () => {
    const provider = new EchoProvider();

    const first = await provider.complete(chat());
    const second = await provider.complete(chat());

    expect(first).toEqual({
      text: 'Echo (echo-1): What is LMO?',
      model: 'echo-1',
      usage: { tokensIn: 3 + 2 + 2 + 4, tokensOut: 11 },
      finishReason: 'stop',
    });
    expect(second).toEqual(first);
  });

  it('counts usage with the documented tokenizer', async () => {
    const completion = await new EchoProvider().complete(chat());

    const tokensIn = chat().messages.reduce((sum, message) => sum + countTokens(message.content), 0);
    expect(completion.usage).toEqual({ tokensIn, tokensOut: countTokens(completion.text) });
  });

  it('says so when there is no user message', () => {
    expect(echoAnswer(chat({ messages: [{ role: 'system', content: 'Be brief.' }] })).text).toBe(
      'Echo (echo-1): (no user message)',
    );
  });

  it('stops after maxTokens tokens with finish reason "length"', async () => {
    const completion = await new EchoProvider().complete(chat({ maxTokens: 8 }));

    expect(completion.text).toBe('Echo (echo-1): What');
    expect(completion.finishReason).toBe('length');
    expect(completion.usage.tokensOut).toBe(8);
  });

  it('streams word-sized deltas that add up to the answer', async () => {
    const deltas: string[] = [];

    const completion = await new EchoProvider().complete(chat(), (delta) => deltas.push(delta));

    expect(deltas).toEqual(['Echo ', '(echo-1): ', 'What ', 'is ', 'LMO?']);
    expect(deltas.join('')).toBe(completion.text);
  });

  it('keeps every character when splitting into deltas', () => {
    for (const text of ['  lead', 'trail  ', 'a\n\nb', '', 'one']) {
      expect(echoDeltas(text).join('')).toBe(text);
    }
  });
});

describe('EchoProvider, cancellation', () => {
  it('rejects with the reason of an already aborted signal', async () => {
    const reason = new Error('gone');

    await expect(new EchoProvider().complete(chat({ signal: AbortSignal.abort(reason) }))).rejects.toBe(
      reason,
    );
    await expect(new EchoProvider().embed({ input: ['x'], signal: AbortSignal.abort(reason) })).rejects.toBe(
      reason,
    );
  });

  it('stops streaming once aborted', async () => {
    const controller = new AbortController();
    const reason = new Error('client went away');
    const deltas: string[] = [];

    const outcome = new EchoProvider().complete(chat({ signal: controller.signal }), (delta) => {
      deltas.push(delta);
      controller.abort(reason);
    });

    await expect(outcome).rejects.toBe(reason);
    expect(deltas).toEqual(['Echo ']);
  });

  it('stops during a pause between deltas', async () => {
    const controller = new AbortController();
    const reason = new Error('shutting down');
    const deltas: string[] = [];
    const provider = new EchoProvider({ deltaDelayMs: 10_000 });

    const outcome = provider.complete(chat({ signal: controller.signal }), (delta) => deltas.push(delta));
    setTimeout(() => {
      controller.abort(reason);
    }, 20);

    await expect(outcome).rejects.toBe(reason);
    expect(deltas).toEqual([]);
  });
});

describe('EchoProvider, embeddings', () => {
  it('embeds with the shared echo embedder, in input order', async () => {
    const input = ['Refund policy', 'Shipping to Canada'];

    const embeddings = await new EchoProvider().embed({ input, model: 'anything' });

    expect(embeddings.model).toBe(ECHO_EMBEDDING_MODEL);
    expect(embeddings.vectors).toEqual(input.map((text) => echoEmbedding(text)));
    expect(embeddings.vectors[0]).toHaveLength(ECHO_EMBEDDING_DIMENSIONS);
    expect(embeddings.usage).toEqual({ tokensIn: 5, tokensOut: 0 });
  });

  it('makes texts that share words similar and others dissimilar', async () => {
    const { vectors } = await new EchoProvider().embed({
      input: [
        'How do I reset my password?',
        'To reset your password, open the account page.',
        'The cafeteria serves lunch at noon.',
      ],
    });
    const [query, related, unrelated] = vectors as [number[], number[], number[]];

    expect(cosine(query, related)).toBeGreaterThan(0.25);
    expect(cosine(query, related)).toBeGreaterThan(cosine(query, unrelated) + 0.2);
    expect(Math.abs(cosine(query, unrelated))).toBeLessThan(0.2);
  });
});
