/**
 * A knowledge upload with progress: `fetch` cannot report upload progress, so this uses
 * XMLHttpRequest (made by the factory it is given, so tests pass a fake). Like the API client it
 * sends the session's CSRF token in `x-csrf-token` and cookies only to its own origin, and turns
 * an error answer into an {@link ApiError}.
 */
import { ApiError, networkError } from '../../../api/errors.ts';
import type { Ok } from '../../../api/types.ts';

/** The parts of an XMLHttpRequest an upload uses; a real one fits. */
export type UploadXhr = Pick<
  XMLHttpRequest,
  | 'open'
  | 'setRequestHeader'
  | 'send'
  | 'abort'
  | 'status'
  | 'responseText'
  | 'withCredentials'
  | 'onload'
  | 'onerror'
  | 'onabort'
> & { readonly upload: Pick<XMLHttpRequestUpload, 'onprogress'> };

/** Makes the request object of an upload. */
export type XhrFactory = () => UploadXhr;

/** The browser's own XMLHttpRequest. */
export const browserXhr: XhrFactory = () => new XMLHttpRequest();

/** A document as the API answers an upload. */
export type KnowledgeDocument = Ok<'/v1/tenants/{tenant}/knowledge', 'post'>;

/** Bytes sent so far of how many. */
export interface UploadProgress {
  readonly loaded: number;
  readonly total: number;
}

/** What {@link uploadDocument} needs. */
export interface UploadOptions {
  readonly createXhr: XhrFactory;
  /** `/v1/tenants/<tenant>/knowledge` on this origin. */
  readonly url: string;
  readonly file: File;
  /** The session's CSRF token (from `GET /v1/me`); the API refuses the upload without it. */
  readonly csrfToken: string | undefined;
  readonly onProgress?: (progress: UploadProgress) => void;
  /** Aborting it cancels the upload. */
  readonly signal?: AbortSignal;
}

/** The upload was cancelled by the person (not a failure to report). */
export class UploadCancelled extends Error {
  constructor() {
    super('The upload was cancelled');
    this.name = 'UploadCancelled';
  }
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The error of a non-2xx answer; a 413 from a proxy in front of the API has no LMO body. */
function errorOf(status: number, body: unknown): ApiError {
  const error = ApiError.fromBody(status, body);
  if (status === 413 && error.code === 'LMO_BAD_REQUEST') {
    return new ApiError(413, 'LMO_PAYLOAD_TOO_LARGE', 'The file is larger than the platform accepts');
  }
  return error;
}

/** Sends `file` as `multipart/form-data` (one part, `file`); resolves with the stored document. */
export function uploadDocument(options: UploadOptions): Promise<KnowledgeDocument> {
  const { file, signal } = options;
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(new UploadCancelled());
      return;
    }
    const xhr = options.createXhr();
    xhr.open('POST', options.url);
    xhr.withCredentials = false; // cookies go to this origin only, like fetch's `same-origin`
    xhr.setRequestHeader('accept', 'application/json');
    if (options.csrfToken !== undefined) xhr.setRequestHeader('x-csrf-token', options.csrfToken);
    xhr.upload.onprogress = (event) => {
      options.onProgress?.({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    };
    xhr.onload = () => {
      const body = parse(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as KnowledgeDocument);
      else reject(errorOf(xhr.status, body));
    };
    xhr.onerror = () => {
      reject(networkError(new Error(`Uploading ${file.name} failed`)));
    };
    xhr.onabort = () => {
      reject(new UploadCancelled());
    };
    signal?.addEventListener('abort', () => {
      xhr.abort();
    });
    const body = new FormData();
    body.append('file', file, file.name);
    xhr.send(body);
  });
}
