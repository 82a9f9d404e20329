/**
 * Keeps provider base URLs away from the platform's own network: a tenant could otherwise point
 * its "OpenAI-compatible server" at the cloud metadata service, the Kubernetes API or a database
 * and have the runtime call it with its own network position (server-side request forgery).
 *
 * A URL is refused when its host is, or resolves to, an address that is not publicly routable (see
 * {@link privateRange}), unless the platform operator sets `allowPrivateNetworks` (self-hosted
 * models in the cluster). The check runs when the provider is built ({@link assertProviderUrlAllowed})
 * and again on every connection ({@link guardedFetch}), so that a DNS answer that changes after the
 * first check (DNS rebinding) does not get through; redirects are refused by the providers.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { LmoError } from '@lmo/contracts';
import { Agent, fetch as undiciFetch } from 'undici';

/** Resolves a host name to all its addresses. */
export type HostLookup = (hostname: string) => Promise<readonly string[]>;

/** Options of {@link assertProviderUrlAllowed}. */
export interface ProviderUrlGuardOptions {
  /** The platform operator's switch for providers inside private networks. */
  readonly allowPrivateNetworks: boolean;
  /** DNS resolution; `node:dns` lookup of all addresses by default. */
  readonly lookup?: HostLookup | undefined;
}

/** Address ranges that are not publicly routable, by the name used in error details. */
const RANGES: readonly (readonly [name: string, network: string, prefix: number, family: 'ipv4' | 'ipv6'])[] =
  [
    ['unspecified', '0.0.0.0', 8, 'ipv4'],
    ['private', '10.0.0.0', 8, 'ipv4'],
    ['carrier-grade NAT', '100.64.0.0', 10, 'ipv4'],
    ['loopback', '127.0.0.0', 8, 'ipv4'],
    ['link-local', '169.254.0.0', 16, 'ipv4'],
    ['private', '172.16.0.0', 12, 'ipv4'],
    ['private', '192.168.0.0', 16, 'ipv4'],
    ['multicast', '224.0.0.0', 4, 'ipv4'],
    ['reserved', '240.0.0.0', 4, 'ipv4'],
    ['unspecified', '::', 128, 'ipv6'],
    ['loopback', '::1', 128, 'ipv6'],
    ['unique local', 'fc00::', 7, 'ipv6'],
    ['link-local', 'fe80::', 10, 'ipv6'],
    ['site-local', 'fec0::', 10, 'ipv6'],
    ['multicast', 'ff00::', 8, 'ipv6'],
  ];

const BLOCKS: readonly (readonly [string, BlockList])[] = [...new Set(RANGES.map(([name]) => name))].map(
  (name) => {
    const list = new BlockList();
    for (const [rangeName, network, prefix, family] of RANGES) {
      if (rangeName === name) list.addSubnet(network, prefix, family);
    }
    return [name, list] as const;
  },
);

/**
 * The name of the non-public range `ip` lies in (`private`, `loopback`, `link-local`,
 * `unique local`, `carrier-grade NAT`, `unspecified`, `multicast`, `reserved`, `site-local`), or
 * undefined for a public address. IPv4-mapped IPv6 addresses (`::ffff:10.0.0.1`) count as IPv4.
 *
 * @throws TypeError when `ip` is not an IP address.
 */
export function privateRange(ip: string): string | undefined {
  const version = isIP(ip);
  if (version === 0) {
    throw new TypeError(`not an IP address: ${JSON.stringify(ip)}`);
  }
  const family = version === 4 ? 'ipv4' : 'ipv6';
  return BLOCKS.find(([, list]) => list.check(ip, family))?.[0];
}

/** True when `ip` is not publicly routable (see {@link privateRange}). */
export function isPrivateAddress(ip: string): boolean {
  return privateRange(ip) !== undefined;
}

/** Resolves with `node:dns`, all addresses, in the resolver's order. */
export const systemLookup: HostLookup = async (hostname) =>
  (await dnsLookup(hostname, { all: true, order: 'verbatim' })).map((entry) => entry.address);

