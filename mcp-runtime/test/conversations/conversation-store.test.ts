import { describe, expect, it } from '@jest/globals';
import {
  conversationCaps,
  conversationKey,
  createInProcessConversationStore,
  oldestToDrop,
} from '../../src/conversations/index.ts';
import { describeConversationStoreContract, turn } from './conversation-store-contract.ts';

describeConversationStoreContract('in-process', (options) => createInProcessConversationStore(options));

describe('oldestToDrop', () => {
  const caps = conversationCaps({ maxMessages: 4, maxChars: 100 });

  it('drops nothing within the caps', () => {
    expect(oldestToDrop([...turn(1), ...turn(2)], caps)).toBe(0);
    expect(oldestToDrop([], caps)).toBe(0);
  });

  it('drops the oldest messages beyond maxMessages, then a leading answer', () => {
    expect(oldestToDrop([...turn(1), ...turn(2), ...turn(3)], caps)).toBe(2);
    expect(oldestToDrop([...turn(1), ...turn(2), turn(3)[0]!], caps)).toBe(2);
  });

  it('drops everything when the newest message alone is over maxChars', () => {
    expect(oldestToDrop([{ role: 'user', content: 'x'.repeat(101) }], caps)).toBe(1);
  });
});

describe('conversationKey', () => {
  it('is lmo:conv:{tenant}:keyId:id', () => {
    expect(conversationKey({ tenant: 'acme', keyId: 'key_1' }, 'c-1')).toBe('lmo:conv:{acme}:key_1:c-1');
  });
});
