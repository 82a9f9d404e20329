import { describe, expect, it } from '@jest/globals';
import { isSubset } from '../src/object-subset.ts';

describe('isSubset', () => {
  const live = {
    metadata: { name: 'x', labels: { a: '1', b: '2' }, resourceVersion: '7' },
    spec: { replicas: 1, ports: [{ port: 80, protocol: 'TCP' }], selector: { app: 'x' } },
    status: { ready: 1 },
  };

  it.each([
    ['the same fields', { metadata: { name: 'x' }, spec: { replicas: 1 } }, true],
    ['a subset of labels', { metadata: { labels: { a: '1' } } }, true],
    ['list elements as subsets', { spec: { ports: [{ port: 80 }] } }, true],
    ['undefined fields (omitted)', { spec: { replicas: 1, paused: undefined } }, true],
    ['a changed value', { spec: { replicas: 2 } }, false],
    ['a missing label', { metadata: { labels: { c: '3' } } }, false],
    ['a longer list', { spec: { ports: [{ port: 80 }, { port: 81 }] } }, false],
    ['a missing object', { spec: { template: { spec: {} } } }, false],
    ['a type change', { spec: { replicas: '1' } }, false],
  ])('%s → %s', (_name, desired, expected) => {
    expect(isSubset(desired, live)).toBe(expected);
  });
});
