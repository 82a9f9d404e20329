import { LmoError, isLmoError } from '@lmo/contracts';
import { KubeApiError } from '@lmo/kube';

/**
 * Maps a failed Kubernetes call onto the catalogue: 404 `LMO_NOT_FOUND`, 409 `LMO_CONFLICT`, 422
 * `LMO_VALIDATION_FAILED` (the apiserver's message names the field), 5xx and network failures
 * `LMO_DEPENDENCY_UNAVAILABLE`; 401 and 403 mean the API's own identity lacks a right, which is a
 * deployment fault, so `LMO_INTERNAL` (the cause is logged, not shown).
 */
export function fromKubeError(error: unknown, subject: string): LmoError {
  if (isLmoError(error)) return error;
  if (!(error instanceof KubeApiError)) {
    return new LmoError('LMO_DEPENDENCY_UNAVAILABLE', 'The Kubernetes API is unavailable', { cause: error });
  }
  switch (error.status) {
    case 404:
      return new LmoError('LMO_NOT_FOUND', `${subject} not found`, { cause: error });
    case 409:
      return new LmoError('LMO_CONFLICT', `${subject}: ${error.message}`, { cause: error });
    case 422:
      return new LmoError('LMO_VALIDATION_FAILED', `${subject} is invalid: ${error.message}`, {
        cause: error,
      });
    default:
      return error.status >= 500
        ? new LmoError('LMO_DEPENDENCY_UNAVAILABLE', 'The Kubernetes API is unavailable', { cause: error })
        : new LmoError('LMO_INTERNAL', undefined, { cause: error });
  }
}
