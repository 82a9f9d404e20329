// Behaviour every ConversationStore shares, run against the in-process and the Redis implementation.
import { describe, expect, it } from '@jest/globals';
import { LmoError } from '@lmo/contracts';
import type { ConversationStore, ConversationStoreOptions } from '../../src/conversations/index.ts';
import type { ChatMessage } from '../../src/providers/llm-provider.ts';

let seq = 0;
/** A tenant no other test (or earlier run against the same Redis) uses. */
export const uniqueTenant = (): string => `conv-${process.pid}-${Date.now().toString(36)}-${++seq}`;

export const turn = (n: number, size = 2): ChatMessage[] => [
  { role: 'user', content: `q${n}`.padEnd(size, '.') },
  { role: 'assistant', content: `a${n}`.padEnd(size, '.') },
];

export async function lmoErrorOf(promise: Promise<unknown>): Promise<LmoError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof LmoError)) throw new Error(`expected an LmoError, got ${String(error)}`);
  return error;
}

export function describeConversationStoreContract(
  name: string,
  create: (options?: ConversationStoreOptions) => ConversationStore,
): void {
  describe(`${name}: conversation store contract`, () => {
    it('returns nothing for an unknown conversation, then every appended message in order', async () => {
      const store = create();
      const scope = { tenant: uniqueTenant(), keyId: 'key_1' };

      const before = await store.load(scope, 'c1');
      await store.append(scope, 'c1', turn(1));
      await store.append(scope, 'c1', turn(2));

      expect(before).toEqual([]);
      expect(await store.load(scope, 'c1')).toEqual([...turn(1), ...turn(2)]);
    });

    it('never shows one key’s history to another key or tenant', async () => {
      const store = create();
      const tenant = uniqueTenant();
      await store.append({ tenant, keyId: 'key_1' }, 'shared-name', turn(1));

      expect(await store.load({ tenant, keyId: 'key_2' }, 'shared-name')).toEqual([]);
      expect(await store.load({ tenant: uniqueTenant(), keyId: 'key_1' }, 'shared-name')).toEqual([]);
      expect(await store.load({ tenant, keyId: 'key_1' }, 'shared-name')).toEqual(turn(1));
    });

    it('keeps at most maxMessages, dropping the oldest turns', async () => {
      const store = create({ maxMessages: 4 });
      const scope = { tenant: uniqueTenant(), keyId: 'k' };

      for (const n of [1, 2, 3]) await store.append(scope, 'c', turn(n));

      expect(await store.load(scope, 'c')).toEqual([...turn(2), ...turn(3)]);
    });

    it('keeps at most maxChars of content, dropping the oldest turns', async () => {
      const store = create({ maxChars: 45 });
      const scope = { tenant: uniqueTenant(), keyId: 'k' };

      for (const n of [1, 2, 3]) await store.append(scope, 'c', turn(n, 10)); // 20 characters a turn

      expect(await store.load(scope, 'c')).toEqual([...turn(2, 10), ...turn(3, 10)]);
    });

    it('does not let history open with an answer whose question was trimmed', async () => {
      const store = create({ maxMessages: 3 });
      const scope = { tenant: uniqueTenant(), keyId: 'k' };

      await store.append(scope, 'c', [...turn(1), ...turn(2)]);

      expect(await store.load(scope, 'c')).toEqual(turn(2));
    });

    it.each(['', 'has space', 'x'.repeat(129), '../etc', '-leading-dash', 'new\nline'])(
      'refuses the conversation id %j with LMO_VALIDATION_FAILED',
      async (id) => {
        const store = create();
        const scope = { tenant: uniqueTenant(), keyId: 'k' };

        const onLoad = await lmoErrorOf(store.load(scope, id));
        const onAppend = await lmoErrorOf(store.append(scope, id, turn(1)));

        expect(onLoad.code).toBe('LMO_VALIDATION_FAILED');
        expect(onAppend.code).toBe('LMO_VALIDATION_FAILED');
        expect(onLoad.details).toEqual({ issues: [{ path: '/conversation', message: expect.any(String) }] });
      },
    );

    it('accepts ids such as UUIDs and dotted names', async () => {
      const store = create();
      const scope = { tenant: uniqueTenant(), keyId: 'k' };
      const ids = ['3f2b8e0c-9d4a-4b1e-8f7a-1c2d3e4f5a6b', 'support.ticket:42', 'x'.repeat(128)];

      for (const id of ids) await store.append(scope, id, turn(1));

      for (const id of ids) expect(await store.load(scope, id)).toEqual(turn(1));
    });
  });
}
