import { describe, expect, it } from '@jest/globals';
import {
  CONDITION_REASON_PATTERN,
  CONDITION_TYPE_PATTERN,
  ConditionSchema,
  derivePhase,
  findCondition,
  isConditionTrue,
  kubernetesTime,
  setCondition,
  TENANT_CONDITION_REASONS,
  TENANT_CONDITION_TYPES,
  type Condition,
  type ConditionUpdate,
} from '@lmo/contracts';
import { Value } from 'typebox/value';

const t0 = new Date('2026-01-01T00:00:00.000Z');
const t1 = new Date('2026-01-01T00:05:00.789Z');

const ready: ConditionUpdate = {
  type: 'Ready',
  status: 'False',
  reason: 'Provisioning',
  message: 'Creating namespace',
};
const condition = (patch: Partial<Condition> = {}): Condition => ({
  type: 'Ready',
  status: 'False',
  reason: 'Provisioning',
  message: 'Creating namespace',
  lastTransitionTime: '2026-01-01T00:00:00Z',
  ...patch,
});

describe('condition vocabulary', () => {
  it.each(Object.entries(TENANT_CONDITION_TYPES))(
    'type %s is a valid metav1 condition type named after its key',
    (key, value) => {
      expect(value).toBe(key);
      expect(value).toMatch(new RegExp(CONDITION_TYPE_PATTERN, 'u'));
    },
  );

  it.each(Object.entries(TENANT_CONDITION_REASONS))(
    'reason %s is a valid metav1 reason named after its key',
    (key, value) => {
      expect(value).toBe(key);
      expect(value).toMatch(new RegExp(CONDITION_REASON_PATTERN, 'u'));
    },
  );

  it('includes the types the design names', () => {
    expect(Object.values(TENANT_CONDITION_TYPES)).toEqual([
      'Ready',
      'NamespaceReady',
      'RuntimeReady',
      'Suspended',
      'Degraded',
    ]);
  });
});

describe('kubernetesTime', () => {
  it('formats RFC 3339 in whole seconds, as metav1.Time reads back', () => {
    expect(kubernetesTime(t1)).toBe('2026-01-01T00:05:00Z');
  });
});

describe('setCondition', () => {
  it('appends a new condition stamped with now', () => {
    const existing = [condition({ type: 'NamespaceReady', status: 'True', reason: 'NamespaceCreated' })];
    const result = setCondition(existing, ready, t1);
    expect(result.changed).toBe(true);
    expect(result.conditions).toEqual([
      existing[0],
      condition({ lastTransitionTime: '2026-01-01T00:05:00Z' }),
    ]);
  });

  it('starts a list when there is none', () => {
    expect(setCondition(undefined, ready, t0)).toEqual({ conditions: [condition()], changed: true });
  });

  it('moves lastTransitionTime when the status flips', () => {
    const next: ConditionUpdate = { type: 'Ready', status: 'True', reason: 'Reconciled', message: 'Serving' };
    const result = setCondition([condition()], next, t1);
    expect(result).toEqual({
      conditions: [
        condition({
          status: 'True',
          reason: 'Reconciled',
          message: 'Serving',
          lastTransitionTime: '2026-01-01T00:05:00Z',
        }),
      ],
      changed: true,
    });
  });

  it.each([
    ['reason', { reason: 'ApplyFailed' }],
    ['message', { message: 'Still creating the namespace' }],
    ['observedGeneration', { observedGeneration: 4 }],
  ] as const)('keeps lastTransitionTime when only the %s changes', (_field, patch) => {
    const result = setCondition([condition()], { ...ready, ...patch }, t1);
    expect(result.changed).toBe(true);
    expect(result.conditions).toEqual([condition(patch)]);
  });

  it('reports no change when nothing differs, still returning a new array', () => {
    const input = [condition({ observedGeneration: 2 })];
    const result = setCondition(input, { ...ready, observedGeneration: 2 }, t1);
    expect(result.changed).toBe(false);
    expect(result.conditions).toEqual(input);
    expect(result.conditions).not.toBe(input);
  });

  it('never modifies its input and keeps the order of the others', () => {
    const input = Object.freeze([
      Object.freeze(condition({ type: 'NamespaceReady', status: 'True', reason: 'NamespaceCreated' })),
      Object.freeze(condition()),
      Object.freeze(condition({ type: 'Degraded', status: 'False', reason: 'Reconciled' })),
    ]);
    const result = setCondition(input, { ...ready, status: 'True', reason: 'Reconciled' }, t1);
    expect(result.conditions.map((c) => c.type)).toEqual(['NamespaceReady', 'Ready', 'Degraded']);
    expect(result.conditions[0]).toBe(input[0]);
    expect(input[1]).toEqual(condition());
  });

  it('drops observedGeneration when the update has none', () => {
    const result = setCondition([condition({ observedGeneration: 3 })], ready, t1);
    expect(result.changed).toBe(true);
    expect(result.conditions[0]).not.toHaveProperty('observedGeneration');
  });

  it('produces conditions that match the metav1.Condition schema', () => {
    const { conditions } = setCondition(undefined, { ...ready, observedGeneration: 1 }, t1);
    expect(Value.Check(ConditionSchema, conditions[0])).toBe(true);
  });
});

describe('findCondition and isConditionTrue', () => {
  const list = [
    condition({ type: 'Ready', status: 'True' }),
    condition({ type: 'Degraded', status: 'Unknown' }),
  ];

  it('finds by type', () => {
    expect(findCondition(list, 'Degraded')?.status).toBe('Unknown');
    expect(findCondition(list, 'Suspended')).toBeUndefined();
    expect(findCondition(undefined, 'Ready')).toBeUndefined();
  });

  it.each([
    ['Ready', true],
    ['Degraded', false],
    ['Suspended', false],
  ])('isConditionTrue(%s) is %p', (type, expected) => {
    expect(isConditionTrue(list, type)).toBe(expected);
  });
});

describe('derivePhase', () => {
  const c = (type: string, status: Condition['status']): Condition => condition({ type, status });
  const idle = { suspended: false, deleting: false };

  it.each([
    ['Pending', 'no conditions yet', undefined, idle],
    ['Pending', 'an empty list', [], idle],
    ['Provisioning', 'Ready False', [c('Ready', 'False')], idle],
    ['Provisioning', 'Ready Unknown', [c('Ready', 'Unknown')], idle],
    ['Ready', 'Ready True', [c('NamespaceReady', 'True'), c('Ready', 'True')], idle],
    ['Degraded', 'Degraded True, even when Ready', [c('Ready', 'True'), c('Degraded', 'True')], idle],
    ['Ready', 'Degraded False and Ready True', [c('Ready', 'True'), c('Degraded', 'False')], idle],
    [
      'Suspended',
      'suspended, whatever the conditions',
      [c('Ready', 'True'), c('Degraded', 'True')],
      { suspended: true, deleting: false },
    ],
    [
      'Terminating',
      'deleting, even when suspended',
      [c('Ready', 'True')],
      { suspended: true, deleting: true },
    ],
  ] as const)('is %s with %s', (phase, _case, conditions, state) => {
    expect(derivePhase(conditions, state)).toBe(phase);
  });
});
