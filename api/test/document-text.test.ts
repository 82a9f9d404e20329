import { describe, expect, it, jest } from '@jest/globals';
import { documentText, knowledgeContentType } from '../src/knowledge/document-text.ts';
import { makePdf } from './support/pdf.ts';

jest.setTimeout(30_000);

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('knowledgeContentType', () => {
  it('takes the declared type, without parameters, and its aliases', () => {
    expect(knowledgeContentType('text/plain; charset=utf-8', 'a.bin')).toBe('text/plain');
    expect(knowledgeContentType('text/markdown', 'notes')).toBe('text/markdown');
    expect(knowledgeContentType('text/x-markdown', 'notes')).toBe('text/markdown');
    expect(knowledgeContentType('application/pdf', 'x')).toBe('application/pdf');
  });

  it('falls back to the file extension only for a missing or generic type', () => {
    expect(knowledgeContentType('application/octet-stream', 'Guide.MD')).toBe('text/markdown');
    expect(knowledgeContentType(undefined, 'manual.pdf')).toBe('application/pdf');
    expect(knowledgeContentType('', 'notes.txt')).toBe('text/plain');
  });

  it('refuses anything else with LMO_UNSUPPORTED_MEDIA_TYPE', () => {
    expect(() => knowledgeContentType('image/png', 'photo.txt')).toThrow(
      expect.objectContaining({ code: 'LMO_UNSUPPORTED_MEDIA_TYPE' }),
    );
    expect(() => knowledgeContentType('application/octet-stream', 'archive.zip')).toThrow(
      expect.objectContaining({ code: 'LMO_UNSUPPORTED_MEDIA_TYPE' }),
    );
  });
});

describe('documentText', () => {
  it('reads UTF-8 text and Markdown as they are, without a byte-order mark', async () => {
    expect(await documentText('text/plain', utf8('\uFEFFGrüße aus Köln'))).toBe('Grüße aus Köln');
    expect(await documentText('text/markdown', utf8('# Title\n\n- item'))).toBe('# Title\n\n- item');
  });

  it('extracts the text layer of a PDF', async () => {
    const text = await documentText(
      'application/pdf',
      makePdf(['Refunds take five days.', 'Call (555) 0100.']),
    );

    expect(text).toContain('Refunds take five days.');
    expect(text).toContain('Call (555) 0100.');
  });

  it('refuses invalid UTF-8, a file that is no PDF, a broken PDF and text-free documents', async () => {
    const failing = [
      documentText('text/plain', new Uint8Array([0x66, 0xff, 0xfe])),
      documentText('application/pdf', utf8('hello')),
      documentText('application/pdf', utf8('%PDF-1.4\nnot really')),
      documentText('text/plain', utf8(' ... --- \n')),
    ];
    for (const call of failing) await expect(call).rejects.toMatchObject({ code: 'LMO_VALIDATION_FAILED' });
  });
});
