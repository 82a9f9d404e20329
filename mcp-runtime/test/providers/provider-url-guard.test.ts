import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { isLmoError, LmoError } from '@lmo/contracts';
import {
  assertProviderUrlAllowed,
  guardedFetch,
  guardedLookup,
  isPrivateAddress,
  privateRange,
  type HostLookup,
} from '../../src/providers/provider-url-guard.ts';
import { lmoFailure } from './provider-test-support.ts';

/** A lookup that answers from a table and remembers what it was asked. */
function fakeDns(table: Record<string, readonly string[]>): HostLookup & { asked: string[] } {
  const asked: string[] = [];
  const lookup = (hostname: string): Promise<readonly string[]> => {
    asked.push(hostname);
    const addresses = table[hostname];
    return addresses === undefined
      ? Promise.reject(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }))
      : Promise.resolve(addresses);
  };
  return Object.assign(lookup, { asked });
}

describe('privateRange / isPrivateAddress', () => {
  it.each([
    ['10.0.0.1', 'private'],
    ['10.255.255.255', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.254', 'private'],
    ['192.168.1.10', 'private'],
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['100.127.255.254', 'carrier-grade NAT'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.251', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fc00::1', 'unique local'],
    ['fd12:3456:789a::1', 'unique local'],
    ['fe80::1', 'link-local'],
    ['FE80::abcd', 'link-local'],
    ['fec0::1', 'site-local'],
    ['ff02::1', 'multicast'],
    ['::ffff:10.1.2.3', 'private'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:a9fe:a9fe', 'link-local'],
  ])('%s is %s', (ip, range) => {
    expect(privateRange(ip)).toBe(range);
    expect(isPrivateAddress(ip)).toBe(true);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '9.255.255.255',
    '11.0.0.1',
    '172.15.255.255',
    '172.32.0.1',
    '192.167.255.255',
    '192.169.0.1',
    '100.63.255.255',
    '100.128.0.1',
    '169.253.255.255',
    '2606:4700:4700::1111',
    '2001:4860:4860::8888',
    '::ffff:8.8.8.8',
  ])('%s is public', (ip) => {
    expect(privateRange(ip)).toBeUndefined();
    expect(isPrivateAddress(ip)).toBe(false);
  });

  it('refuses what is not an IP address', () => {
    expect(() => isPrivateAddress('localhost')).toThrow(TypeError);
    expect(() => isPrivateAddress('[::1]')).toThrow(TypeError);
  });
});

describe('assertProviderUrlAllowed', () => {
  const publicDns = fakeDns({
    'api.example.com': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
  });

  it.each([
    ['http://10.0.0.5/v1', '10.0.0.5', 'private'],
    ['http://172.20.1.1:8000/v1', '172.20.1.1', 'private'],
    ['http://192.168.0.20:11434/v1', '192.168.0.20', 'private'],
    ['http://127.0.0.1:8080/v1', '127.0.0.1', 'loopback'],
    ['http://[::1]:8080/v1', '::1', 'loopback'],
    ['http://169.254.169.254/latest/meta-data', '169.254.169.254', 'link-local'],
    ['http://[fe80::1]/v1', 'fe80::1', 'link-local'],
    ['http://[fd00::5]/v1', 'fd00::5', 'unique local'],
    ['http://100.64.3.4/v1', '100.64.3.4', 'carrier-grade NAT'],
    ['http://0.0.0.0:11434/v1', '0.0.0.0', 'unspecified'],
    ['http://2130706433/v1', '127.0.0.1', 'loopback'],
    ['http://0x7f.1/v1', '127.0.0.1', 'loopback'],
  ])('refuses %s', async (url, host, range) => {
    const error = await lmoFailure(
      assertProviderUrlAllowed(url, { allowPrivateNetworks: false, lookup: publicDns }),
    );

    expect(error.code).toBe('LMO_PROVIDER_URL_FORBIDDEN');
    expect(error.details).toEqual({ host, range });
    expect(error.message).toBe(`The provider URL is not allowed: ${host} is a ${range} address`);
  });

  it('does not resolve IP literals', async () => {
    const dns = fakeDns({});

    await assertProviderUrlAllowed('https://8.8.8.8/v1', { allowPrivateNetworks: false, lookup: dns });

    expect(dns.asked).toEqual([]);
  });

  it('allows a host that resolves to public addresses only', async () => {
    await expect(
      assertProviderUrlAllowed('https://api.example.com/v1', {
        allowPrivateNetworks: false,
        lookup: publicDns,
      }),
    ).resolves.toBeUndefined();
  });

  it('refuses a host name that resolves to a private address, even among public ones', async () => {
    const dns = fakeDns({
      localhost: ['127.0.0.1', '::1'],
      'llm.corp.example': ['93.184.215.14', '10.2.3.4'],
    });

    const local = await lmoFailure(
      assertProviderUrlAllowed('http://localhost:11434/v1', { allowPrivateNetworks: false, lookup: dns }),
    );
    const mixed = await lmoFailure(
      assertProviderUrlAllowed('https://llm.corp.example/v1', { allowPrivateNetworks: false, lookup: dns }),
    );

    expect(local.code).toBe('LMO_PROVIDER_URL_FORBIDDEN');
    expect(local.message).toBe('The provider URL is not allowed: localhost resolves to a loopback address');
    expect(mixed.code).toBe('LMO_PROVIDER_URL_FORBIDDEN');
    expect(mixed.details).toEqual({ host: 'llm.corp.example', range: 'private' });
  });

  it('allows private addresses when the platform allows private networks, without resolving', async () => {
    const dns = fakeDns({ localhost: ['127.0.0.1'] });
    const options = { allowPrivateNetworks: true, lookup: dns };

    await assertProviderUrlAllowed('http://10.0.0.5/v1', options);
    await assertProviderUrlAllowed('http://[::1]:8000/v1', options);
    await assertProviderUrlAllowed('http://localhost:11434/v1', options);

    expect(dns.asked).toEqual([]);
  });

  it.each([
    ['not a url', 'it is not a valid URL'],
    ['ftp://files.example.com/v1', 'only http and https URLs are allowed'],
    ['file:///etc/passwd', 'only http and https URLs are allowed'],
    ['https://user:secret@api.example.com/v1', 'it must not carry credentials'],
  ])('refuses %s whatever the network setting', async (url, reason) => {
    for (const allowPrivateNetworks of [false, true]) {
      const error = await lmoFailure(
        assertProviderUrlAllowed(url, { allowPrivateNetworks, lookup: publicDns }),
      );
      expect(error.code).toBe('LMO_PROVIDER_URL_FORBIDDEN');
      expect(error.message).toContain(reason);
      expect(error.message).not.toContain('secret');
    }
  });

  it('fails with LMO_PROVIDER_ERROR when the host does not resolve', async () => {
    const error = await lmoFailure(
      assertProviderUrlAllowed('https://nowhere.example/v1', {
        allowPrivateNetworks: false,
        lookup: fakeDns({}),
      }),
    );

    expect(error.code).toBe('LMO_PROVIDER_ERROR');
    expect(error.details).toEqual({ host: 'nowhere.example' });
  });
});

describe('guardedLookup', () => {
  const lookupOnce = (
    hostname: string,
    options: { all?: boolean; family?: number },
    table: Record<string, readonly string[]>,
  ): Promise<unknown> =>
    new Promise((resolve, reject) => {
      guardedLookup(fakeDns(table))(hostname, options, (error, address, family) => {
        if (error) reject(error);
        else resolve(options.all === true ? address : { address, family });
      });
    });

  it('answers like dns.lookup with public addresses', async () => {
    const table = { 'api.example.com': ['2606:2800:21f:cb07::1', '93.184.215.14'] };

    await expect(lookupOnce('api.example.com', {}, table)).resolves.toEqual({
      address: '2606:2800:21f:cb07::1',
      family: 6,
    });
    await expect(lookupOnce('api.example.com', { family: 4 }, table)).resolves.toEqual({
      address: '93.184.215.14',
      family: 4,
    });
    await expect(lookupOnce('api.example.com', { all: true }, table)).resolves.toEqual([
      { address: '2606:2800:21f:cb07::1', family: 6 },
      { address: '93.184.215.14', family: 4 },
    ]);
  });

  it('fails when any address is private', async () => {
    const error = await lookupOnce(
      'rebound.example',
      { all: true },
      { 'rebound.example': ['10.0.0.1'] },
    ).catch((caught: unknown) => caught);

    expect(isLmoError(error) && error.code).toBe('LMO_PROVIDER_URL_FORBIDDEN');
  });
});

describe('guardedFetch', () => {
  let target: Server;
  let port: number;
  let hits = 0;

  beforeAll(async () => {
    target = createServer((_req, res) => {
      hits += 1;
      res.end('internal data');
    });
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    port = (target.address() as AddressInfo).port;
  });

  afterAll(async () => {
    target.closeAllConnections();
    await new Promise((resolve) => target.close(resolve));
  });

  it('refuses to connect when the name resolves to a private address at connect time', async () => {
    const guarded = guardedFetch(fakeDns({ 'rebinding.example': ['127.0.0.1'] }));

    const error = await guarded(`http://rebinding.example:${port}/`).catch((caught: unknown) => caught);

    let cause: unknown = error;
    while (cause instanceof Error && !isLmoError(cause)) cause = cause.cause;
    expect(cause).toBeInstanceOf(LmoError);
    expect((cause as LmoError).code).toBe('LMO_PROVIDER_URL_FORBIDDEN');
    expect(hits).toBe(0);
  });
});
