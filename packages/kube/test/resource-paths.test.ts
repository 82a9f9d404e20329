import { describe, expect, it } from '@jest/globals';
import { collectionPath, objectPath, resourceOfPath, resourceType } from '../src/resource-paths.ts';

describe('resource paths', () => {
  it.each([
    [
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'lmo-t-acme' } },
      '/api/v1/namespaces/lmo-t-acme',
    ],
    [
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'mcp-runtime', namespace: 'lmo-t-acme' },
      },
      '/apis/apps/v1/namespaces/lmo-t-acme/deployments/mcp-runtime',
    ],
    [
      { apiVersion: 'lmo.dev/v1alpha1', kind: 'Tenant', metadata: { name: 'acme' } },
      '/apis/lmo.dev/v1alpha1/tenants/acme',
    ],
  ])('%o lives at %s', (object, path) => {
    expect(objectPath(object)).toBe(path);
  });

  it('lists a namespaced kind across all namespaces', () => {
    expect(collectionPath(resourceType('v1', 'Secret'))).toBe('/api/v1/secrets');
  });

  it('refuses a kind it does not know', () => {
    expect(() => resourceType('v1', 'Unicorn')).toThrow('unknown resource v1 Unicorn');
  });
});

describe('resourceOfPath', () => {
  it.each([
    ['/api/v1/namespaces/lmo-t-acme/secrets/mcp-runtime-secrets', 'secrets'],
    ['/api/v1/namespaces/lmo-t-acme', 'namespaces'],
    ['/api/v1/namespaces', 'namespaces'],
    ['/apis/lmo.dev/v1alpha1/tenants/acme/status', 'tenants/status'],
    ['/apis/apps/v1/namespaces/lmo-t-acme/deployments/mcp-runtime', 'deployments'],
    ['/apis/coordination.k8s.io/v1/namespaces/lmo-system/leases', 'leases'],
    ['/api/v1/namespaces/lmo-system/serviceaccounts/lmo-operator/token', 'serviceaccounts/token'],
  ])('%s → %s', (path, resource) => {
    expect(resourceOfPath(path)).toBe(resource);
  });
});
