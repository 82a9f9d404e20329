/**
 * The form rules of accounts and tenants: the same ones the API applies (its schemas use these
 * patterns from @lmo/contracts), checked as people type so they learn before they submit. Pure.
 */
import { EMAIL_PATTERN, validateTenantName } from '@lmo/contracts';

const EMAIL = new RegExp(EMAIL_PATTERN, 'u');
/** The API's shortest password. */
export const MIN_PASSWORD_LENGTH = 12;

/** What is wrong with an e-mail address, or `undefined`. */
export function emailProblem(email: string): string | undefined {
  if (email.trim() === '') return 'Enter your e-mail address.';
  if (email.length > 254 || !EMAIL.test(email)) return 'Enter an e-mail address like name@example.com.';
  return undefined;
}

/** What is wrong with a new password, or `undefined`. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > 1024) return 'Use at most 1,024 characters.';
  return undefined;
}

/** What is wrong with a tenant name, or `undefined`. */
export function tenantNameProblem(name: string): string | undefined {
  const result = validateTenantName(name);
  if (result.ok) return undefined;
  const message = result.issues[0]?.message ?? 'is not valid';
  return `The name ${message}; it becomes part of your endpoint URL.`;
}

/** What is wrong with a display name, or `undefined`. */
export function displayNameProblem(displayName: string): string | undefined {
  if (displayName.trim() === '') return 'Enter a name people will recognise.';
  if (displayName.length > 100) return 'Use at most 100 characters.';
  return undefined;
}

/** A tenant name suggested from a display name: `Acme Corp.` → `acme-corp`. */
export function suggestTenantName(displayName: string): string {
  return displayName
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
}
