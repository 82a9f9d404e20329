/** The members page's rules and links: invitation e-mails (the API's pattern), links, roles. Pure. */
import { EMAIL_PATTERN } from '@lmo/contracts';

const EMAIL = new RegExp(EMAIL_PATTERN, 'u');

/** A tenant role. */
export type Role = 'owner' | 'member';

/** Query key of a tenant's members and (under it) its invitations; writes invalidate it. */
export const membersKey = (tenant: string): readonly unknown[] => ['members', tenant];

/** What is wrong with the e-mail address to invite, or `undefined`. */
export function inviteEmailProblem(email: string): string | undefined {
  const trimmed = email.trim();
  if (trimmed === '') return 'Enter the e-mail address of the person to invite.';
  if (trimmed.length > 254 || !EMAIL.test(trimmed)) return 'Enter an e-mail address like name@example.com.';
  return undefined;
}

/**
 * The link that accepts an invitation: the dashboard's accept page with the token in the fragment,
 * which browsers never send to a server, so it stays out of access logs.
 */
export function invitationLink(origin: string, token: string): string {
  return `${origin}/invitations/accept#token=${encodeURIComponent(token)}`;
}

/** What each role may do, in words. */
export const ROLE_HINT =
  'Owners change settings, members and billing, and can delete the tenant. Members see the tenant and manage its API keys and knowledge.';

/** `Owner` or `Member`. */
export const roleLabel = (role: Role): string => (role === 'owner' ? 'Owner' : 'Member');
