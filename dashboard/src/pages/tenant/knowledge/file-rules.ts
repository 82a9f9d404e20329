/**
 * What knowledge accepts, checked in the browser before uploading: the API's types (text,
 * Markdown, PDF, by content type or, when the browser gives a generic one, by extension, as
 * `knowledgeContentType` in the API does) and its size limit. Pure.
 */

/** The API's default upload limit (`LMO_KNOWLEDGE_MAX_BYTES`); it does not publish its setting. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const TYPES: Readonly<Record<string, string>> = {
  'text/plain': 'Text',
  'text/markdown': 'Markdown',
  'text/x-markdown': 'Markdown',
  'application/pdf': 'PDF',
  'application/x-pdf': 'PDF',
};

const EXTENSIONS = ['txt', 'text', 'md', 'markdown', 'pdf'];

/** The file picker's `accept`. */
export const ACCEPT = [
  ...EXTENSIONS.map((e) => `.${e}`),
  'text/plain',
  'text/markdown',
  'application/pdf',
].join(',');

/** `1.5 MB`, `820 KB`, `12 bytes`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 && !Number.isInteger(value) ? 1 : 0)} ${units[unit] ?? ''}`;
}

/** `Text`, `Markdown` or `PDF` for a content type the API stored. */
export const typeLabel = (contentType: string): string => TYPES[contentType] ?? contentType;

function accepted(file: Pick<File, 'name' | 'type'>): boolean {
  const type = file.type.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type in TYPES) return true;
  const extension = /\.([A-Za-z0-9]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? '';
  return (type === '' || type === 'application/octet-stream') && EXTENSIONS.includes(extension);
}

/** Why `file` cannot be uploaded, in words, or `undefined` when it can. */
export function fileProblem(
  file: Pick<File, 'name' | 'type' | 'size'>,
  maxBytes: number = MAX_UPLOAD_BYTES,
): string | undefined {
  if (!accepted(file)) {
    const kind = file.type === '' ? '' : ` (${file.type})`;
    return `“${file.name}”${kind} is not a text, Markdown or PDF file. Save it in one of those formats first.`;
  }
  if (file.size === 0) return `“${file.name}” is empty: there is nothing in it to search.`;
  if (file.size > maxBytes) {
    return `“${file.name}” is ${formatBytes(file.size)}; the largest upload is ${formatBytes(maxBytes)}. Split it into smaller files.`;
  }
  return undefined;
}
