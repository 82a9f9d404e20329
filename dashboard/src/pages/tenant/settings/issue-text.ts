/**
 * The API's validation messages ("must be <= 2", "must match the pattern ^[a-z]…") in words for
 * the person at the form, shown under the field the issue is about. Pure.
 */
import { ECHO_MODEL } from '@lmo/contracts';

const NAME_RULE = 'Use lower-case letters, digits and -, starting with a letter (at most 63 characters).';

function special(path: string, message: string): string | undefined {
  if (message.startsWith('must match the pattern')) {
    if (path.endsWith('/name')) return NAME_RULE;
    if (path === '/model/baseUrl') return 'Enter a URL that starts with http:// or https://.';
  }
  if (message === 'must be a valid uri') return 'Enter a full URL, like https://llm.example.com/v1.';
  if (path === '/model/baseUrl' && message.includes('required when provider')) {
    return 'Enter the base URL of your server: the OpenAI-compatible provider needs one.';
  }
  if (path === '/model/model' && message.includes(`'${ECHO_MODEL}'`)) {
    return `${ECHO_MODEL} only works with the echo provider: enter a model your provider serves, like gpt-4o-mini.`;
  }
  if (message.startsWith('must be unique')) {
    return path.includes('/arguments/')
      ? 'Another argument of this template already has this name.'
      : 'Another prompt template already has this name.';
  }
  if (message === 'is required') return 'This is required.';
  return undefined;
}

/** `message` about the field at JSON pointer `path`, as a sentence for people. */
export function issueText(path: string, message: string): string {
  const known = special(path, message);
  if (known !== undefined) return known;
  const words = message.replace('<=', 'at most').replace('>=', 'at least').replace(/\.$/, '');
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}.`;
}
