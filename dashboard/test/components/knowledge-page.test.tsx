import { describe, expect, it } from '@jest/globals';
import { act, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { KnowledgePage } from '../../src/pages/tenant/knowledge-page.tsx';
import { lmoError, type FakeAnswer } from '../support/fake-api.ts';
import { renderPage } from '../support/render.tsx';
import { fakeXhrFactory } from './fake-xhr.ts';

const DOC = {
  id: '5b0f7a2e-8d4c-4a53-9d7e-2f3c1a9b8e01',
  name: 'handbook.pdf',
  contentType: 'application/pdf',
  bytes: 1536,
  chunks: 12,
  createdAt: '2026-11-20T09:00:00.000Z',
};
const NOTES = {
  ...DOC,
  id: '0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5',
  name: 'notes.md',
  contentType: 'text/markdown',
  bytes: 900,
  chunks: 3,
};

const LIST = 'GET /v1/tenants/acme/knowledge';

function render(api: Record<string, FakeAnswer> = {}) {
  const xhrs = fakeXhrFactory();
  const page = renderPage(<KnowledgePage createXhr={xhrs.create} />, {
    url: '/tenants/acme/knowledge',
    path: '/tenants/:tenant/knowledge',
    api: { [LIST]: { status: 200, body: { items: [DOC] } }, ...api },
  });
  // user-event would silently drop files the picker's `accept` excludes; the page must say why.
  return { ...page, xhrs, user: userEvent.setup({ applyAccept: false }) };
}

const listReads = (api: ReturnType<typeof render>['api']) =>
  api.requests.filter((r) => r.method === 'GET' && r.path === '/v1/tenants/acme/knowledge').length;

describe('the knowledge page', () => {
  it('lists the documents with their type, size, passages and upload time', async () => {
    render();
    const row = (await screen.findByText('handbook.pdf')).closest('tr')!;
    expect(within(row).getByText('PDF')).toBeInTheDocument();
    expect(within(row).getByText('1.5 KB')).toBeInTheDocument();
    expect(within(row).getByText('12')).toBeInTheDocument();
    expect(within(row).getByText(/20 Nov 2026/)).toBeInTheDocument();
    expect(screen.getByLabelText('Document')).toHaveAccessibleDescription(
      /Text \(\.txt\), Markdown \(\.md\) or PDF, up to 10 MB/,
    );
  });

  it('says so when there are no documents, and asks for words before searching', async () => {
    const { api, user } = render({ [LIST]: { status: 200, body: { items: [] } } });
    expect(await screen.findByText('No documents yet.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(screen.getByLabelText('Search for')).toHaveAccessibleDescription(
      'Enter some words to search for.',
    );
    expect(api.requests.some((r) => r.path.endsWith('/search'))).toBe(false);
  });

  it('shows why the documents could not be loaded', async () => {
    render({
      [LIST]: { status: 503, body: lmoError('LMO_DEPENDENCY_UNAVAILABLE', 'pgvector is not installed') },
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the documents');
    expect(alert).toHaveTextContent('pgvector is not installed (LMO_DEPENDENCY_UNAVAILABLE)');
    expect(alert).toHaveTextContent('Try again later; nothing was changed.');
  });

  it('refuses a wrong type or an over-large file in the browser, before uploading', async () => {
    const { user, xhrs } = render();
    const input = await screen.findByLabelText('Document');
    await user.upload(input, new File(['GIF89a'], 'cat.gif', { type: 'image/gif' }));
    expect(input).toHaveAccessibleDescription(
      /“cat\.gif” \(image\/gif\) is not a text, Markdown or PDF file/,
    );
    expect(screen.getByRole('button', { name: 'Upload' })).toBeDisabled();
    const big = new File(['%PDF-'], 'big.pdf', { type: 'application/pdf' });
    Object.defineProperty(big, 'size', { value: 11 * 1024 * 1024 });
    await user.upload(input, big);
    expect(input).toHaveAccessibleDescription(/“big\.pdf” is 11 MB; the largest upload is 10 MB/);
    expect(xhrs.made).toHaveLength(0);
  });

  it('uploads with progress and the session CSRF token, then lists the new document', async () => {
    const { user, xhrs, api } = render();
    await screen.findByText('handbook.pdf');
    await user.upload(
      screen.getByLabelText('Document'),
      new File(['# Notes'], 'notes.md', { type: 'text/markdown' }),
    );
    await user.click(screen.getByRole('button', { name: 'Upload' }));
    const xhr = xhrs.made[0]!;
    expect(xhr.url).toBe('/v1/tenants/acme/knowledge');
    expect(xhr.headers.get('x-csrf-token')).toBe('csrf-token-1');
    expect(((xhr.body as FormData).get('file') as File).name).toBe('notes.md');
    act(() => {
      xhr.progress(3, 7);
    });
    expect(await screen.findByRole('progressbar', { name: 'Uploading notes.md: 42.9%' })).toHaveAttribute(
      'value',
      '3',
    );
    act(() => {
      xhr.progress(7, 7);
    });
    expect(await screen.findByRole('progressbar', { name: /Processing notes\.md/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cancel upload' })).not.toBeInTheDocument();
    const before = listReads(api);
    api.on(LIST, { status: 200, body: { items: [NOTES, DOC] } });
    act(() => {
      xhr.respond(201, NOTES);
    });
    expect(await screen.findByText('Added “notes.md”: 3 passages to search.')).toBeInTheDocument();
    expect(await screen.findByRole('cell', { name: 'notes.md' })).toBeInTheDocument();
    expect(listReads(api)).toBeGreaterThan(before);
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it("shows the API's refusal of an upload in words, and a cancelled upload as such", async () => {
    const { user, xhrs } = render();
    const input = await screen.findByLabelText('Document');
    await user.upload(input, new File(['text'], 'a.txt', { type: 'text/plain' }));
    await user.click(screen.getByRole('button', { name: 'Upload' }));
    act(() => {
      xhrs.made[0]!.respond(422, lmoError('LMO_VALIDATION_FAILED', 'The document holds no text to search'));
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not upload the document');
    expect(alert).toHaveTextContent('The document holds no text to search (LMO_VALIDATION_FAILED)');
    await user.click(screen.getByRole('button', { name: 'Upload' }));
    act(() => {
      xhrs.made[1]!.progress(1, 4);
    });
    await user.click(await screen.findByRole('button', { name: 'Cancel upload' }));
    expect(xhrs.made[1]!.aborted).toBe(true);
    expect(await screen.findByText('Upload cancelled.')).toBeInTheDocument();
  });

  it('deletes a document after asking', async () => {
    const { user, api } = render({
      'DELETE /v1/tenants/acme/knowledge/5b0f7a2e-8d4c-4a53-9d7e-2f3c1a9b8e01': { status: 204 },
    });
    await user.click(await screen.findByRole('button', { name: 'Delete handbook.pdf' }));
    expect(screen.getByText(/Its passages leave search at once. Are you sure\?/)).toBeInTheDocument();
    api.on(LIST, { status: 200, body: { items: [] } });
    await user.click(screen.getByRole('button', { name: 'Yes, delete' }));
    expect(await screen.findByText('No documents yet.')).toBeInTheDocument();
    expect(api.requests.some((r) => r.method === 'DELETE' && r.path.endsWith(DOC.id))).toBe(true);
  });

  it('searches like the search_knowledge tool and shows passages with their document and score', async () => {
    const { user, api } = render({
      'POST /v1/tenants/acme/knowledge/search': {
        status: 200,
        body: {
          items: [
            {
              documentId: DOC.id,
              documentName: 'handbook.pdf',
              chunk: 4,
              text: 'Refunds take 5 days.',
              score: 0.8312,
            },
          ],
        },
      },
    });
    await user.type(await screen.findByLabelText('Search for'), 'refund time');
    await user.selectOptions(screen.getByLabelText('Passages'), '10');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    const hits = await screen.findByRole('list', { name: 'Passages for “refund time”' });
    expect(within(hits).getByText('handbook.pdf')).toBeInTheDocument();
    expect(within(hits).getByText(/passage 5/)).toBeInTheDocument();
    expect(within(hits).getByText('score 0.83')).toBeInTheDocument();
    expect(within(hits).getByText('Refunds take 5 days.')).toBeInTheDocument();
    const search = api.requests.find((r) => r.path === '/v1/tenants/acme/knowledge/search')!;
    expect(search.body).toEqual({ query: 'refund time', limit: 10 });
    expect(search.headers.get('x-csrf-token')).toBe('csrf-token-1');

    api.on('POST /v1/tenants/acme/knowledge/search', { status: 200, body: { items: [] } });
    await user.clear(screen.getByLabelText('Search for'));
    await user.type(screen.getByLabelText('Search for'), 'unicorns');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(
      await screen.findByText('No passages found. Upload documents first, or try other words.'),
    ).toBeInTheDocument();
    await waitFor(() => {
      expect(screen.getByRole('button', { name: 'Search' })).toBeEnabled();
    });
  });
});