function forbidden(message: string, details: Record<string, unknown> = {}): LmoError {
  return new LmoError('LMO_PROVIDER_URL_FORBIDDEN', `The provider URL is not allowed: ${message}`, {
    details,
  });
}

/** The URL's host without IPv6 brackets. */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/** Refuses `addresses` of `host` when one of them is not public. */
function assertPublic(host: string, addresses: readonly string[]): void {
  for (const address of addresses) {
    const range = privateRange(address);
    if (range !== undefined) {
      const what = address === host ? `${host} is` : `${host} resolves to`;
      throw forbidden(`${what} a ${range} address`, { host, range });
    }
  }
}

/**
 * Checks a provider base URL: it must parse, use http or https, carry no credentials, and, unless
 * `allowPrivateNetworks`, its host must be and resolve only to public addresses. Messages name
 * the host, never the rest of the URL.
 *
 * @throws LmoError `LMO_PROVIDER_URL_FORBIDDEN` when refused; `LMO_PROVIDER_ERROR` when the host
 *   does not resolve.
 */
export async function assertProviderUrlAllowed(url: string, options: ProviderUrlGuardOptions): Promise<void> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw forbidden('it is not a valid URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw forbidden('only http and https URLs are allowed');
  }
  if (parsed.username !== '' || parsed.password !== '') {
    throw forbidden('it must not carry credentials; the provider key goes in the provider Secret');
  }
  if (options.allowPrivateNetworks) {
    return;
  }
  const host = hostOf(parsed);
  assertPublic(host, isIP(host) === 0 ? await resolve(host, options.lookup ?? systemLookup) : [host]);
}

async function resolve(host: string, lookup: HostLookup): Promise<readonly string[]> {
  let addresses: readonly string[];
  try {
    addresses = await lookup(host);
  } catch (error) {
    throw new LmoError('LMO_PROVIDER_ERROR', `The provider host ${host} does not resolve`, {
      details: { host },
      cause: error,
    });
  }
  if (addresses.length === 0) {
    throw new LmoError('LMO_PROVIDER_ERROR', `The provider host ${host} does not resolve`, {
      details: { host },
    });
  }
  return addresses;
}

/**
 * A `node:net` lookup that resolves with `lookup` and fails with `LMO_PROVIDER_URL_FORBIDDEN` when
 * any address is not public, for sockets that must only reach public hosts.
 */
export function guardedLookup(lookup: HostLookup = systemLookup): LookupFunction {
  return (hostname, options, callback) => {
    publicAddresses(hostname, options.family, lookup).then(
      (addresses) => {
        const [first] = addresses;
        if (first === undefined) {
          callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 0);
        } else if (options.all === true) {
          callback(null, addresses);
        } else {
          callback(null, first.address, first.family);
        }
      },
      (error: unknown) => {
        callback(error as NodeJS.ErrnoException, '', 0);
      },
    );
  };
}

/** The addresses of `hostname` of the wanted family (any when 0 or absent), all of them public. */
async function publicAddresses(
  hostname: string,
  family: number | 'IPv4' | 'IPv6' | undefined,
  lookup: HostLookup,
): Promise<{ address: string; family: number }[]> {
  const found = await lookup(hostname);
  assertPublic(hostname, found);
  const wanted = family === 'IPv4' ? 4 : family === 'IPv6' ? 6 : (family ?? 0);
  return found
    .map((address) => ({ address, family: isIP(address) }))
    .filter((entry) => wanted === 0 || entry.family === wanted);
}

/**
 * A `fetch` (undici's) whose connections go only to public addresses, checked on every new
 * connection with {@link guardedLookup}. Give it to the providers when private networks are not
 * allowed.
 */
export function guardedFetch(lookup: HostLookup = systemLookup): typeof fetch {
  const dispatcher = new Agent({ connect: { lookup: guardedLookup(lookup) } });
  const guarded = (
    input: Parameters<typeof undiciFetch>[0],
    init?: Parameters<typeof undiciFetch>[1],
  ): ReturnType<typeof undiciFetch> => undiciFetch(input, { ...init, dispatcher });
  return guarded as unknown as typeof fetch;
}
