/**
 * The text of an uploaded knowledge document: UTF-8 text and Markdown as they are, PDF through
 * unpdf (PDF.js built for servers, pure JavaScript). The content type comes from the upload, or
 * from the file name when the client sent a generic one.
 */
import { LmoError } from '@lmo/contracts';
import { extractText, getDocumentProxy } from 'unpdf';

/** The document types knowledge accepts. */
export const KNOWLEDGE_CONTENT_TYPES = ['text/plain', 'text/markdown', 'application/pdf'] as const;
/** One of {@link KNOWLEDGE_CONTENT_TYPES}. */
export type KnowledgeContentType = (typeof KNOWLEDGE_CONTENT_TYPES)[number];

const BY_EXTENSION: Readonly<Record<string, KnowledgeContentType>> = {
  txt: 'text/plain',
  text: 'text/plain',
  md: 'text/markdown',
  markdown: 'text/markdown',
  pdf: 'application/pdf',
};

const ALIASES: Readonly<Record<string, KnowledgeContentType>> = {
  'text/x-markdown': 'text/markdown',
  'application/x-pdf': 'application/pdf',
};

function typeOfFileName(fileName: string): KnowledgeContentType | undefined {
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return extension === undefined ? undefined : BY_EXTENSION[extension];
}

/**
 * The knowledge type of an upload: its declared type (parameters such as `charset` ignored), or
 * the file name's extension when the type is missing or generic (`application/octet-stream`).
 *
 * @throws {LmoError} `LMO_UNSUPPORTED_MEDIA_TYPE` for anything else.
 */
export function knowledgeContentType(declared: string | undefined, fileName: string): KnowledgeContentType {
  const type = (declared ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const known = KNOWLEDGE_CONTENT_TYPES.find((t) => t === type) ?? ALIASES[type];
  if (known !== undefined) return known;
  const byName = typeOfFileName(fileName);
  if ((type === '' || type === 'application/octet-stream') && byName !== undefined) return byName;
  throw new LmoError(
    'LMO_UNSUPPORTED_MEDIA_TYPE',
    `Knowledge accepts text, Markdown and PDF documents, not ${type === '' ? 'this file' : type}`,
    { details: { accepted: [...KNOWLEDGE_CONTENT_TYPES] } },
  );
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new LmoError('LMO_VALIDATION_FAILED', 'The document is not UTF-8 text');
  }
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  if (new TextDecoder('latin1').decode(bytes.subarray(0, 5)) !== '%PDF-') {
    throw new LmoError('LMO_VALIDATION_FAILED', 'The document is not a PDF file');
  }
  let pdf;
  try {
    // PDF.js takes ownership of the buffer it is given: hand it a copy.
    pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  } catch {
    throw new LmoError('LMO_VALIDATION_FAILED', 'The PDF file could not be read');
  }
  try {
    const { text } = await extractText(pdf, { mergePages: true });
    return text;
  } finally {
    await pdf.loadingTask.destroy();
  }
}

/**
 * The text of a document of `type`.
 *
 * @throws {LmoError} `LMO_VALIDATION_FAILED` when the bytes are not valid UTF-8 (text, Markdown),
 *   not a readable PDF, or hold no text at all (a scanned PDF without a text layer).
 */
export async function documentText(type: KnowledgeContentType, bytes: Uint8Array): Promise<string> {
  const text = type === 'application/pdf' ? await pdfText(bytes) : decodeUtf8(bytes);
  if (!/[\p{L}\p{N}]/u.test(text)) {
    throw new LmoError('LMO_VALIDATION_FAILED', 'The document holds no text to search');
  }
  return text.replace(/^\uFEFF/, '');
}
