/**
 * The provider SDKs tell a timeout from a broken connection by the `AbortError` that `fetch`
 * rejects with, and they keep a rejection's name only when it is `instanceof Error`. A
 * `DOMException` made in another JavaScript realm (Node's internals seen from a `vm` sandbox such
 * as Jest's) is not, so a timeout would turn into a nameless "connection error". Rejections that are
 * error-like objects from another realm are therefore copied into plain `Error`s with the same name,
 * message and cause; in a single-realm process nothing changes.
 */

/** `inner`, with rejections copied into this realm's `Error` (see the module comment). */
export function plainErrorFetch(inner: typeof fetch): typeof fetch {
  return async (input, init) => {
    try {
      return await inner(input, init);
    } catch (error) {
      throw plainError(error);
    }
  };
}

function plainError(error: unknown): unknown {
  if (error instanceof Error || typeof error !== 'object' || error === null) {
    return error;
  }
  const { name, message, cause } = error as { name?: unknown; message?: unknown; cause?: unknown };
  if (typeof name !== 'string' || typeof message !== 'string') {
    return error;
  }
  const copy = new Error(message, cause === undefined ? {} : { cause });
  copy.name = name;
  return copy;
}
