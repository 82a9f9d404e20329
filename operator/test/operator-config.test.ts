import { describe, expect, it } from '@jest/globals';
import { parseEgress, parseOperatorConfig } from '../src/operator-config.ts';

describe('parseOperatorConfig', () => {
  it('gives sensible defaults with no flags and no environment', () => {
    const result = parseOperatorConfig({}, {});

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.workers).toBe(4);
    expect(result.config.resyncSeconds).toBe(600);
    expect(result.config.leaderElection.enabled).toBe(true);
    expect(result.config.platform.platformNamespace).toBe('lmo-system');
    expect(result.config.http).toEqual({ host: '0.0.0.0', port: 8081 });
    expect(Object.isFrozen(result.config)).toBe(true);
  });

  it('lets flags win over the environment', () => {
    const result = parseOperatorConfig(
      { workers: '8' },
      { LMO_WORKERS: '2', LMO_INGRESS_HOST: 'mcp.acme.example' },
    );

    expect(result.ok && result.config.workers).toBe(8);
    expect(result.ok && result.config.platform.ingressHost).toBe('mcp.acme.example');
  });

  it('lists every problem at once', () => {
    const result = parseOperatorConfig(
      {
        workers: 'many',
        'leader-elect': 'yes',
        'platform-namespace': 'Not_A_Name',
        'cleanup-url': 'ftp://x',
        'provider-egress': '10.0.0.0/33:443',
        'log-level': 'loud',
        'service-monitor': 'sometimes',
      },
      { LMO_RESYNC_SECONDS: '1' },
    );

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      '--platform-namespace: "Not_A_Name" is not a valid Kubernetes name (lower-case letters, digits, \'-\')',
      '--provider-egress: "10.0.0.0/33:443" is not CIDR:port[+port] (e.g. 203.0.113.0/24:443)',
      '--workers: "many" is not a whole number from 1 to 64',
      '--resync-seconds: "1" is not a whole number from 5 to 86400',
      '--leader-elect: "yes" is not true or false',
      '--cleanup-url: "ftp://x" is not an http(s) URL',
      '--log-level: "loud" is not one of fatal, error, warn, info, debug, trace, silent',
      '--service-monitor: "sometimes" is not one of true, false, auto',
    ]);
  });
});

describe('parseEgress', () => {
  it('reads CIDRs with one or more ports', () => {
    const problems: string[] = [];
    expect(parseEgress('203.0.113.0/24:443+8443, 198.51.100.7/32:443', problems)).toEqual([
      { cidr: '203.0.113.0/24', ports: [443, 8443] },
      { cidr: '198.51.100.7/32', ports: [443] },
    ]);
    expect(problems).toEqual([]);
  });

  it.each(['300.0.0.0/8:443', '10.0.0.0/8', '10.0.0.0/8:0', 'example.com:443'])('refuses %s', (entry) => {
    const problems: string[] = [];
    expect(parseEgress(entry, problems)).toEqual([]);
    expect(problems).toHaveLength(1);
  });
});
