import { describe, expect, it } from '@jest/globals';
import { tokenFrom } from '../../src/pages/account/accept-invitation-page.tsx';
import { invitationLink } from '../../src/pages/tenant/members/member-rules.ts';
import { safeNext } from '../../src/session/require-session.tsx';

describe('safeNext: where to go after logging in', () => {
  it('keeps a path on this site with its query', () => {
    expect(safeNext('/tenants/acme/keys?x=1')).toBe('/tenants/acme/keys?x=1');
  });

  it('sends anything that leaves the site, or is not a path, home', () => {
    for (const next of [
      null,
      '',
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      '/%09/evil.example',
      'javascript:alert(1)',
    ]) {
      const target = safeNext(next);
      expect([next, target.startsWith('/') && !target.startsWith('//') && !target.startsWith('/\\')]).toEqual(
        [next, true],
      );
      expect(new URL(target, 'https://lmo.test').origin).toBe('https://lmo.test');
    }
    expect(safeNext('//evil.example')).toBe('/');
  });

  it('carries the current fragment (an invitation token) along', () => {
    expect(safeNext('/invitations/accept', '#token=abc')).toBe('/invitations/accept#token=abc');
  });
});

describe('invitation links', () => {
  it('put the token in the fragment, which browsers never send to a server', () => {
    const link = new URL(invitationLink('https://lmo.example.com', 'tok en/1'));
    expect(link.search).toBe('');
    expect(link.pathname).toBe('/invitations/accept');
    expect(tokenFrom(link.hash, null)).toBe('tok en/1');
  });

  it('still read the token of an older ?token= link', () => {
    expect(tokenFrom('', 'old-token')).toBe('old-token');
    expect(tokenFrom('#token=new', 'old')).toBe('new');
    expect(tokenFrom('', null)).toBe('');
  });
});
