/**
 * The operator's phase and conditions (`packages/contracts/src/tenant-conditions.ts`) in words a
 * tenant understands: what each one means for their apps, and what, if anything, to do. Pure.
 */

/** How a phase or condition should look: good, needs patience, or needs attention. */
export type Tone = 'ok' | 'warn' | 'error' | 'neutral';

/** A condition as the API reports it (`metav1.Condition`). */
export interface ConditionLike {
  readonly type: string;
  readonly status: 'True' | 'False' | 'Unknown';
  readonly reason: string;
  readonly message: string;
  readonly lastTransitionTime?: string;
}

/** A condition explained. */
export interface ConditionText {
  /** "Serving requests". */
  readonly title: string;
  readonly tone: Tone;
  /** What it means for the tenant's apps. */
  readonly meaning: string;
  /** What to do about it; absent when nothing. */
  readonly action?: string;
}

/** The conditions in the order they are shown, each with its short name for people. */
export const CONDITION_ORDER: readonly { readonly type: string; readonly label: string }[] = [
  { type: 'Ready', label: 'Endpoint' },
  { type: 'NamespaceReady', label: 'Isolated space' },
  { type: 'RuntimeReady', label: 'Runtime' },
  { type: 'Suspended', label: 'Suspension' },
  { type: 'Degraded', label: 'Problems' },
];

const SETTINGS_HINT = 'Check the provider, model and base URL on the Model settings page.';
const ADMIN_HINT = 'Contact a platform admin or support; mention the reason shown here.';

/** A phase in words: a badge tone and one sentence. */
export function phaseText(phase: string | undefined): { label: string; tone: Tone; meaning: string } {
  switch (phase) {
    case 'Ready':
      return { label: 'Ready', tone: 'ok', meaning: 'Your endpoint is serving requests.' };
    case 'Provisioning':
      return {
        label: 'Provisioning',
        tone: 'warn',
        meaning: 'Your endpoint is being set up or restarted. This usually takes less than a minute.',
      };
    case 'Degraded':
      return {
        label: 'Degraded',
        tone: 'error',
        meaning: 'Something needs attention; see Problems below for what happened and what to do.',
      };
    case 'Suspended':
      return {
        label: 'Suspended',
        tone: 'error',
        meaning: 'Requests are refused. Your keys, settings and knowledge are kept.',
      };
    case 'Terminating':
      return { label: 'Deleting', tone: 'error', meaning: 'This tenant is being deleted.' };
    default:
      return {
        label: 'Pending',
        tone: 'warn',
        meaning: 'The platform has not picked up this tenant yet. It will within a few seconds.',
      };
  }
}

function ready(c: ConditionLike): ConditionText {
  if (c.status === 'True')
    return { title: 'Serving requests', tone: 'ok', meaning: 'Your apps can call the endpoint.' };
  if (c.reason === 'Suspended')
    return {
      title: 'Not serving: suspended',
      tone: 'error',
      meaning: 'Apps get an error until the tenant is resumed.',
      action: 'A platform admin can resume it.',
    };
  if (c.reason === 'Provisioning')
    return {
      title: 'Starting',
      tone: 'warn',
      meaning: 'The endpoint is being set up; requests may fail until it is ready.',
      action: 'Nothing to do: this page updates by itself.',
    };
  return {
    title: 'Not serving',
    tone: 'error',
    meaning: 'Requests fail until the problem below is fixed.',
    action: 'See Problems below.',
  };
}

function namespaceReady(c: ConditionLike): ConditionText {
  if (c.status === 'True')
    return {
      title: 'In place',
      tone: 'ok',
      meaning: 'Your tenant has its own isolated space on the platform.',
    };
  if (c.reason === 'NamespaceTerminating')
    return { title: 'Being removed', tone: 'error', meaning: 'The tenant’s space is being deleted.' };
  return {
    title: 'Being created',
    tone: 'warn',
    meaning: 'The platform is creating the tenant’s isolated space.',
    action: 'Nothing to do: it takes a few seconds.',
  };
}

function runtimeReady(c: ConditionLike): ConditionText {
  if (c.status === 'True')
    return { title: 'Running', tone: 'ok', meaning: 'The server that answers your apps is up.' };
  switch (c.reason) {
    case 'ScaledToZero':
      return {
        title: 'Stopped',
        tone: 'warn',
        meaning: 'The runtime is set to 0 replicas, so nothing answers your apps.',
        action: 'Set at least 1 replica on the Model settings page.',
      };
    case 'Suspended':
      return {
        title: 'Stopped',
        tone: 'error',
        meaning: 'The runtime is stopped while the tenant is suspended.',
      };
    case 'DeploymentUnavailable':
      return {
        title: 'Not available',
        tone: 'error',
        meaning: 'The runtime stopped or keeps failing; the platform restarts it by itself.',
        action: `If this lasts more than a few minutes: ${SETTINGS_HINT}`,
      };
    default:
      return {
        title: 'Starting',
        tone: 'warn',
        meaning: 'The runtime is starting or rolling out new settings.',
        action: 'Nothing to do: it is usually ready within a minute.',
      };
  }
}

function suspended(c: ConditionLike): ConditionText {
  if (c.status === 'True')
    return {
      title: 'Suspended',
      tone: 'error',
      meaning: 'Your apps get an error for every request. Keys, settings and knowledge are kept.',
      action: 'A platform admin can resume the tenant; check your billing or contact support.',
    };
  return { title: 'Not suspended', tone: 'ok', meaning: 'The tenant is active.' };
}

const DEGRADED_ACTIONS: Readonly<Record<string, string>> = {
  ProviderSecretRefForbidden: `The model provider’s credentials cannot be used. ${ADMIN_HINT}`,
  ProviderSecretMissing: `The model provider’s credentials are missing. ${ADMIN_HINT}`,
  InvalidSpec: `The settings cannot be applied as written. ${SETTINGS_HINT}`,
  ApplyFailed: `The platform could not apply your settings and keeps trying. If it lasts, ${ADMIN_HINT.toLowerCase()}`,
  DeploymentUnavailable: `The runtime keeps failing to start. ${SETTINGS_HINT}`,
};

function degraded(c: ConditionLike): ConditionText {
  if (c.status !== 'True') return { title: 'None', tone: 'ok', meaning: 'Nothing needs your attention.' };
  return {
    title: `Needs attention: ${c.reason}`,
    tone: 'error',
    meaning: c.message === '' ? 'The platform reported a problem it cannot fix by waiting.' : c.message,
    action: DEGRADED_ACTIONS[c.reason] ?? `The platform cannot fix this by waiting. ${ADMIN_HINT}`,
  };
}

const EXPLAIN: Readonly<Record<string, (c: ConditionLike) => ConditionText>> = {
  Ready: ready,
  NamespaceReady: namespaceReady,
  RuntimeReady: runtimeReady,
  Suspended: suspended,
  Degraded: degraded,
};

/** A condition in words; `undefined` (not reported yet) and `Unknown` read as "not known yet". */
export function explainCondition(type: string, condition: ConditionLike | undefined): ConditionText {
  if (condition === undefined || condition.status === 'Unknown')
    return { title: 'Not known yet', tone: 'neutral', meaning: 'The platform has not reported this yet.' };
  const explain = EXPLAIN[type];
  if (explain === undefined) return { title: condition.reason, tone: 'neutral', meaning: condition.message };
  return explain(condition);
}
