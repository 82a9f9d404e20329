import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../../src/api/errors.ts';
import { fileProblem, formatBytes, typeLabel } from '../../src/pages/tenant/knowledge/file-rules.ts';
import { uploadDocument, UploadCancelled } from '../../src/pages/tenant/knowledge/upload-request.ts';
import { lmoError } from '../support/fake-api.ts';
import { fakeXhrFactory } from './fake-xhr.ts';

const DOC = {
  id: '5b0f7a2e-8d4c-4a53-9d7e-2f3c1a9b8e01',
  name: 'notes.md',
  contentType: 'text/markdown',
  bytes: 5,
  chunks: 1,
  createdAt: '2026-11-20T09:00:00.000Z',
};

const file = (): File => new File(['# Hi!'], 'notes.md', { type: 'text/markdown' });

describe('uploadDocument', () => {
  it('posts the file as multipart form data with the CSRF token, reports progress and answers the document', async () => {
    const xhrs = fakeXhrFactory();
    const seen: number[] = [];
    const done = uploadDocument({
      createXhr: xhrs.create,
      url: '/v1/tenants/acme/knowledge',
      file: file(),
      csrfToken: 'csrf-1',
      onProgress: (p) => seen.push(p.loaded / p.total),
    });
    const xhr = xhrs.made[0]!;
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/v1/tenants/acme/knowledge');
    expect(xhr.withCredentials).toBe(false);
    expect(xhr.headers.get('x-csrf-token')).toBe('csrf-1');
    expect(xhr.headers.get('accept')).toBe('application/json');
    expect(xhr.body).toBeInstanceOf(FormData);
    const sent = (xhr.body as FormData).get('file') as File;
    expect(sent.name).toBe('notes.md');
    expect(await sent.text()).toBe('# Hi!');
    xhr.progress(2, 5);
    xhr.progress(5, 5);
    xhr.respond(201, DOC);
    await expect(done).resolves.toEqual(DOC);
    expect(seen).toEqual([0.4, 1]);
  });

  it('sends no CSRF header when the session has none', async () => {
    const xhrs = fakeXhrFactory();
    const done = uploadDocument({ createXhr: xhrs.create, url: '/u', file: file(), csrfToken: undefined });
    expect(xhrs.made[0]!.headers.has('x-csrf-token')).toBe(false);
    xhrs.made[0]!.respond(201, DOC);
    await done;
  });

  it("rejects with the API's error, a proxy's 413 and a lost connection as ApiErrors", async () => {
    const xhrs = fakeXhrFactory();
    const options = { createXhr: xhrs.create, url: '/u', file: file(), csrfToken: 't' };
    const refused = uploadDocument(options);
    xhrs.made[0]!.respond(415, lmoError('LMO_UNSUPPORTED_MEDIA_TYPE', 'Not this file'));
    await expect(refused).rejects.toMatchObject({ status: 415, code: 'LMO_UNSUPPORTED_MEDIA_TYPE' });
    const tooLarge = uploadDocument(options);
    xhrs.made[1]!.respond(413, '<html>Request Entity Too Large</html>');
    await expect(tooLarge).rejects.toMatchObject({ status: 413, code: 'LMO_PAYLOAD_TOO_LARGE' });
    const lost = uploadDocument(options);
    xhrs.made[2]!.fail();
    await expect(lost).rejects.toBeInstanceOf(ApiError);
    await expect(lost).rejects.toMatchObject({ code: 'LMO_NETWORK' });
  });

  it('cancels when its signal aborts', async () => {
    const xhrs = fakeXhrFactory();
    const controller = new AbortController();
    const options = {
      createXhr: xhrs.create,
      url: '/u',
      file: file(),
      csrfToken: 't',
      signal: controller.signal,
    };
    const running = uploadDocument(options);
    controller.abort();
    await expect(running).rejects.toBeInstanceOf(UploadCancelled);
    expect(xhrs.made[0]!.aborted).toBe(true);
    await expect(uploadDocument(options)).rejects.toBeInstanceOf(UploadCancelled);
    expect(xhrs.made).toHaveLength(1);
  });
});

describe('fileProblem', () => {
  it('accepts text, Markdown and PDF, by type or, for a generic type, by extension', () => {
    expect(fileProblem({ name: 'a.txt', type: 'text/plain', size: 10 })).toBeUndefined();
    expect(fileProblem({ name: 'a.pdf', type: 'application/pdf', size: 10 })).toBeUndefined();
    expect(fileProblem({ name: 'a.md', type: '', size: 10 })).toBeUndefined();
    expect(fileProblem({ name: 'a.markdown', type: 'application/octet-stream', size: 10 })).toBeUndefined();
    expect(fileProblem({ name: 'a.txt', type: 'text/plain;charset=utf-8', size: 10 })).toBeUndefined();
  });

  it('refuses other types, empty files and files over the limit, in words', () => {
    expect(fileProblem({ name: 'cat.png', type: 'image/png', size: 10 })).toBe(
      '“cat.png” (image/png) is not a text, Markdown or PDF file. Save it in one of those formats first.',
    );
    expect(fileProblem({ name: 'a.docx', type: '', size: 10 })).toMatch(/is not a text, Markdown or PDF/);
    expect(fileProblem({ name: 'a.txt', type: 'text/plain', size: 0 })).toMatch(/is empty/);
    expect(fileProblem({ name: 'big.pdf', type: 'application/pdf', size: 12 * 1024 * 1024 })).toBe(
      '“big.pdf” is 12 MB; the largest upload is 10 MB. Split it into smaller files.',
    );
    expect(fileProblem({ name: 'a.txt', type: 'text/plain', size: 2048 }, 1024)).toMatch(
      /largest upload is 1 KB/,
    );
  });

  it('formats sizes and types for people', () => {
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(900)).toBe('900 bytes');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(10 * 1024 * 1024)).toBe('10 MB');
    expect(typeLabel('application/pdf')).toBe('PDF');
    expect(typeLabel('text/markdown')).toBe('Markdown');
  });
});
