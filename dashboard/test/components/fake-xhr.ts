/** A stand-in for XMLHttpRequest in upload tests: records the request, and answers when told. */
import type { UploadXhr } from '../../src/pages/tenant/knowledge/upload-request.ts';

/** A fake request: what was sent, and methods to play the server's side. */
export class FakeXhr implements UploadXhr {
  method = '';
  url = '';
  readonly headers = new Map<string, string>();
  body: unknown = undefined;
  aborted = false;
  withCredentials = true;
  status = 0;
  responseText = '';
  readonly upload: Pick<XMLHttpRequestUpload, 'onprogress'> = { onprogress: null };
  onload: XMLHttpRequest['onload'] = null;
  onerror: XMLHttpRequest['onerror'] = null;
  onabort: XMLHttpRequest['onabort'] = null;

  open(method: string, url: string | URL): void {
    this.method = method;
    this.url = String(url);
  }
  setRequestHeader(name: string, value: string): void {
    this.headers.set(name.toLowerCase(), value);
  }
  send(body?: Document | XMLHttpRequestBodyInit | null): void {
    this.body = body;
  }
  abort(): void {
    this.aborted = true;
    this.onabort?.call(this as never, new ProgressEvent('abort'));
  }
  /** The browser reports `loaded` of `total` bytes sent. */
  progress(loaded: number, total: number): void {
    this.upload.onprogress?.call(
      this as never,
      new ProgressEvent('progress', { loaded, total, lengthComputable: true }),
    );
  }
  /** The server answers. */
  respond(status: number, body?: unknown): void {
    this.status = status;
    this.responseText = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
    this.onload?.call(this as never, new ProgressEvent('load'));
  }
  /** The connection fails. */
  fail(): void {
    this.onerror?.call(this as never, new ProgressEvent('error'));
  }
}

/** A factory that hands out fakes and keeps them, newest last. */
export function fakeXhrFactory(): { create: () => FakeXhr; made: FakeXhr[] } {
  const made: FakeXhr[] = [];
  return {
    made,
    create: () => {
      const xhr = new FakeXhr();
      made.push(xhr);
      return xhr;
    },
  };
}
