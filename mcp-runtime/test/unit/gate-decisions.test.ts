import { createHash } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { DEFAULT_PLATFORM_SETTINGS } from '@lmo/cdk8s';
import { renderRuntimeConfig } from '@lmo/cdk8s/runtime-config';
import { isLmoError, validateTenantSpec, type TenantSpec } from '@lmo/contracts';
import { authenticate, bearerChallenge, bearerToken } from '../../src/auth/api-key-auth.ts';
import { originPolicyFor } from '../../src/http/origin-policy.ts';
import { checkOriginAndHost } from '../../src/http/request-guards.ts';

const KEY = `lmo_abcdefabcdef_${'k'.repeat(43)}`;
const hashes = new Map([['abcdefabcdef', createHash('sha256').update(KEY).digest()]]);

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return isLmoError(error) ? error.code : 'not an LmoError';
  }
}

describe('API-key authentication', () => {
  it('accepts the key whose hash is stored and names its key id', () => {
    expect(authenticate(`Bearer ${KEY}`, 'acme', hashes)).toEqual({ tenant: 'acme', keyId: 'abcdefabcdef' });
    expect(authenticate(`bearer   ${KEY}`, 'acme', hashes).keyId).toBe('abcdefabcdef');
  });

  it.each([
    ['no header', undefined],
    ['not bearer', `Basic ${KEY}`],
    ['malformed key', 'Bearer lmo_short'],
    ['wrong secret', `Bearer lmo_abcdefabcdef_${'j'.repeat(43)}`],
    ['unknown key id', `Bearer lmo_zzzzzzzzzzzz_${'k'.repeat(43)}`],
  ])('refuses %s with LMO_UNAUTHENTICATED and never echoes the token', (_label, header) => {
    try {
      authenticate(header, 'acme', hashes);
      throw new Error('accepted');
    } catch (error) {
      expect(isLmoError(error) && error.code).toBe('LMO_UNAUTHENTICATED');
      expect((error as Error).message).not.toContain('k'.repeat(10));
    }
  });

  it('reads bearer tokens and builds RFC 6750 challenges with the RFC 9728 pointer', () => {
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('Bearer a b')).toBeUndefined();
    expect(bearerChallenge('https://h/m', 'invalid_token')).toBe(
      'Bearer realm="lmo", error="invalid_token", resource_metadata="https://h/m"',
    );
  });
});

describe('Origin and Host checks', () => {
  const spec = validateTenantSpec({ displayName: 'Acme', owner: 'a@example.com' });
  const config = renderRuntimeConfig(
    { name: 'acme', spec: (spec as { value: TenantSpec }).value },
    DEFAULT_PLATFORM_SETTINGS,
  );
  const policy = originPolicyFor(config, {
    extraHosts: ['Proxy.Local'],
    allowedOrigins: ['https://App.example.com'],
  });

  it('allows the public host, service names, loopback and extra hosts, with or without ports', () => {
    for (const host of [
      'mcp.lmo.local',
      'mcp-runtime.lmo-t-acme.svc:8080',
      'localhost:3000',
      '[::1]:80',
      'proxy.local',
    ]) {
      expect(
        codeOf(() => {
          checkOriginAndHost({ host }, policy);
        }),
      ).toBeUndefined();
    }
  });

  it('refuses other hosts and a missing Host', () => {
    expect(
      codeOf(() => {
        checkOriginAndHost({ host: 'evil.example' }, policy);
      }),
    ).toBe('LMO_ORIGIN_FORBIDDEN');
    expect(
      codeOf(() => {
        checkOriginAndHost({}, policy);
      }),
    ).toBe('LMO_ORIGIN_FORBIDDEN');
  });

  it('allows no Origin, the endpoint origin and configured ones; refuses others and opaque origins', () => {
    const host = 'mcp.lmo.local';
    expect(
      codeOf(() => {
        checkOriginAndHost({ host }, policy);
      }),
    ).toBeUndefined();
    expect(
      codeOf(() => {
        checkOriginAndHost({ host, origin: 'https://mcp.lmo.local' }, policy);
      }),
    ).toBeUndefined();
    expect(
      codeOf(() => {
        checkOriginAndHost({ host, origin: 'https://app.example.com' }, policy);
      }),
    ).toBeUndefined();
    expect(
      codeOf(() => {
        checkOriginAndHost({ host, origin: 'http://mcp.lmo.local' }, policy);
      }),
    ).toBe('LMO_ORIGIN_FORBIDDEN');
    expect(
      codeOf(() => {
        checkOriginAndHost({ host, origin: 'null' }, policy);
      }),
    ).toBe('LMO_ORIGIN_FORBIDDEN');
  });
});
