/** Renders a page as the dashboard would: real providers and router, a fake API underneath. */
import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { createApiClient } from '../../src/api/client.ts';
import { createQueryClient, Providers } from '../../src/providers.tsx';
import { fakeApi, type FakeAnswer, type FakeApi } from './fake-api.ts';

/** A signed-in owner of tenant `acme`, as `GET /v1/me` answers. */
export const ME_OWNER = {
  user: {
    id: '00000000-0000-4000-8000-000000000001',
    email: 'owner@example.com',
    isPlatformAdmin: false,
    createdAt: '2026-11-01T10:00:00.000Z',
  },
  authenticatedWith: 'session',
  csrfToken: 'csrf-token-1',
  sessionExpiresAt: '2026-11-29T10:00:00.000Z',
  tenants: [{ name: 'acme', role: 'owner' }],
};

/** Options of {@link renderPage}. */
export interface RenderPageOptions {
  /** The URL to start at, e.g. `/tenants/acme/keys`. */
  readonly url: string;
  /** The route pattern the page is mounted at, e.g. `/tenants/:tenant/keys`. */
  readonly path: string;
  /** API answers; `GET /v1/me` defaults to {@link ME_OWNER}. */
  readonly api?: Record<string, FakeAnswer>;
}

/** Renders `page` at `url`, with a fake API; other routes render their path so navigation shows. */
export function renderPage(page: ReactNode, options: RenderPageOptions): RenderResult & { api: FakeApi } {
  const api = fakeApi({ 'GET /v1/me': { status: 200, body: ME_OWNER }, ...options.api });
  const client = createApiClient({ fetch: api.fetch, baseUrl: 'http://lmo.test' });
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false } });
  const result = render(
    <Providers client={client} queryClient={queryClient}>
      <MemoryRouter initialEntries={[options.url]}>
        <Routes>
          <Route path={options.path} element={page} />
          <Route path="*" element={<p data-testid="navigated">navigated</p>} />
        </Routes>
      </MemoryRouter>
    </Providers>,
  );
  return Object.assign(result, { api });
}
