// Builds the dashboard into dist/ (served by the API at `/` in `make dev`, or by its own Deployment
// in a cluster). `npm run dev -w dashboard` serves it with hot reload and forwards API and tenant
// calls to a running `make dev` (LMO_API_URL, default http://127.0.0.1:8080), keeping one origin.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = process.env['LMO_API_URL'] ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1024 },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/v1': api,
      // Tenant runtimes accept browser calls only from allowed origins (the API's own in make dev):
      // forwarded calls from this dev server present the API's origin.
      '/t': {
        target: api,
        configure: (proxy) => {
          proxy.on('proxyReq', (request) => {
            if (request.getHeader('origin') !== undefined) request.setHeader('origin', new URL(api).origin);
          });
        },
      },
    },
  },
});
