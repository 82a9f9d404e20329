// Multipart bodies for `app.inject`, serialised by the platform's own FormData and Request.

/** A multipart/form-data body with one file part, and its content type (with the boundary). */
export async function multipartFile(
  fileName: string,
  content: Uint8Array | string,
  type: string,
): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData();
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), fileName);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    headers: { 'content-type': request.headers.get('content-type') ?? '' },
  };
}
